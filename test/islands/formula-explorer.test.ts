import { describe, expect, it } from "vitest";
import { correctedSide, formulaExplorer, FORMULA_EXPLORER_DEFAULTS, gpt4oSide, type FormulaExplorerProps } from "../../src/islands/formula-explorer";
import { IslandInputError } from "../../src/islands/island";
import { freshDocument, parse, textOf, texts } from "./dom";

/** The post's REPL inputs, with H = 8 in both places GPT4o's formula uses it. */
const POST: FormulaExplorerProps = { E: 4096, V: 200_000, S: 128_000, H: 8, L: 100 };

// GPT4o's terms at the post's inputs, by hand (4096² = 16,777,216; 128,000² = 16,384,000,000):
const GPT_LOGITS = 819_200_000n; //                        4096 · 200,000
const GPT_MLP = 1_717_986_918_400_000n; //           100 · 8 · 16,777,216 · 128,000
const GPT_QKV = 1_677_721_600_000n; //                   100 · 4 · 4096 · 8 · 128,000
const GPT_ATTENTION = 13_107_200_000_000n; //          100 · 8 · 16,384,000,000
const GPT_TOTAL = 1_732_772_659_200_000n;

// First principles for one new token at S = 128,000, same sizes (MHA, heads of 4096/8 = 512, MLP 4·4096 wide):
const FP_LOGITS = 1_638_400_000n; //                    2 · 4096 · 200,000
const FP_QKV = 10_066_329_600n; //                      3 projections · 2 · 100 · 16,777,216
const FP_ATTENTION = 209_715_200_000n; //              (QKᵀ + AV) 2 · 2 · 100 layers · 128,000 keys · 4096
const FP_OUT = 3_355_443_200n; //                       2 · 100 · 16,777,216
const FP_MLP = 26_843_545_600n; //                      2 matrices · 2 · 100 · 4096 · 16,384
const FP_TOTAL = 251_618_918_400n;

describe("formula explorer numbers", () => {
  it("hand arithmetic adds up", () => {
    expect(GPT_LOGITS + GPT_MLP + GPT_QKV + GPT_ATTENTION).toBe(GPT_TOTAL);
    expect(FP_LOGITS + FP_QKV + FP_ATTENTION + FP_OUT + FP_MLP).toBe(FP_TOTAL);
  });

  it("evaluates GPT4o's formula at the post's inputs", () => {
    const side = gpt4oSide(POST);
    expect(side.total).toBe(GPT_TOTAL);
    expect(Object.fromEntries(side.terms.map((t) => [t.id, t.value]))).toEqual({ logits: GPT_LOGITS, mlp: GPT_MLP, qkv: GPT_QKV, attention: GPT_ATTENTION });
  });

  it("counts one token from first principles at the same sizes", () => {
    const side = correctedSide(POST);
    if (side.kind !== "counted") throw new Error(side.reason);
    expect(side.total).toBe(FP_TOTAL);
    expect(Object.fromEntries(side.terms.map((t) => [t.id, t.value]))).toEqual({
      logits: FP_LOGITS, qkv: FP_QKV, attention: FP_ATTENTION, outProj: FP_OUT, mlp: FP_MLP,
    });
  });

  it("shows both totals, exact, and their ratio", () => {
    const html = formulaExplorer.renderOutput(POST, freshDocument());
    const totals = texts(html, "tfoot .hmf-exact");
    expect(totals).toEqual(["1,732,772,659,200,000", "251,618,918,400"]);
    // 1,732,772,659,200,000 / 251,618,918,400 = 6,886.496…: 251,618,918,400 · 6,886 = 1,732,647,872,102,400, remainder < half.
    expect(textOf(html, ".hmf-fx-ratio strong")).toBe("6,886×");
    const rows = texts(html, ".hmf-fx-gpt4o tbody tr");
    expect(rows[1]).toContain("1,717,986,918,400,000");
    // 1,717,986,918,400,000 / 1,732,772,659,200,000 = 0.99147 → 99.1%
    expect(rows[1]).toContain("99.1%");
    // 819,200,000 / 1,732,772,659,200,000 = 4.7277×10⁻⁷ → 0.0000473%, not a rounded-away 0%
    expect(rows[0]).toContain("0.0000473%");
  });

  it("says inline when H does not divide E, and still shows GPT4o's side", () => {
    const html = formulaExplorer.renderOutput({ ...POST, H: 7 }, freshDocument());
    expect(textOf(html, ".hmf-note-warning")).toMatch(/^H = 7 does not divide E = 4,096/);
    expect(texts(html, "tfoot .hmf-exact")).toHaveLength(1);
  });

  it("renders the output inside the output region and the controls in a disabled fieldset", () => {
    const root = parse(formulaExplorer.renderControls(POST) + formulaExplorer.renderOutput(POST, freshDocument()));
    expect(root.querySelector("fieldset.hmf-island-controls")?.hasAttribute("disabled")).toBe(true);
    expect(root.querySelectorAll(".hmf-island-output")).toHaveLength(1);
    const names = [...root.querySelectorAll("input")].map((input: { getAttribute(name: string): string | null }) => input.getAttribute("name"));
    expect(names).toEqual(["e", "e.slider", "v", "v.slider", "s", "s.slider", "h", "h.slider", "l", "l.slider"]);
  });
});

