"""What "the same outputs" means: notebook fields that change from run to run
without the content changing are normalized before notebooks are written or
compared, so a re-run of unchanged notebooks writes the same bytes."""

import copy

# Cell metadata that records a run, not content (nbclient's and JupyterLab's timings).
VOLATILE_CELL_METADATA = ("execution", "ExecuteTime")


def normalize_outputs(outputs):
    """Outputs as they should be stored and compared: consecutive stream
    chunks merged (the kernel may split one print into several messages),
    Windows line ends unified, and per-message fields that nbformat does not
    keep (transient display ids) removed."""
    merged = []
    for output in outputs:
        output = copy.deepcopy(output)
        output.pop("transient", None)
        if output.get("output_type") == "stream":
            output["text"] = output.get("text", "").replace("\r\n", "\n")
            previous = merged[-1] if merged else None
            if previous is not None and previous.get("output_type") == "stream" and previous.get("name") == output.get("name"):
                previous["text"] += output["text"]
                continue
        merged.append(output)
    return merged


def normalize_notebook(nb):
    """Normalizes in place and returns `nb`: volatile cell metadata removed,
    outputs normalized, and execution counts renumbered 1, 2, 3… over the code
    cells that ran (cells that did not run have none), whatever the kernel or a
    front end counted."""
    count = 0
    for cell in nb.cells:
        for key in VOLATILE_CELL_METADATA:
            cell.metadata.pop(key, None)
        if cell.cell_type != "code":
            continue
        ran = cell.get("execution_count") is not None or len(cell.get("outputs", [])) > 0
        if ran and cell.source.strip():
            count += 1
            cell.execution_count = count
        else:
            cell.execution_count = None
        cell.outputs = normalize_outputs(cell.get("outputs", []))
        for output in cell.outputs:
            if output.get("output_type") == "execute_result":
                output["execution_count"] = cell.execution_count
    return nb


def ensure_cell_ids(nb):
    """nbformat 4.5 requires cell ids, and nbformat would invent random ones;
    missing ids are filled with stable ones (cell-1, cell-2, … by position)."""
    if (nb.nbformat, nb.nbformat_minor) < (4, 5):
        return nb
    taken = {cell.get("id") for cell in nb.cells if cell.get("id")}
    for position, cell in enumerate(nb.cells, start=1):
        if cell.get("id"):
            continue
        candidate = f"cell-{position}"
        suffix = 1
        while candidate in taken:
            suffix += 1
            candidate = f"cell-{position}-{suffix}"
        cell["id"] = candidate
        taken.add(candidate)
    return nb
