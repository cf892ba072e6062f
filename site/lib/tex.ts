import katex from "katex";

/** TeX typeset by KaTeX at build time (the same KaTeX as the notebooks' math); bad TeX fails the build. */
export function tex(latex: string, display = false): string {
  return katex.renderToString(latex, { displayMode: display, throwOnError: true, strict: "ignore" });
}

/**
 * The post's own math, quoted: typeset when KaTeX can read it, otherwise shown
 * as the post wrote it (some of it is not valid TeX, e.g. `\N`), marked so.
 */
export function quotedTex(latex: string): { html: string; typeset: boolean } {
  try {
    return { html: tex(latex), typeset: true };
  } catch {
    return { html: "", typeset: false };
  }
}
