"""Signs the project's notebooks as trusted in the reader's Jupyter data folder
(the same signature database JupyterLab and Notebook read), so they open with
their committed charts: an untrusted notebook's HTML and SVG outputs are
sanitised or hidden until the reader re-runs every cell.

    trust.py NOTEBOOK...        sign them; prints one line per notebook
    trust.py --check NOTEBOOK...  exit 1 if one is not trusted
"""

import sys

import nbformat
from nbformat.sign import NotebookNotary


def main(argv):
    check = argv[:1] == ["--check"]
    paths = argv[1:] if check else argv
    notary = NotebookNotary()
    untrusted = []
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        if check:
            if not notary.check_signature(nb):
                untrusted.append(path)
            continue
        notary.sign(nb)
        print(f"trusted {path}")
    for path in untrusted:
        print(f"not trusted: {path}", file=sys.stderr)
    return 1 if untrusted else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
