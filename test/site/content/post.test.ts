import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePost, segments } from "../../../site/content/post";

const TEXT = readFileSync("notebooks/seed/how-many-flops.txt", "utf8");

describe("the seed post, split for quoting", () => {
  const post = parsePost(TEXT);

  it("reads the header", () => {
    expect(post.title).toBe("How many FLOPs");
    expect(post.author).toBe("splatlabs");
    expect(post.meta).toEqual(["· 1315 words · 7 minutes to read", "Categories: ai", "Tags: llm math-soup"]);
  });

  it("keeps every word of the post's body, in order", () => {
    const words = (text: string) => text.split(/\s+/).filter(Boolean);
    const body = post.blocks.flatMap((block) => (block.kind === "list" ? block.items.map((item) => item.text) : [block.text])).join(" ");
    const header = new Set(["splatlabs", "How", "many", "FLOPs", "·", "1315", "words", "7", "minutes", "to", "read", "Categories:", "ai", "Tags:", "llm", "math-soup"]);
    const original = words(TEXT.replace(/•/g, "")).slice(header.size + 1);
    // The capture ends with the blog's "Categories" widget, which is not quoted.
    expect(words(body)).toEqual(original.slice(0, -1));
    expect(original[original.length - 1]).toBe("Categories");
  });

  it("keeps the REPL session together, output included", () => {
    const code = post.blocks.find((block) => block.kind === "code");
    expect(code?.text).toBe(">>> 4096 * 200000 + 100 * (8 * (4096*4096) *\n128000 + 4 * 4096 * 128000 + 8 * (128000*128000))\n\n1731304652800000");
  });

  it("reads the nested bullet list of GPT4o's terms", () => {
    const lists = post.blocks.filter((block) => block.kind === "list");
    const terms = lists[1];
    expect(terms?.kind === "list" && terms.items.map((item) => item.depth)).toEqual([1, 1, 2, 2, 2]);
  });
});

describe("math in the post's text", () => {
  it("treats TeX between dollars as math", () => {
    expect(segments("FLOPs per token: $\\approx 2 \\times N \\times S$ where")).toEqual([
      { kind: "text", text: "FLOPs per token: " },
      { kind: "math", tex: "\\approx 2 \\times N \\times S", raw: "$\\approx 2 \\times N \\times S$" },
      { kind: "text", text: " where" },
    ]);
  });

  it("leaves prices alone", () => {
    const text = "GPT-4o’s API pricing ($2.50 per million input tokens, $10 per million output tokens) suggests";
    expect(segments(text)).toEqual([{ kind: "text", text }]);
  });
});
