import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CLAIMS } from "../../../site/content/verdicts";

const POST = readFileSync("notebooks/seed/how-many-flops.txt", "utf8");
const claim = (id: string) => {
  const found = CLAIMS.find((c) => c.id === id);
  if (!found) throw new Error(`no claim ${id}`);
  return found;
};
const figure = (id: string, label: string) => claim(id).check().figures.find((f) => f.label === label)?.value;

describe("the post's claims", () => {
  it("quote the post verbatim", () => {
    for (const c of CLAIMS) expect(POST.includes(c.quote), c.id).toBe(true);
  });

  it("have unique ids and a verdict each", () => {
    expect(new Set(CLAIMS.map((c) => c.id)).size).toBe(CLAIMS.length);
    for (const c of CLAIMS) expect(["holds", "wrong", "approximate"]).toContain(c.verdict);
  });

  it("all compute", () => {
    for (const c of CLAIMS) {
      const check = c.check();
      expect(check.summary.length, c.id).toBeGreaterThan(20);
      expect(check.figures.length, c.id).toBeGreaterThan(0);
    }
  });
});

describe("the checks' figures, against hand arithmetic and the post", () => {
  it("the REPL line evaluates to what the post's REPL printed", () => {
    const printed = /^(\d{16})$/m.exec(POST)?.[1] ?? "";
    expect(figure("repl", "the REPL line, evaluated exactly")).toBe(BigInt(printed).toLocaleString("en-US"));
    expect(claim("words").check().summary).toContain("one quadrillion seven hundred thirty-one trillion three hundred four billion six hundred fifty-two million eight hundred thousand");
  });

  it("E·V: 2·E·V FLOPs per token", () => {
    expect(figure("logits", "logits (LM head), per token")).toBe("1,638,400,000 (1.64×10⁹)"); // 2 × 4096 × 200,000
  });

  it("the MLP: 16·E² per layer per token, whatever S", () => {
    expect(figure("mlp", "MLP per layer per token")).toBe("268,435,456 (2.68×10⁸)"); // 16 × 4096²
  });

  it("Q/K/V projections 6·E² per layer; attention 4·S·E per layer", () => {
    expect(figure("qkv", "Q, K, V projections per layer")).toBe("100,663,296 (1.01×10⁸)"); // 6 × 4096²
    expect(figure("qkv", "QKᵀ and × V per layer, S = 128,000")).toBe("2,097,152,000 (2.10×10⁹)"); // 4 × 128,000 × 4096
  });

  it("Grok's figures are 2·N·S", () => {
    expect(figure("grok-1e11", "Grok, N = 10¹¹")).toBe("25,600,000,000,000,000 (2.56×10¹⁶)");
    expect(figure("grok-1e12", "Grok, N = 10¹²")).toBe("256,000,000,000,000,000 (2.56×10¹⁷)");
  });

  it("GPT-3's 7×10¹¹ is 2·N·S with S = 2", () => {
    expect(figure("gpt3", "2·N·S with S = 2,048")).toBe("716,800,000,000,000 (7.17×10¹⁴)"); // 2 × 175e9 × 2048
    expect(figure("gpt3", "2·N·S with S = 2")).toBe("700,000,000,000 (7.00×10¹¹)"); // 2 × 175e9 × 2
  });

  it("PaLM's utilization is its published 46.2%", () => {
    expect(figure("utilization", "PaLM 540B training MFU")).toBe("46.2%");
  });

  it("$10 per million tokens at $2 per GPU-hour buys 0.018 GPU-seconds per token", () => {
    // 10 / 10⁶ dollars ÷ (2 / 3600 dollars per second) = 0.018 s.
    expect(claim("price").check().summary).toContain("buys 0.0180 GPU-seconds per token");
  });
});
