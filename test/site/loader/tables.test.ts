import { describe, expect, it } from "vitest";
import { codeCell, displayData, markdownCell, renderInline } from "./helpers";

describe("tables on a narrow screen", () => {
  it("puts a markdown cell's table in a named, focusable sideways scroller", async () => {
    const { document } = await renderInline([markdownCell("| term | claims | costs | verdict |\n|---|---|---|---|\n| E·V | logits | 2·E·V | right |")]);
    const scroller = document.querySelector(".table-scroll");
    expect(scroller?.querySelector("table th")?.textContent).toBe("term");
    expect(scroller?.getAttribute("tabindex")).toBe("0");
    expect(scroller?.getAttribute("role")).toBe("region");
    expect(scroller?.getAttribute("aria-label")).toBe("Table: term, claims, costs, verdict");
  });

  it("leaves a table in an output alone: the output scrolls already", async () => {
    const { document } = await renderInline([codeCell("table()", [displayData({ "text/html": "<table><tr><th>a</th></tr></table>", "text/plain": "a" })])]);
    expect(document.querySelector(".output table")).not.toBeNull();
    expect(document.querySelector(".table-scroll")).toBeNull();
  });
});
