import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateFormula, exampleValues } from "../../../src/core/formula";
import { megatronWithoutRecomputation, megatronWithRecomputation } from "../../../src/core/formulas/megatron";
import reference from "../../fixtures/reference/formulas.json";

/** An exact fraction n/d with d > 0, in lowest terms. */
interface Rational {
  n: bigint;
  d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function rational(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new RangeError("zero denominator");
  const sign = d < 0n ? -1n : 1n;
  const g = gcd(n, d) || 1n;
  return { n: (sign * n) / g, d: (sign * d) / g };
}

const add = (a: Rational, b: Rational) => rational(a.n * b.d + b.n * a.d, a.d * b.d);
const mul = (a: Rational, b: Rational) => rational(a.n * b.n, a.d * b.d);

interface Inputs {
  B: bigint;
  s: bigint;
  l: bigint;
  h: bigint;
  V: bigint;
}

/** The paper's factored form: c·B·s·l·h²·(1 + s/(6h) + V/(k·l·h)), exactly. */
function factored(c: bigint, k: bigint, { B, s, l, h, V }: Inputs): Rational {
  const bracket = add(add(rational(1n), rational(s, 6n * h)), rational(V, k * l * h));
  return mul(rational(c * B * s * l * h * h), bracket);
}

const positive = fc.bigInt({ min: 1n, max: 1_000_000n });
const inputs = fc.record({ B: positive, s: positive, l: positive, h: positive, V: positive });

const SAMPLES: Inputs[] = [
  { B: 1n, s: 1n, l: 1n, h: 1n, V: 1n }, // 96 · (1 + 1/6 + 1/16) = 96 + 16 + 6
  { B: 1536n, s: 2048n, l: 96n, h: 12_288n, V: 51_200n }, // the paper's 175B row
  { B: 7n, s: 5n, l: 3n, h: 11n, V: 13n }, // nothing divides nicely
  { B: 2n, s: 2048n, l: 128n, h: 25_600n, V: 51_200n }, // l and h of the paper's 1T row
];

describe("Megatron-LM FLOPs per iteration (Narayanan et al. 2021)", () => {
  it("states the paper's factored forms in LaTeX", () => {
    expect(megatronWithRecomputation.latex).toContain("96");
    expect(megatronWithRecomputation.latex).toContain("\\frac{V}{16\\,l\\,h}");
    expect(megatronWithoutRecomputation.latex).toContain("72");
    expect(megatronWithoutRecomputation.latex).toContain("\\frac{V}{12\\,l\\,h}");
    expect(reference.megatron_narayanan2021.flops_per_iteration_with_full_recomputation).toContain("96·B·s·l·h²");
    expect(reference.megatron_narayanan2021.flops_per_iteration_without_recomputation).toContain("72·B·s·l·h²");
  });

  it("gives 118 FLOPs for all-ones inputs (96 + 16 + 6)", () => {
    expect(evaluateFormula(megatronWithRecomputation, { B: 1n, s: 1n, l: 1n, h: 1n, V: 1n }).total).toBe(118n);
    expect(evaluateFormula(megatronWithoutRecomputation, { B: 1n, s: 1n, l: 1n, h: 1n, V: 1n }).total).toBe(90n); // 72 + 12 + 6
  });

  it.each(SAMPLES)("expands 96·B·s·l·h²·(1 + s/(6h) + V/(16·l·h)) exactly for %o", (sample) => {
    const total = evaluateFormula(megatronWithRecomputation, sample).total;
    expect(rational(total)).toEqual(factored(96n, 16n, sample));
  });

  it.each(SAMPLES)("expands 72·B·s·l·h²·(1 + s/(6h) + V/(12·l·h)) exactly for %o", (sample) => {
    const total = evaluateFormula(megatronWithoutRecomputation, sample).total;
    expect(rational(total)).toEqual(factored(72n, 12n, sample));
  });

  it("matches the factored forms for any positive inputs", () => {
    fc.assert(
      fc.property(inputs, (sample) => {
        expect(rational(evaluateFormula(megatronWithRecomputation, sample).total)).toEqual(factored(96n, 16n, sample));
        expect(rational(evaluateFormula(megatronWithoutRecomputation, sample).total)).toEqual(factored(72n, 12n, sample));
      }),
    );
  });

  it("is 4 (or 3) forward passes of 24Bsh² + 4Bs²h per layer, plus 3 × the 2BshV logits", () => {
    fc.assert(
      fc.property(inputs, ({ B, s, l, h, V }) => {
        const forwardPerLayer = 24n * B * s * h * h + 4n * B * s * s * h;
        const logitsForward = 2n * B * s * h * V;
        const values = { B, s, l, h, V };
        expect(evaluateFormula(megatronWithRecomputation, values).total).toBe(4n * l * forwardPerLayer + 3n * logitsForward);
        expect(evaluateFormula(megatronWithoutRecomputation, values).total).toBe(3n * l * forwardPerLayer + 3n * logitsForward);
      }),
    );
  });

  it("uses the paper's 175B row as its example", () => {
    expect(exampleValues(megatronWithRecomputation)).toEqual({ B: 1536n, s: 2048n, l: 96n, h: 12_288n, V: 51_200n });
    // 96·1536·2048·96·12288² + 16·1536·2048²·96·12288 + 6·1536·2048·12288·51200
    expect(evaluateFormula(megatronWithRecomputation, exampleValues(megatronWithRecomputation)).total).toBe(4_510_970_753_323_106_304n);
  });
});
