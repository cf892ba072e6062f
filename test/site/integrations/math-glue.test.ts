import katex from "katex";
import { describe, expect, it } from "vitest";
import { glueMathPunctuation, MATH_GLUE_MAX_TEX } from "../../../site/integrations/math-glue";

const page = (body: string): string => `<!doctype html><html lang="en"><head><title>t</title></head><body><main><p>${body}</p></main></body></html>`;
const typeset = (tex: string, displayMode = false): string => katex.renderToString(tex, { displayMode, throwOnError: true });
const glued = (inner: string): string => `<span class="math-glue">${inner}</span>`;

describe("short formulas glued to the characters touching them (site/integrations/math-glue.ts)", () => {
  it("an opening parenthesis before and a comma after stay with the formula", () => {
    const math = typeset("d = 4096");
    expect(glueMathPunctuation(page(`the post’s own model (${math}, the post’s`))).toBe(page(`the post’s own model ${glued(`(${math},`)} the post’s`));
  });

  it("a closing quote after, a hyphenated word after, an entity-encoded quote after", () => {
    const power = typeset("7\\times10^{11}");
    const dh = typeset("d_h");
    expect(glueMathPunctuation(page(`context ≈ ${power}" remark.`))).toBe(page(`context ≈ ${glued(`${power}"`)} remark.`));
    expect(glueMathPunctuation(page(`H sums of ${dh}-vectors per key`))).toBe(page(`H sums of ${glued(`${dh}-vectors`)} per key`));
    expect(glueMathPunctuation(page(`gives ${power}&quot;.`))).toBe(page(`gives ${glued(`${power}&quot;.`)}`));
  });

  it("a formula with spaces on both sides, a display formula and a long formula are left as they are", () => {
    const spaced = page(`costs ${typeset("2N")} FLOPs`);
    expect(glueMathPunctuation(spaced)).toBe(spaced);
    const display = page(`so ${typeset("x", true)}.`);
    expect(glueMathPunctuation(display)).toBe(display);
    const longTex = "2N + 4\\,L\\,S\\,d_{\\text{attn}} + E \\cdot V";
    expect(longTex.length).toBeGreaterThan(MATH_GLUE_MAX_TEX);
    const long = page(`(${typeset(longTex)}).`);
    expect(glueMathPunctuation(long)).toBe(long);
  });

  it("two formulas joined by a slash: the slash is glued once, the wrappers never overlap", () => {
    const a = typeset("a");
    const b = typeset("b");
    const out = glueMathPunctuation(page(`ratio ${a}/${b} here`));
    expect(out).toBe(page(`ratio ${glued(`${a}/`)}${b} here`));
  });

  it("a page without formulas is returned unchanged, byte for byte", () => {
    const plain = page("no math &amp; no change");
    expect(glueMathPunctuation(plain)).toBe(plain);
  });
});
