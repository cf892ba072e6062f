/**
 * Normalizes rendered markup for file snapshots, as Observable Plot's own
 * tests do: each opening tag on its own line, so a diff points at the element
 * that changed, and coordinates with 5 or more decimals rounded to 2, so a
 * last-digit float difference between platforms does not fail a snapshot.
 */
export function prettyMarkup(html: string): string {
  return (
    html
      .replace(/>(?=<[^/])/g, ">\n")
      .replace(/\d+\.\d{5,}/g, (n) => String(Math.round(Number(n) * 100) / 100))
      .trimEnd() + "\n"
  );
}

/** The text of a bundle's MIME type, failing clearly when the type is missing or not text. */
export function textOf(bundle: { data: Record<string, unknown> }, mime: string): string {
  const value = bundle.data[mime];
  if (typeof value !== "string") throw new Error(`bundle has no ${mime} text (types: ${Object.keys(bundle.data).join(", ")})`);
  return value;
}
