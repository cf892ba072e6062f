import { describe, expect, it } from "vitest";
import { evaluateFormula, exampleValues } from "../../../src/core/formula";
import { gpt4o } from "../../../src/core/formulas/gpt4o";
import { gpt4oRepl } from "../../../src/core/formulas/gpt4o-repl";
import reference from "../../fixtures/reference/formulas.json";

const post = reference.seed_post;

describe("the post's REPL line", () => {
  it("carries the line exactly as typed and the output exactly as printed", () => {
    expect(gpt4oRepl.repl.typed).toBe(post.repl_line_as_typed);
    expect(gpt4oRepl.repl.printed).toBe(post.repl_result);
  });

  it("evaluates to the printed 1731304652800000", () => {
    const { total } = evaluateFormula(gpt4oRepl, exampleValues(gpt4oRepl));
    expect(total).toBe(1731304652800000n);
    expect(total).toBe(BigInt(post.repl_result));
  });

  it("matches the typed expression itself, evaluated with bigints", () => {
    // Python's ints are exact, so evaluating the same text over bigints reproduces the REPL.
    const source = post.repl_line_as_typed.replace(/\d+/g, "$&n");
    const typedValue = new Function(`return ${source};`)() as bigint;
    expect(typedValue).toBe(1731304652800000n);
  });

  it("matches hand arithmetic term by term", () => {
    const logits = 819_200_000n; //                        4096 · 200,000
    const mlp = 1_717_986_918_400_000n; //           100 · 8 · 16,777,216 · 128,000 (4096² = 16,777,216)
    const qkv = 209_715_200_000n; //                   100 · 4 · 4096 · 128,000 (no H)
    const attention = 13_107_200_000_000n; //          100 · 8 · 16,384,000,000 (128,000² = 16,384,000,000)
    expect(logits + mlp + qkv + attention).toBe(1_731_304_652_800_000n);

    const byTerm = Object.fromEntries(
      evaluateFormula(gpt4oRepl, exampleValues(gpt4oRepl)).terms.map((term) => [term.id, term.value]),
    );
    expect(byTerm).toEqual({ logits, mlp, qkv, attention });
  });

  it("models the two uses of H as 1 and 8", () => {
    const examples = exampleValues(gpt4oRepl);
    expect(examples.H1).toBe(1n);
    expect(examples.H2).toBe(8n);
  });
});

describe("GPT-4o's formula", () => {
  it("uses the post's example values", () => {
    expect(exampleValues(gpt4o)).toEqual({ E: 4096n, V: 200_000n, S: 128_000n, H: 8n, L: 100n });
    expect(post.gpt4o_variables.E).toContain("4096");
    expect(post.gpt4o_variables.V).toContain("200,000");
  });

  it("with H = 8 in both places differs from the REPL only in the Q/K/V term", () => {
    const qkvWithEightHeads = 1_677_721_600_000n; // 100 · 4 · 4096 · 8 · 128,000
    const expected = 819_200_000n + 1_717_986_918_400_000n + qkvWithEightHeads + 13_107_200_000_000n;
    expect(expected).toBe(1_732_772_659_200_000n);
    expect(evaluateFormula(gpt4o, exampleValues(gpt4o)).total).toBe(expected);
  });

  it("has the post's four terms, each quoting the post", () => {
    expect(gpt4o.terms.map((term) => term.id)).toEqual(["logits", "mlp", "qkv", "attention"]);
    const claims = gpt4o.terms.map((term) => term.claim);
    expect(claims[0]).toContain("one giant matrix multiply at the final output projection");
    expect(claims[1]).toBe("the two-layer MLPs (most of the FLOPs!)");
    expect(claims[2]).toBe("Q/K/V dot products");
    expect(claims[3]).toBe("self-attention dot(Q,K) → softmax");
  });

  it("notes the MAC/FLOP mix-up with the 16E² a 4E-wide MLP really costs", () => {
    const E = 4096n;
    const mlpFlopsPerToken = 2n * (E * 4n * E + 4n * E * E);
    expect(mlpFlopsPerToken).toBe(16n * E * E);
    expect(gpt4o.notes?.some((note) => note.includes("16E²"))).toBe(true);
    expect(gpt4o.notes?.some((note) => note.includes("2·E·V"))).toBe(true);
  });
});
