"""Freshness: do the committed outputs equal the outputs of a fresh run?"""

import difflib
import json

from failures import first_line, indent
from normalize import normalize_outputs

MAX_DIFF_LINES = 30


def outputs_text(outputs):
    """A stable text form of outputs, for equality and a readable diff."""
    return json.dumps(normalize_outputs(outputs), indent=1, sort_keys=True, ensure_ascii=False).splitlines()


def first_stale_cell(notebook, committed, fresh):
    """None when every code cell's outputs match, else a message naming the first cell that differs."""
    if len(committed.cells) != len(fresh.cells):
        return f"{notebook}: the notebook changed while it ran ({len(committed.cells)} cells on disk, {len(fresh.cells)} run)"
    count = len(fresh.cells)
    for index, (old, new) in enumerate(zip(committed.cells, fresh.cells)):
        if new.cell_type != "code":
            continue
        before, after = outputs_text(old.get("outputs", [])), outputs_text(new.get("outputs", []))
        if before == after:
            continue
        diff = list(difflib.unified_diff(before, after, "committed", "fresh", n=2, lineterm=""))
        if len(diff) > MAX_DIFF_LINES:
            diff = diff[:MAX_DIFF_LINES] + [f"… ({len(diff) - MAX_DIFF_LINES} more diff lines)"]
        return (
            f"{notebook}: cell {index + 1}/{count} ({first_line(new.source)}): committed outputs are stale; "
            f"refresh them with `npm run notebooks -- {notebook}`\n" + indent("\n".join(diff))
        )
    return None
