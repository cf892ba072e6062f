/**
 * console.log's formatting, as Node's util.format/util.inspect write the
 * common values (tslab runs cells in Node): strings as they are at the top
 * level and quoted inside objects, bigints with `n`, arrays and objects on one
 * line when short.
 */
export function formatLog(args: readonly unknown[]): string {
  return args.map((arg) => (typeof arg === "string" ? arg : inspect(arg, 0, new Set()))).join(" ");
}

export function inspect(value: unknown, depth = 0, seen = new Set<unknown>()): string {
  switch (typeof value) {
    case "string":
      return depth === 0 ? `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\n/g, "\\n")}'` : `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\n/g, "\\n")}'`;
    case "number":
      return Object.is(value, -0) ? "-0" : String(value);
    case "bigint":
      return `${value}n`;
    case "undefined":
      return "undefined";
    case "boolean":
      return String(value);
    case "symbol":
      return value.toString();
    case "function":
      return /^class\b/.test(Function.prototype.toString.call(value)) ? `[class ${value.name || "(anonymous)"}]` : `[Function: ${value.name || "(anonymous)"}]`;
  }
  if (value === null) return "null";
  if (seen.has(value)) return "[Circular *1]";
  if (depth > 2) return Array.isArray(value) ? "[Array]" : "[Object]";
  seen.add(value);
  try {
    if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
    if (value instanceof Map) return `Map(${value.size}) ${braces([...value].map(([k, v]) => `${inspect(k, depth + 1, seen)} => ${inspect(v, depth + 1, seen)}`))}`;
    if (value instanceof Set) return `Set(${value.size}) ${braces([...value].map((v) => inspect(v, depth + 1, seen)))}`;
    if (Array.isArray(value)) {
      const items = value.slice(0, 100).map((item) => inspect(item, depth + 1, seen));
      if (value.length > 100) items.push(`... ${value.length - 100} more items`);
      return items.length ? wrap("[", items, "]") : "[]";
    }
    const entries = Object.entries(value as Record<string, unknown>).map(([key, item]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : `'${key}'`}: ${inspect(item, depth + 1, seen)}`);
    const name = (value as { constructor?: { name?: string } }).constructor?.name;
    const prefix = name && name !== "Object" ? `${name} ` : "";
    return entries.length ? prefix + braces(entries) : `${prefix}{}`;
  } finally {
    seen.delete(value);
  }
}

function braces(items: string[]): string {
  return items.length ? wrap("{", items, "}") : "{}";
}

function wrap(open: string, items: string[], close: string): string {
  const line = `${open} ${items.join(", ")} ${close}`;
  return line.length <= 72 && !line.includes("\n") ? line : `${open}\n${items.map((item) => `  ${item.replace(/\n/g, "\n  ")}`).join(",\n")}\n${close}`;
}
