"""Reads a notebook and refuses, before anything runs, one that is not a
valid nbformat 4 notebook for the project kernel, naming the file and field."""

import json

import nbformat

KERNEL_NAME = "how-many-flops"
KERNEL_DISPLAY_NAME = "TypeScript (how-many-flops)"


class NotebookInputError(Exception):
    """A notebook file that cannot be run; the message names the file and the field."""


def load_notebook(path, display_path):
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except FileNotFoundError:
        raise NotebookInputError(f"{display_path}: no such file")
    except UnicodeDecodeError as e:
        raise NotebookInputError(f"{display_path}: not UTF-8 text ({e.reason} at byte {e.start})")
    except OSError as e:
        raise NotebookInputError(f"{display_path}: cannot be read ({e.strerror})")
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as e:
        raise NotebookInputError(f"{display_path}: not valid JSON: {e.msg} (line {e.lineno}, column {e.colno})")
    if not isinstance(raw, dict):
        raise NotebookInputError(f"{display_path}: not a notebook (the JSON is not an object)")
    if raw.get("nbformat") != 4:
        raise NotebookInputError(
            f"{display_path}: nbformat is {json.dumps(raw.get('nbformat'))}; these notebooks are nbformat 4"
        )
    nb = nbformat.from_dict(raw)
    # Lists of lines become strings, as nbformat.reads would do.
    nbformat.v4.rwbase.rejoin_lines(nb)
    nbformat.v4.rwbase.strip_transient(nb)
    try:
        nbformat.validate(nb, version=4)
    except nbformat.ValidationError as e:
        where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in e.absolute_path).lstrip(".")
        raise NotebookInputError(f"{display_path}: not a valid nbformat 4 notebook: {where or 'top level'}: {schema_reason(e)}")
    kernelspec = nb.metadata.get("kernelspec")
    if not isinstance(kernelspec, dict):
        raise NotebookInputError(
            f"{display_path}: metadata.kernelspec is missing; set it to the project kernel "
            f'{{"name": "{KERNEL_NAME}", "display_name": "{KERNEL_DISPLAY_NAME}", "language": "typescript"}}'
        )
    if kernelspec.get("name") != KERNEL_NAME:
        raise NotebookInputError(
            f"{display_path}: metadata.kernelspec.name is {json.dumps(kernelspec.get('name'))}; "
            f'these notebooks run with the project kernel "{KERNEL_NAME}" ({KERNEL_DISPLAY_NAME})'
        )
    return nb


KINDS = {"cell_type": ("code", "markdown", "raw"), "output_type": ("stream", "display_data", "execute_result", "error")}


def schema_reason(error):
    """jsonschema's reason, without quoting a whole cell when no cell or output shape matched."""
    if getattr(error, "validator", None) != "oneOf" or not isinstance(error.instance, dict):
        return error.message
    for key, kinds in KINDS.items():
        if key in error.instance:
            value = error.instance[key]
            if value not in kinds:
                return f"{key} is {json.dumps(value)}; expected one of {', '.join(kinds)}"
            return f"not a valid {value} {key.split('_')[0]} (fields: {', '.join(sorted(error.instance))})"
    return f"not a valid cell or output (fields: {', '.join(sorted(error.instance))})"
