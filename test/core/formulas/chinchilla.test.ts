import { describe, expect, it } from "vitest";
import { evaluateFormula, exampleValues } from "../../../src/core/formula";
import {
  CHINCHILLA_TABLE_A4,
  chinchillaForward,
  chinchillaModelSpec,
  chinchillaTableA4,
  chinchillaTraining,
  chinchillaValues,
  ratioTo6ND,
  type ChinchillaTableA4Row,
} from "../../../src/core/formulas/chinchilla";
import { countParams } from "../../../src/core/params";
import reference from "../../fixtures/reference/formulas.json";

const table = reference.chinchilla_appendix_f.table_a4;
const SEQUENCE = 2048n;
const VOCAB = 32_000n;

/** nanoGPT scaling_laws.ipynb's chinchilla_params, written out: the N of Table A4. */
function nanoGptChinchillaParams(row: ChinchillaTableA4Row): bigint {
  const d = BigInt(row.d_model);
  const ff = BigInt(row.d_ff);
  const perLayer =
    3n * d * d + 3n * d + // q, k, v with biases
    d * d + 2n * d + // relative positions: projection and the two bias vectors
    d * d + d + // attention output with bias
    d * ff + ff + // MLP up with bias
    ff * d + d + // MLP down with bias
    4n * d; // two LayerNorms, weight and bias
  return d * VOCAB + BigInt(row.L) * perLayer + 2n * d; // tied embedding, layers, final LayerNorm
}

/** nanoGPT's chinchilla_flops: Appendix F without embeddings and logits, forward + 2 × forward. */
function nanoGptChinchillaFlops(row: ChinchillaTableA4Row): bigint {
  const S = SEQUENCE;
  const d = BigInt(row.d_model);
  const kH = BigInt(row.key_size * row.heads);
  const attention = 2n * 3n * S * d * kH + 2n * S * S * kH + 3n * BigInt(row.heads) * S * S + 2n * S * S * kH + 2n * S * kH * d;
  const dense = 2n * S * (d * BigInt(row.d_ff) + d * BigInt(row.d_ff));
  return 3n * BigInt(row.L) * (attention + dense);
}

function roundTo2(value: number): number {
  return Math.round(value * 100) / 100;
}

describe("Chinchilla Table A4 data", () => {
  it("matches the fixture row for row", () => {
    expect(CHINCHILLA_TABLE_A4).toEqual(table);
  });
});

describe("Appendix F forward pass (73M model, sequence 2048, vocabulary 32,000)", () => {
  const values = exampleValues(chinchillaForward);

  it("uses the 73M row as its example", () => {
    const [row73M] = CHINCHILLA_TABLE_A4;
    if (!row73M) throw new Error("empty table");
    expect(values).toEqual(chinchillaValues(row73M));
  });

  it("evaluates each of the paper's terms", () => {
    const byTerm = Object.fromEntries(evaluateFormula(chinchillaForward, values).terms.map((term) => [term.id, term.value]));
    expect(byTerm).toEqual({
      embeddings: 83_886_080_000n, //           2 · 2048 · 32000 · 640
      qkv: 50_331_648_000n, //              10 · 2 · 3 · 2048 · 640 · (64 · 10)
      "qk-logits": 53_687_091_200n, //       10 · 2 · 2048² · 640
      softmax: 1_258_291_200n, //            10 · 3 · 10 · 2048²
      "softmax-values": 53_687_091_200n, //  10 · 2 · 2048² · 640
      "output-linear": 16_777_216_000n, //   10 · 2 · 2048 · 640 · 640
      dense: 134_217_728_000n, //            10 · 2 · 2048 · (2 · 640 · 2560)
      logits: 83_886_080_000n, //            2 · 2048 · 640 · 32000
    });
    expect(evaluateFormula(chinchillaForward, values).total).toBe(477_731_225_600n);
  });

  it("trains at 3 × forward", () => {
    expect(evaluateFormula(chinchillaTraining, values).total).toBe(3n * 477_731_225_600n);
  });
});

describe("Table A4: Appendix F FLOPs over 6ND", () => {
  it("counts the 73M model's N as 73,825,280 (nanoGPT's chinchilla_params)", () => {
    const d = 640n, ff = 2560n, L = 10n;
    const byHand = d * VOCAB + L * (3n * d * d + 3n * d + d * d + 2n * d + d * d + d + d * ff + ff + ff * d + d + 4n * d) + 2n * d;
    expect(byHand).toBe(73_825_280n); // 20,480,000 + 10 · 5,334,400 + 1,280
    const [row73M] = CHINCHILLA_TABLE_A4;
    if (!row73M) throw new Error("empty table");
    expect(countParams(chinchillaModelSpec(row73M)).total).toBe(73_825_280n);
  });

  it.each(table)("counts $params's N as nanoGPT's chinchilla_params does", (row) => {
    expect(countParams(chinchillaModelSpec(row)).total).toBe(nanoGptChinchillaParams(row));
  });

  it("gives the 73M model 929,877,196,800 training FLOPs per sequence", () => {
    // 3 · 10 · (5,033,164,800 + 5,368,709,120 + 125,829,120 + 5,368,709,120 + 1,677,721,600 + 13,421,772,800)
    const [row73M] = CHINCHILLA_TABLE_A4;
    if (!row73M) throw new Error("empty table");
    expect(evaluateFormula(chinchillaTableA4, chinchillaValues(row73M)).total).toBe(929_877_196_800n);
  });

  it.each(table)("reproduces $params's ratio $ratio_to_6ND", (row) => {
    const flops = evaluateFormula(chinchillaTableA4, chinchillaValues(row)).total;
    expect(flops).toBe(nanoGptChinchillaFlops(row));
    const N = countParams(chinchillaModelSpec(row)).total;
    expect(roundTo2(ratioTo6ND(flops, N, SEQUENCE))).toBe(row.ratio_to_6ND);
  });

  it("does not reproduce the table with embeddings and logits included", () => {
    const [row73M] = CHINCHILLA_TABLE_A4;
    if (!row73M) throw new Error("empty table");
    const withEverything = evaluateFormula(chinchillaTraining, chinchillaValues(row73M)).total;
    // 929,877,196,800 + 3 · (83,886,080,000 + 83,886,080,000)
    expect(withEverything).toBe(1_433_193_676_800n);
    expect(roundTo2(ratioTo6ND(withEverything, 73_825_280n, SEQUENCE))).toBe(1.58);
  });
});
