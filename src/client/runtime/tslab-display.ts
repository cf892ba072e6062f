/**
 * Stands in for `tslab/dist/jupyter` in the browser runtime (the worker's
 * bundle resolves that module here; see the Vite plugin in astro.config.mjs).
 * src/notebook/display.ts reads `lastWriteDisplayData` to send a MIME bundle,
 * exactly as it does under tslab; the worker sets it before each cell runs.
 */
export type DisplayWriter = (content: { data: Record<string, unknown>; metadata: Record<string, unknown>; transient: Record<string, never> }, update: boolean) => void;

// eslint-disable-next-line import/no-mutable-exports -- the namespace import in display.ts reads the live binding.
export let lastWriteDisplayData: DisplayWriter | null = null;

export function setDisplayWriter(writer: DisplayWriter | null): void {
  lastWriteDisplayData = writer;
}
