/**
 * Long text in a link (a pasted config.json): UTF-8, deflated (raw DEFLATE,
 * the browser's CompressionStream) and base64url-encoded without padding.
 * Reading is capped, so a small link cannot inflate into an enormous text.
 */
import { base64UrlToBytes, bytesToBase64Url } from "../islands/base64url";

/** Most characters a link's compressed text may inflate to (pasted config.json files are a few KB). */
export const MAX_INFLATED_BYTES = 200_000;

interface StreamGlobals {
  CompressionStream: new (format: "deflate-raw") => unknown;
  DecompressionStream: new (format: "deflate-raw") => unknown;
  Blob: new (parts: unknown[]) => { stream(): { pipeThrough(transform: unknown): { getReader(): StreamReader } } };
  TextEncoder: new () => { encode(text: string): Uint8Array };
  TextDecoder: new (label: string, options: { fatal: boolean }) => { decode(bytes: Uint8Array): string };
}

interface StreamReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(): Promise<void>;
}

const streams = globalThis as unknown as StreamGlobals;

async function readAll(reader: StreamReader, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done || !value) break;
    length += value.length;
    if (length > limit) {
      await reader.cancel();
      throw new RangeError(`inflates to more than ${limit.toLocaleString("en-US")} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** Text → deflate-raw → base64url. */
export async function deflateToBase64Url(text: string): Promise<string> {
  const bytes = new streams.TextEncoder().encode(text);
  const reader = new streams.Blob([bytes]).stream().pipeThrough(new streams.CompressionStream("deflate-raw")).getReader();
  return bytesToBase64Url(await readAll(reader, Number.MAX_SAFE_INTEGER));
}

/** base64url → inflate → text; throws a RangeError saying what is wrong (not base64url, cut short, too long, not UTF-8). */
export async function inflateFromBase64Url(encoded: string): Promise<string> {
  const bytes = Uint8Array.from(base64UrlToBytes(encoded));
  let inflated: Uint8Array;
  try {
    const reader = new streams.Blob([bytes]).stream().pipeThrough(new streams.DecompressionStream("deflate-raw")).getReader();
    inflated = await readAll(reader, MAX_INFLATED_BYTES);
  } catch (error) {
    if (error instanceof RangeError) throw error;
    throw new RangeError("could not be decompressed (the link may be cut short)");
  }
  try {
    return new streams.TextDecoder("utf-8", { fatal: true }).decode(inflated);
  } catch {
    throw new RangeError("is not UTF-8 text");
  }
}
