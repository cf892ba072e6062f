#!/usr/bin/python3
"""Executes notebooks with the project kernel through Jupyter (nbclient).

    run.py --write NOTEBOOK…   run, then write the outputs back (only if every cell ran clean)
    run.py --check NOTEBOOK…   run in memory and compare with the committed outputs

Progress goes to stdout ("01-the-question.ipynb  cell 5/23  0.4 s"), failures
to stderr, each naming the notebook and the cell. Exit status: 0 when every
notebook ran clean (and, with --check, was fresh); 1 when a cell failed or
outputs were stale; 2 for unusable input (a broken notebook file, bad
arguments), in which case that notebook is not executed at all.
"""

import argparse
import copy
import os
import sys
import time

# No __pycache__ folders in the repository.
sys.dont_write_bytecode = True

ROOT = os.path.realpath(os.path.join(os.path.dirname(__file__), "..", ".."))
# Set before jupyter_client is imported. The project's kernelspec (written by
# `npm run kernel` or the Node wrapper) comes first; the user's kernels stay visible.
os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [os.path.join(ROOT, ".jupyter"), os.environ.get("JUPYTER_PATH")]))
os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")
# jsonschema (not fastjsonschema) says which field of which cell is wrong.
os.environ["NBFORMAT_VALIDATOR"] = "jsonschema"

import nbformat  # noqa: E402

from compare import first_stale_cell  # noqa: E402
from execute import execute_notebook  # noqa: E402
from failures import CellFailure, NotebookFailure  # noqa: E402
from load import NotebookInputError, load_notebook  # noqa: E402
from normalize import ensure_cell_ids, normalize_notebook  # noqa: E402
from stamp import is_published, load_stamps, write_stamps  # noqa: E402


def main(argv):
    parser = argparse.ArgumentParser(prog="run.py", description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true", help="write fresh outputs back into the notebooks")
    mode.add_argument("--check", action="store_true", help="fail when committed outputs differ from fresh ones")
    parser.add_argument("--timeout", type=int, default=300, help="seconds a cell may run (default 300)")
    parser.add_argument("--stamps", help="JSON file of freshness stamps by notebook path, from the TypeScript wrapper (scripts/notebooks/freshness.ts); needed to write notebooks/*.ipynb")
    parser.add_argument("notebooks", nargs="+", metavar="NOTEBOOK")
    args = parser.parse_args(argv)

    stamps = load_stamps(args.stamps)
    worst = 0
    for path in args.notebooks:
        worst = max(worst, run_one(path, args.write, args.timeout, stamps.get(os.path.realpath(path))))
    return worst


def display_path(path):
    absolute = os.path.abspath(path)
    return os.path.relpath(absolute, ROOT) if absolute.startswith(ROOT + os.sep) else path


def run_one(path, write, timeout, stamps):
    notebook = display_path(path)
    name = os.path.basename(path)
    started = time.monotonic()
    try:
        committed = load_notebook(path, notebook)
    except NotebookInputError as e:
        report(f"FAIL {e}")
        return 2
    published = is_published(path, ROOT)
    if write and published and stamps is None:
        report(f"FAIL {notebook}: published notebooks are stamped with the digest of the code they import; run them with `npm run notebooks`")
        return 2

    def progress(event, **fields):
        if event == "kernel":
            say(f"{name}  kernel ready  {fields['seconds']:.1f} s")
        elif event == "cell":
            say(f"{name}  cell {fields['index'] + 1}/{fields['count']}  {fields['seconds']:.1f} s")

    fresh = copy.deepcopy(committed)
    try:
        execute_notebook(fresh, notebook, ROOT, timeout, progress)
    except (CellFailure, NotebookFailure) as e:
        report(f"FAIL {e}")
        return 1
    normalize_notebook(fresh)
    elapsed = time.monotonic() - started

    if write:
        ensure_cell_ids(fresh)
        if published and not write_stamps(fresh, stamps):
            report(f"FAIL {notebook}: the notebook changed while it ran; run `npm run notebooks -- {notebook}` again")
            return 1
        text = nbformat.writes(fresh, version=4)
        if not text.endswith("\n"):
            text += "\n"
        with open(path, encoding="utf-8") as f:
            unchanged = f.read() == text
        if not unchanged:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        say(f"{name}  ok  {elapsed:.1f} s  ({'unchanged' if unchanged else 'written'})")
        return 0

    # The wrapper checks the freshness stamps of what this finds fresh.
    stale = first_stale_cell(notebook, normalize_notebook(committed), fresh)
    if stale is not None:
        report(f"FAIL {stale}")
        return 1
    say(f"{name}  ok  {elapsed:.1f} s  (outputs fresh)")
    return 0


def say(line):
    print(line, flush=True)


def report(message):
    print(message, file=sys.stderr, flush=True)


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        report("interrupted")
        sys.exit(130)
