/**
 * The analytic counts of src/core against the instrumented reference forward
 * pass in src/reference, which counts every multiply-add (and, when asked,
 * every elementwise operation) where it happens in a real numeric transformer.
 */
import { describe, expect, it } from "vitest";
import { forwardFlops, type ForwardOptions } from "../../src/core/flops";
import { countParams } from "../../src/core/params";
import { validateModel } from "../../src/core/validate";
import { ReferenceModel } from "../../src/reference/forward";
import { REFERENCE_SPECS } from "../../src/reference/specs";

const tokens = (n: number, vocab: number) => Array.from({ length: n }, (_, i) => (i * 7 + 3) % vocab);

describe.each(Object.entries(REFERENCE_SPECS))("%s", (_, spec) => {
  it("is a valid description", () => {
    expect(validateModel(spec)).toEqual(spec);
  });

  it("parameter counts equal the weights the reference allocates", () => {
    const model = new ReferenceModel(spec);
    const counts = countParams(spec);
    expect(counts.total).toBe(model.parameterCount());
    expect(counts.active).toBe(model.activeParameterCount());
  });

  const mlaModes: Array<"absorbed" | "expanded"> = spec.attention.kind === "mla" ? ["absorbed", "expanded"] : ["expanded"];
  for (const mla of mlaModes) {
    for (const elementwise of [false, true]) {
      const label = `${mla === "absorbed" ? "absorbed MLA, " : ""}${elementwise ? "with" : "without"} elementwise terms`;

      it(`decode with a KV cache, token by token to S = 12 (${label})`, () => {
        const model = new ReferenceModel(spec);
        const ids = tokens(12, spec.vocabSize);
        for (let i = 0; i < ids.length; i++) {
          const counted = model.forward([ids[i] as number], { mask: "causal", logits: "last", mla, elementwise }).counts;
          const analytic = forwardFlops(spec, { tokens: 1, past: i, mask: "causal", logits: "last", mla, elementwise }).terms;
          expect(analytic, `step ${i + 1}`).toEqual(counted);
        }
      });

      it.each([
        ["causal prefill, last logits", { mask: "causal", logits: "last" }],
        ["causal prefill, all logits", { mask: "causal", logits: "all" }],
        ["full-mask forward, all logits", { mask: "full", logits: "all" }],
      ] as Array<[string, Pick<ForwardOptions, "mask" | "logits">]>)(`%s over 9 tokens (${label})`, (_, options) => {
        const model = new ReferenceModel(spec);
        const counted = model.forward(tokens(9, spec.vocabSize), { mask: options.mask!, logits: options.logits!, mla, elementwise }).counts;
        expect(forwardFlops(spec, { tokens: 9, ...options, mla, elementwise }).terms).toEqual(counted);
      });

      it(`a second chunk of 4 tokens after 7 cached (${label})`, () => {
        const model = new ReferenceModel(spec);
        model.forward(tokens(7, spec.vocabSize), { mask: "causal", logits: "last", mla, elementwise });
        const counted = model.forward(tokens(4, spec.vocabSize), { mask: "causal", logits: "all", mla, elementwise }).counts;
        expect(forwardFlops(spec, { tokens: 4, past: 7, mask: "causal", logits: "all", mla, elementwise }).terms).toEqual(counted);
      });
    }
  }
});
