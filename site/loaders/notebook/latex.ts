import type { Element } from "hast";

/**
 * A text/latex output as a display equation. Jupyter's text/latex is a
 * formula in math delimiters ($$…$$, \[…\], $…$) or a bare environment
 * (\begin{aligned}…); the delimiters are taken off and the body becomes the
 * same element remark-math makes of a $$ block, so it is numbered and typeset
 * with the rest of the notebook's equations.
 */
export function latexToDisplayMath(latex: string): Element {
  return displayMath(stripDelimiters(latex.trim()));
}

export function displayMath(tex: string): Element {
  return {
    type: "element",
    tagName: "pre",
    properties: {},
    children: [{ type: "element", tagName: "code", properties: { className: ["language-math", "math-display"] }, children: [{ type: "text", value: tex }] }],
  };
}

function stripDelimiters(tex: string): string {
  for (const [open, close] of [["$$", "$$"], ["\\[", "\\]"], ["$", "$"]] as const) {
    if (tex.startsWith(open) && tex.endsWith(close) && tex.length >= open.length + close.length) {
      return tex.slice(open.length, tex.length - close.length).trim();
    }
  }
  return tex;
}
