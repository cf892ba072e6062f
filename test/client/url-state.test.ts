import { describe, expect, it } from "vitest";
import { hasIslandQuery, MAX_SEARCH_CHARS, readIslandQuery, writeIslandQuery } from "../../src/client/url-state";

describe("namespaced URL state", () => {
  it("reads only the island's own keys, without their prefix", () => {
    const search = "?page=2&three-answers.model=gpt2&three-answers.s=2048&three-answers-2.s=99&formula-explorer.s=1";
    const { query, problem } = readIslandQuery(search, "three-answers");
    expect(problem).toBeUndefined();
    expect({ ...query }).toEqual({ model: "gpt2", s: "2048" });
    expect({ ...readIslandQuery(search, "three-answers-2").query }).toEqual({ s: "99" });
    expect(hasIslandQuery(search, "formula-explorer")).toBe(true);
    expect(hasIslandQuery(search, "your-model")).toBe(false);
  });

  it("decodes percent-escapes and keeps hostile keys as plain keys", () => {
    const { query } = readIslandQuery("?x.__proto__=%3Cscript%3E&x.constructor=1&x.s=128%2C000", "x");
    expect(Object.getPrototypeOf(query)).toBeNull();
    expect(Object.keys(query)).toEqual(["__proto__", "constructor", "s"]);
    expect(query.__proto__).toBe("<script>");
    expect(query.s).toBe("128,000");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses a key given twice, and a query string over the limit", () => {
    expect(readIslandQuery("?x.s=1&x.s=2", "x")).toEqual({ query: {}, problem: 'The link gives "x.s" twice, so its settings are ignored.' });
    const long = `?x.s=${"9".repeat(MAX_SEARCH_CHARS)}`;
    expect(readIslandQuery(long, "x").problem).toBe(`The link is too long (${long.length} characters; at most ${MAX_SEARCH_CHARS} are read), so its settings are ignored.`);
    expect(hasIslandQuery(long, "x")).toBe(false);
  });

  it("writes the island's keys, replacing its old ones and keeping everyone else's", () => {
    const search = "?page=2&x.s=1&x.model=old&y.s=5";
    expect(writeIslandQuery(search, "x", { model: "gpt2", s: "4096" })).toBe("?page=2&y.s=5&x.model=gpt2&x.s=4096");
    expect(writeIslandQuery("", "x", {})).toBe("");
    expect(writeIslandQuery("?x.s=1", "x", {})).toBe("");
  });

  it("round-trips values that need escaping", () => {
    const values = { spec: "eyJ-_x", note: "a&b=c d/é" };
    const search = writeIslandQuery("?other=1", "your-model", values);
    expect({ ...readIslandQuery(search, "your-model").query }).toEqual(values);
  });
});
