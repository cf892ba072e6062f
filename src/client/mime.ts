import { ISLAND_MIME } from "../islands/island";

/**
 * The MIME types the site renders, best first: of a bundle, the first type
 * present wins (the rest are other renderings of the same thing). The build
 * (site/loaders/notebook/outputs.ts) and the browser runtime
 * (src/client/runtime/render.ts) both read this list.
 */
export const MIME_PRIORITY = [
  ISLAND_MIME,
  "image/svg+xml",
  "text/html",
  "text/markdown",
  "text/latex",
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "text/plain",
] as const;
