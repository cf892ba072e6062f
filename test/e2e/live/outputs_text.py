"""Prints each code cell's outputs of the notebooks named on the command line,
normalized as the notebook tests normalize them (scripts/notebooks/normalize.py),
as JSON: {path: [outputs text of code cell 1, 2, …]}."""

import json
import os
import sys

import nbformat

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "scripts", "notebooks"))
from compare import outputs_text  # noqa: E402

result = {}
for path in sys.argv[1:]:
    nb = nbformat.read(path, as_version=4)
    result[path] = ["\n".join(outputs_text(cell.get("outputs", []))) for cell in nb.cells if cell.cell_type == "code"]
print(json.dumps(result))
