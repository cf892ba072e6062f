/**
 * The Content-Security-Policy every page carries (as a <meta> element Astro
 * writes, with the hashes of its own scripts and styles added).
 *
 * Scripts: only this site's own files ('self') and Astro's hashed bundles; no
 * 'unsafe-inline', no eval. 'wasm-unsafe-eval' lets the search index
 * (Pagefind) compile its WebAssembly; it does not allow JavaScript eval.
 * Styles: the site's stylesheets, Astro's hashed styles and the hashes of the
 * <style> elements inside notebook charts (added per page). Inline style
 * *attributes* are allowed: KaTeX positions every glyph with them and Shiki
 * colours every token with them; an attribute cannot run script.
 * Images may be data: URLs (PNG outputs of notebooks are embedded).
 * frame-ancestors cannot be set from a <meta> element (browsers ignore it and
 * log an error), so it is left to the server's headers.
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
] as const;

export const CSP_SCRIPT_RESOURCES = ["'self'", "'wasm-unsafe-eval'"];

export const CSP_STYLE_RESOURCES = [
  { resource: "'self'", kind: "element" as const },
  { resource: "'unsafe-inline'", kind: "attribute" as const },
];
