"""What went wrong in a cell, in words that name the notebook and the cell."""

import re

# tslab prints each TypeScript diagnostic as "[file ]line:column - message".
DIAGNOSTIC = re.compile(r"^(?:(\S+) )?(\d+):(\d+) - (.*)$")
# Stack frames of the kernel's own machinery say nothing about the cell.
MACHINERY_FRAME = re.compile(r"^\s+at .*(node_modules/tslab/|node:internal|node:vm|evalmachine\.<anonymous>:\d+:\d+\)?$|sigintHandlersWrap)")
MAX_DETAIL_LINES = 24


class CellFailure(Exception):
    """One cell failed; str() is the full message."""

    def __init__(self, notebook, cell_index, cell_count, source, what, detail=""):
        self.notebook = notebook
        self.cell_number = cell_index + 1
        head = f"{notebook}: cell {cell_index + 1}/{cell_count} ({first_line(source)}): {what}"
        super().__init__(head + (("\n" + indent(detail)) if detail.strip() else ""))


class NotebookFailure(Exception):
    """The notebook as a whole could not run (kernel missing or dead at start)."""


def first_line(source):
    lines = [line for line in source.splitlines() if line.strip()]
    line = lines[0].strip() if lines else "empty"
    return f"`{line[:60]}{'…' if len(line) > 60 else ''}`"


def indent(text):
    lines = text.rstrip("\n").splitlines()
    if len(lines) > MAX_DETAIL_LINES:
        lines = lines[:MAX_DETAIL_LINES] + [f"… ({len(lines) - MAX_DETAIL_LINES} more lines)"]
    return "\n".join("    " + line for line in lines)


def stderr_text(outputs):
    return "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream" and o.get("name") == "stderr")


def describe_diagnostics(text):
    """'1:7 - message' lines as 'line 1, column 7: message', or None when the text is not all diagnostics."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return None
    described = []
    for line in lines:
        m = DIAGNOSTIC.match(line)
        if m is None:
            return None
        file, row, column, message = m.groups()
        where = f"{file} line {row}, column {column}" if file else f"line {row}, column {column}"
        described.append(f"{where}: {message}")
    return "\n".join(described)


# Node's "file:line" header above the throwing line counts lines of tslab's wrapper, not of the cell.
WRAPPER_HEADER = re.compile(r"^evalmachine\.<anonymous>:\d+$")


def without_machinery(text):
    lines = [line for line in text.splitlines() if not MACHINERY_FRAME.match(line) and not WRAPPER_HEADER.match(line)]
    return "\n".join(lines).strip("\n")


def check_cell(notebook, cell_index, cell_count, cell, reply):
    """Raises CellFailure when the cell failed or wrote to stderr; tslab reports
    compile and runtime errors as stderr text with an "error" reply, not as
    error outputs, so all three are checked."""
    status = (reply or {}).get("content", {}).get("status")
    stderr = stderr_text(cell.outputs)
    errors = [o for o in cell.outputs if o.get("output_type") == "error"]
    fail = lambda what, detail="": CellFailure(notebook, cell_index, cell_count, cell.source, what, detail)
    if errors:
        e = errors[0]
        raise fail(f"raised {e.get('ename', 'an error')}: {e.get('evalue', '')}", without_machinery("\n".join(e.get("traceback", []))))
    if status == "error":
        diagnostics = describe_diagnostics(stderr)
        if diagnostics is not None:
            raise fail("does not compile (TypeScript, as tslab checks it)", diagnostics)
        if stderr.strip():
            raise fail("threw an exception", without_machinery(stderr))
        raise fail("failed, and the kernel printed nothing about why")
    if status == "aborted" or status == "abort":
        raise fail("was aborted by the kernel (an earlier request failed)")
    if status != "ok":
        raise fail(f"got no usable reply from the kernel (status {status!r})")
    if stderr.strip():
        raise fail("wrote to stderr (notebooks must run clean)", without_machinery(stderr))
