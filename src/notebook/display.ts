import * as tslabKernel from "tslab/dist/jupyter";
import type { MimeBundle } from "./bundle";

/** The kernel's writer for the running cell's display_data, which tslab sets before each execution. */
interface KernelDisplayChannel {
  lastWriteDisplayData:
    | ((content: { data: MimeBundle["data"]; metadata: MimeBundle["metadata"]; transient: Record<string, never> }, update: boolean) => void)
    | null;
}

/**
 * Sends a MIME bundle as one display_data output of the running cell.
 *
 * tslab's public `display` sends one MIME type per output, but an island
 * needs its payload and its fallback in the same output, so this goes through
 * the kernel's own writer (the one `tslab.display` uses).
 */
export function displayBundle(bundle: MimeBundle): void {
  const channel = tslabKernel as unknown as KernelDisplayChannel;
  if (typeof channel.lastWriteDisplayData !== "function") {
    throw new Error(
      "show… helpers send output to a running notebook kernel (tslab); outside one, use the pure functions (plotBundle, tableBundle, formulaBundle, islandBundle, markdownBundle)",
    );
  }
  channel.lastWriteDisplayData({ data: bundle.data, metadata: bundle.metadata, transient: {} }, false);
}
