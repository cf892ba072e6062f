/**
 * Island state in the page's URL. Each island owns the query keys
 * `<id>.<key>` (the id comes from the page), so several islands, even two of
 * one kind, share a URL without clashing. Reading never throws: problems come
 * back as text for the island to show.
 */

/** Longest query string read; beyond it the island ignores the URL and says so. */
export const MAX_SEARCH_CHARS = 16_384;

/** The island's own query values (without the prefix), or why they cannot be read. */
export interface IslandQuery {
  /** Values by key, in a null-prototype object: a key such as "__proto__" is just a key. */
  query: Record<string, string>;
  problem?: string;
}

function prefixOf(id: string): string {
  return `${id}.`;
}

/** True when the URL carries any state for island `id` (a cheap test for the entry point). */
export function hasIslandQuery(search: string, id: string): boolean {
  if (search.length > MAX_SEARCH_CHARS) return false;
  const prefix = prefixOf(id);
  for (const key of new URLSearchParams(search).keys()) if (key.startsWith(prefix)) return true;
  return false;
}

/** Island `id`'s values from a query string such as location.search. */
export function readIslandQuery(search: string, id: string): IslandQuery {
  const query = Object.create(null) as Record<string, string>;
  if (search.length > MAX_SEARCH_CHARS) {
    return { query, problem: `The link is too long (${search.length} characters; at most ${MAX_SEARCH_CHARS} are read), so its settings are ignored.` };
  }
  const prefix = prefixOf(id);
  for (const [key, value] of new URLSearchParams(search)) {
    if (!key.startsWith(prefix)) continue;
    const own = key.slice(prefix.length);
    if (Object.prototype.hasOwnProperty.call(query, own)) {
      return { query: Object.create(null) as Record<string, string>, problem: `The link gives ${shown(key)} twice, so its settings are ignored.` };
    }
    query[own] = value;
  }
  return { query };
}

/** `search` with island `id`'s keys replaced by `values` (other islands' and the page's keys kept). */
export function writeIslandQuery(search: string, id: string, values: Readonly<Record<string, string>>): string {
  const prefix = prefixOf(id);
  const params = new URLSearchParams(search);
  for (const key of [...params.keys()]) if (key.startsWith(prefix)) params.delete(key);
  for (const [key, value] of Object.entries(values)) params.append(prefix + key, value);
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

function shown(key: string): string {
  return JSON.stringify(key.length > 60 ? `${key.slice(0, 60)}…` : key);
}
