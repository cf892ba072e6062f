/**
 * The reader's edits in a link: `#edits=` and the edited cells' sources as
 * JSON, deflated and base64url-encoded (CompressionStream, built into
 * browsers). Reading a link validates everything: a bad link is reported,
 * never half-applied.
 */
export const EDITS_PREFIX = "#edits=";
const MAX_LINK_LENGTH = 200_000;
const MAX_SOURCE_LENGTH = 100_000;

/** Edited sources by cell number. */
export type Edits = Map<number, string>;

export async function encodeEdits(edits: Edits): Promise<string> {
  const json = JSON.stringify({ v: 1, cells: Object.fromEntries(edits) });
  const stream = new Blob([json]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return EDITS_PREFIX + btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The edits in a URL fragment, or a message saying why the link cannot be read. */
export async function decodeEdits(hash: string, codeCells: ReadonlySet<number>): Promise<Edits | { problem: string }> {
  if (!hash.startsWith(EDITS_PREFIX)) return new Map();
  const payload = hash.slice(EDITS_PREFIX.length);
  if (payload.length > MAX_LINK_LENGTH) return { problem: "the link's edits are too long" };
  if (!/^[A-Za-z0-9_-]*$/.test(payload)) return { problem: "the link's edits are not in the expected format (base64url)" };
  let json: string;
  try {
    const binary = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    json = await new Response(stream).text();
  } catch {
    return { problem: "the link's edits could not be decompressed (the link may be cut short)" };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { problem: "the link's edits are not valid JSON" };
  }
  const cells = (parsed as { v?: unknown; cells?: unknown })?.cells;
  if ((parsed as { v?: unknown })?.v !== 1 || typeof cells !== "object" || cells === null || Array.isArray(cells)) return { problem: "the link's edits are not in the expected format (version 1)" };
  const edits: Edits = new Map();
  for (const [key, source] of Object.entries(cells)) {
    const number = Number(key);
    if (!/^\d+$/.test(key) || !codeCells.has(number)) return { problem: `the link edits cell ${JSON.stringify(key.slice(0, 20))}, which is not a code cell of this notebook` };
    if (typeof source !== "string" || source.length > MAX_SOURCE_LENGTH) return { problem: `the link's source for cell ${number} is not text of at most ${MAX_SOURCE_LENGTH} characters` };
    edits.set(number, source);
  }
  return edits;
}
