import { ISLAND_MIME, IslandInputError, type IslandDefinition, type IslandPayload } from "../islands/island";
import type { JsonValue, MimeBundle } from "./bundle";
import { notebookDocument } from "./document";

/**
 * A live-island bundle: the island payload (`{ island, props }` under
 * application/vnd.how-many-flops.island+json), a static fallback as text/html
 * and a text/plain line. Jupyter shows the fallback; the site replaces it with
 * the live island, initialised from the same props.
 *
 * The fallback is `<div class="hmf-island-fallback">` + the island's controls +
 * its output for these props. `props` must be plain JSON (the payload is
 * JSON; a count beyond 2^53 goes in as a decimal string) and valid for the
 * island: otherwise this throws naming the prop.
 */
export function islandBundle<P>(
  definition: IslandDefinition<P>,
  props: Record<string, unknown>,
  document: unknown = notebookDocument(),
): MimeBundle {
  const json = toJson(props, "props");
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    throw new IslandInputError("props", `island "${definition.name}" takes an object of props; got ${describe(props)}`);
  }
  let parsed: P;
  try {
    parsed = definition.parseProps(json);
  } catch (error) {
    if (error instanceof IslandInputError) {
      const reason = error.message.startsWith(`${error.field}: `) ? error.message.slice(error.field.length + 2) : error.message;
      throw new IslandInputError(error.field, `${reason} (island "${definition.name}")`);
    }
    throw error;
  }
  const fallback = `<div class="hmf-island-fallback">${definition.renderControls(parsed)}${definition.renderOutput(parsed, document)}</div>`;
  const payload: IslandPayload = { island: definition.name, props: json };
  return {
    data: {
      [ISLAND_MIME]: payload as unknown as JsonValue,
      "text/html": fallback,
      "text/plain": `${definition.title} (interactive on the site; static view here)`,
    },
    metadata: {},
  };
}

/** A JSON copy of `value`, refusing what JSON would change or drop; `path` names the offending prop. */
function toJson(value: unknown, path: string): JsonValue {
  if (value === undefined) throw new IslandInputError(path, "is undefined, which JSON does not have; leave the key out or use null");
  if (value === null) return null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new IslandInputError(path, `${String(value)} is not a finite number`);
    return value;
  }
  if (typeof value === "bigint") {
    throw new IslandInputError(path, `a bigint cannot travel as JSON; pass it as a decimal string ("${value.toString()}")`);
  }
  if (Array.isArray(value)) return value.map((item, i) => toJson(item, `${path}[${i}]`));
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const out: { [key: string]: JsonValue } = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      out[key] = toJson(item, `${path}.${key}`);
    }
    return out;
  }
  throw new IslandInputError(path, `${describe(value)} is not JSON (use strings, numbers, booleans, arrays and plain objects)`);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value instanceof Date) return "a Date";
  if (typeof value === "object") return "an object";
  if (typeof value === "function") return "a function";
  return `a ${typeof value}`;
}
