"""Writes the freshness stamps the TypeScript wrapper computed
(scripts/notebooks/freshness.ts, stampsOf) into a notebook the runner executed.
The digests and the check that reads them exist only in TypeScript."""

import json
import os

FRESHNESS_KEY = "how_many_flops"


def is_published(path, root):
    """Only the project's own notebooks (notebooks/*.ipynb) are stamped; test fixtures are not."""
    return os.path.dirname(os.path.realpath(path)) == os.path.join(root, "notebooks")


def load_stamps(path):
    """The wrapper's stamps file: {real path of a notebook: {"library": …, "cells": [digest or null, …]}}."""
    if path is None:
        return {}
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def write_stamps(nb, stamps):
    """Writes `stamps` into `nb` in place. False when they were computed for other cells than `nb` has."""
    cells = stamps.get("cells")
    if not isinstance(cells, list) or len(cells) != len(nb.cells):
        return False
    nb.metadata[FRESHNESS_KEY] = {"library": stamps["library"]}
    for cell, digest in zip(nb.cells, cells):
        if cell.cell_type == "code":
            if not isinstance(digest, str):
                return False
            cell.metadata[FRESHNESS_KEY] = {"source": digest}
    return True
