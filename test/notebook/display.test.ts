import { describe, expect, it } from "vitest";
import { displayBundle } from "../../src/notebook/display";
import { markdownBundle } from "../../src/notebook/markdown";

describe("markdownBundle", () => {
  it("carries the prose as text/markdown and text/plain", () => {
    expect(markdownBundle("**2·N·S** is a *no-cache* figure")).toEqual({
      data: { "text/markdown": "**2·N·S** is a *no-cache* figure", "text/plain": "**2·N·S** is a *no-cache* figure" },
      metadata: {},
    });
    expect(() => markdownBundle(42 as never)).toThrow("markdownBundle: expected a string of Markdown; got number");
  });
});

describe("displayBundle", () => {
  it("says what to use instead when no notebook kernel is running", () => {
    expect(() => displayBundle(markdownBundle("x"))).toThrow(
      "show… helpers send output to a running notebook kernel (tslab); outside one, use the pure functions",
    );
  });
});
