"""Runs one notebook through the real Jupyter protocol (nbclient and the
project kernel), cell by cell, stopping at the first failing cell."""

import time

from jupyter_client.kernelspec import NoSuchKernel
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError

from failures import CellFailure, NotebookFailure, check_cell
from load import KERNEL_NAME


def execute_notebook(nb, notebook, root, timeout, progress):
    """Executes `nb` in place. `progress(event, **fields)` is called as the run
    goes; raises CellFailure or NotebookFailure naming the notebook."""
    replies = {}

    def remember_reply(cell, cell_index, execute_reply):
        replies[cell_index] = execute_reply

    client = NotebookClient(
        nb,
        kernel_name=KERNEL_NAME,
        timeout=timeout,
        allow_errors=True,
        record_timing=False,
        resources={"metadata": {"path": root}},
        on_cell_executed=remember_reply,
    )
    started = time.monotonic()
    start_kernel(client, notebook)
    with client.setup_kernel():
        progress("kernel", seconds=time.monotonic() - started)
        cell_count = len(nb.cells)
        executed = 0
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code" or not cell.source.strip():
                continue
            cell_started = time.monotonic()
            executed += 1
            try:
                # tslab sends no execute_input, so cells without output would otherwise get no count.
                client.execute_cell(cell, index, execution_count=executed)
            except CellTimeoutError:
                raise CellFailure(notebook, index, cell_count, cell.source, f"did not finish within {timeout} s")
            except DeadKernelError:
                raise CellFailure(notebook, index, cell_count, cell.source, "the kernel died while running it")
            progress("cell", index=index, count=cell_count, seconds=time.monotonic() - cell_started)
            check_cell(notebook, index, cell_count, cell, replies.get(index))
    return nb


def start_kernel(client, notebook):
    """Starts the kernel and records its language_info, or says why it cannot."""
    try:
        client.km = client.create_kernel_manager()
        client.start_new_kernel()
        client.start_new_kernel_client()
        info = client.wait_for_reply(client.kc.kernel_info())
    except NoSuchKernel:
        raise NotebookFailure(
            f'{notebook}: the kernel "{KERNEL_NAME}" is not registered where Jupyter looks '
            f"(JUPYTER_PATH); run `npm run kernel`"
        )
    except Exception as e:  # noqa: BLE001 - any start-up failure is reported the same way
        client._cleanup_kernel()
        raise NotebookFailure(f'{notebook}: the kernel "{KERNEL_NAME}" did not start: {e}')
    if info is not None and "language_info" in info["content"]:
        client.nb.metadata["language_info"] = info["content"]["language_info"]
