"""Freshness stamps of the published notebooks (see src/notebook/freshness.ts,
which computes the library digest the runner is given and checks the stamps
at site build time). The cell digest here must equal sourceDigest there."""

import hashlib
import os

FRESHNESS_KEY = "how_many_flops"
DIGEST_CHARS = 16


def source_digest(source):
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:DIGEST_CHARS]


def is_published(path, root):
    """Only the project's own notebooks (notebooks/*.ipynb) are stamped; test fixtures are not."""
    return os.path.dirname(os.path.realpath(path)) == os.path.join(root, "notebooks")


def stamp(nb, library):
    """Writes the stamps into `nb` (in place) and returns it."""
    nb.metadata[FRESHNESS_KEY] = {"library": library}
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.metadata[FRESHNESS_KEY] = {"source": source_digest(cell.source)}
    return nb


def stale_stamp(notebook, nb, library, refresh):
    """None when the committed stamps match, else a message naming the notebook or the cell."""
    recorded = nb.metadata.get(FRESHNESS_KEY) or {}
    if recorded.get("library") is None:
        return f"{notebook}: outputs are fresh but it has no freshness stamp; run `{refresh}` to record one"
    count = len(nb.cells)
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        if (cell.metadata.get(FRESHNESS_KEY) or {}).get("source") != source_digest(cell.source):
            return f"{notebook}: cell {index + 1}/{count}: outputs are fresh but its freshness stamp is outdated; run `{refresh}` to record it"
    if recorded.get("library") != library:
        return f"{notebook}: outputs are fresh but the code it imports changed since its stamp; run `{refresh}` to record it"
    return None

