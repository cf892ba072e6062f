import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateFormula, exampleValues } from "../../../src/core/formula";
import {
  kaplanForward,
  kaplanParameters,
  kaplanTable1Full,
  kaplanTraining,
  sixND,
} from "../../../src/core/formulas/kaplan";
import reference from "../../fixtures/reference/formulas.json";

const size = fc.bigInt({ min: 1n, max: 100_000n });
const shape = fc.record({ d_model: size, n_layer: size, d_attn: size, d_ff: size, n_ctx: size, n_vocab: size });

describe("Kaplan et al. Table 1", () => {
  it("counts N = 2·d_model·n_layer·(2·d_attn + d_ff) parameters", () => {
    fc.assert(
      fc.property(shape, (s) => {
        const N = 2n * s.d_model * s.n_layer * (2n * s.d_attn + s.d_ff);
        expect(evaluateFormula(kaplanParameters, s).total).toBe(N);
      }),
    );
  });

  it("sums its rows to C_forward = 2N + 2·n_layer·n_ctx·d_attn", () => {
    fc.assert(
      fc.property(shape, (s) => {
        const N = 2n * s.d_model * s.n_layer * (2n * s.d_attn + s.d_ff);
        expect(evaluateFormula(kaplanForward, s).total).toBe(2n * N + 2n * s.n_layer * s.n_ctx * s.d_attn);
      }),
    );
  });

  it("keeps embed and de-embed out of C_forward, and shows them in the full table", () => {
    expect(kaplanForward.terms.map((term) => term.id)).toEqual(["attention-qkv", "attention-mask", "attention-project", "feedforward"]);
    expect(kaplanTable1Full.terms.map((term) => term.id)).toEqual([
      "embed", "attention-qkv", "attention-mask", "attention-project", "feedforward", "de-embed",
    ]);
    fc.assert(
      fc.property(shape, (s) => {
        const forward = evaluateFormula(kaplanForward, s).total;
        expect(evaluateFormula(kaplanTable1Full, s).total).toBe(4n * s.d_model + forward + 2n * s.d_model * s.n_vocab);
      }),
    );
  });

  it("gives GPT-3 175B's shape N = 173,946,175,488 and C_forward = 352,724,189,184", () => {
    // 2 · 12288 · 96 · (2 · 12288 + 49152) = 2,359,296 · 73,728
    expect(evaluateFormula(kaplanParameters, exampleValues(kaplanParameters)).total).toBe(173_946_175_488n);
    // 2N + 2 · 96 · 2048 · 12288 = 347,892,350,976 + 4,831,838,208
    expect(evaluateFormula(kaplanForward, exampleValues(kaplanForward)).total).toBe(352_724_189_184n);
  });

  it("trains at C ≈ 6N per token", () => {
    expect(evaluateFormula(kaplanTraining, { N: 173_946_175_488n }).total).toBe(1_043_677_052_928n); // 6 · 173,946,175,488
    fc.assert(
      fc.property(size, (N) => {
        expect(evaluateFormula(kaplanTraining, { N }).total).toBe(6n * N);
      }),
    );
  });
});

describe("6ND: GPT-3's training compute (Brown et al. Table D.1)", () => {
  const [row] = reference.gpt3_table_d1.rows;
  if (!row) throw new Error("fixture has no GPT-3 row");

  it("gives 6 · 174.6 × 10⁹ · 300 × 10⁹ = 3.1428 × 10²³", () => {
    const values = { N: BigInt(row.params), D: BigInt(row.tokens) };
    expect(values).toEqual(exampleValues(sixND));
    expect(evaluateFormula(sixND, values).total).toBe(314_280_000_000_000_000_000_000n);
  });

  it("rounds to the table's 3.14 × 10²³ FLOPs and 3,640 petaflop/s-days", () => {
    const total = Number(evaluateFormula(sixND, exampleValues(sixND)).total);
    expect(total.toPrecision(3)).toBe(row.training_flops.toPrecision(3));
    const petaflopSecondDays = total / (1e15 * 86_400);
    expect(Number(petaflopSecondDays.toPrecision(3))).toBe(row.petaflop_s_days);
  });
});