describe("formula explorer state", () => {
  it("defaults to the post's inputs", () => {
    expect(formulaExplorer.parseProps({})).toEqual(POST);
  });

  it("accepts numbers, bigints and grouped decimal strings in props", () => {
    expect(formulaExplorer.parseProps({ E: 8192n, V: "50,257", S: "1.28e5", H: 64, L: "96" })).toEqual({ E: 8192, V: 50_257, S: 128_000, H: 64, L: 96 });
  });

  it("round-trips through the URL", () => {
    const props: FormulaExplorerProps = { E: 12_288, V: 50_257, S: 2048, H: 96, L: 96 };
    const query = formulaExplorer.toQuery(props);
    expect(query).toEqual({ e: "12288", v: "50257", s: "2048", h: "96", l: "96" });
    expect(formulaExplorer.fromQuery(query, POST)).toEqual(props);
  });

  it("keeps the base for keys the URL leaves out", () => {
    expect(formulaExplorer.fromQuery({ s: "4096" }, POST)).toEqual({ ...POST, S: 4096 });
  });

  it("moves S along a log slider in hundredths of a decade, to three significant digits", () => {
    // Position 511 is 10^5.11 = 128,824.95… → 129,000.
    expect(formulaExplorer.applyControl?.("s.slider", "511", POST).S).toBe(129_000);
    // The text box is exact.
    expect(formulaExplorer.applyControl?.("s", "128000", POST).S).toBe(128_000);
    const state = formulaExplorer.controlState?.(POST) ?? {};
    // log10(128,000) = 5.107 → position 511.
    expect(state["s.slider"]).toEqual({ value: "511", text: "128,000 tokens" });
    expect(state.s).toEqual({ value: "128000", text: "128,000 tokens" });
  });

  it("refuses a slider position outside its range, naming the slider", () => {
    expect(() => formulaExplorer.applyControl?.("s.slider", "701", POST)).toThrow(/^s\.slider: expected a whole number from 0 to 700/);
    expect(() => formulaExplorer.applyControl?.("x", "1", POST)).toThrow(new IslandInputError("x", "not a control of this island"));
  });
});

describe("formula explorer: the token-flow figure", () => {
  const flowOf = (S: number) => parse(formulaExplorer.renderOutput({ ...FORMULA_EXPLORER_DEFAULTS, S }, freshDocument()));
  it("labels attention with its FLOPs and the KV cache it reads, for the sliders' inputs", () => {
    // The post's inputs: attention over the cache is 4·L·S·E = 4 · 100 · 128,000 · 4096 = 209,715,200,000 FLOPs, and reads
    // the whole KV cache: 2 (K and V) · L · S · E · 2 bytes (bf16) = 2 · 100 · 128,000 · 4096 · 2 = 209,715,200,000 bytes.
    const title = flowOf(128_000).querySelector(".hmf-flow-attention title")?.textContent;
    expect(title).toBe("Attention over the KV cache: 209,715,200,000 FLOPs, 209,715,200,000 bytes read");
    expect(flowOf(128_000).querySelector("figure.hmf-token-flow figcaption")?.textContent).toContain("at S = 128,000");
  });

  it("fills attention's block with its share, which grows with S", () => {
    const width = (S: number) => Number(flowOf(S).querySelector(".hmf-flow-attention .hmf-flow-share")?.getAttribute("width"));
    // The rest of the token is 2·E·V + 24·L·E² (Q, K, V 6·L·E², output 2·L·E², a 4E MLP 16·L·E²) = 1.64×10⁹ + 4.03×10¹⁰ = 4.19×10¹⁰.
    // At S = 1000 attention is 4·100·1000·4096 = 1.64×10⁹: 1.64 / 43.6 = 3.8% of a block 372 px wide (400 − 2·4 − 2·10);
    // at S = 128,000 it is 2.10×10¹¹ of 2.52×10¹¹ = 83.3%.
    expect(width(1000)).toBeGreaterThan(0.03 * 372);
    expect(width(1000)).toBeLessThan(0.045 * 372);
    expect(width(128_000)).toBeGreaterThan(0.83 * 372);
    expect(width(128_000)).toBeLessThan(0.84 * 372);
  });
});
