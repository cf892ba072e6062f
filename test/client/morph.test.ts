import { describe, expect, it } from "vitest";
import { morph, type MorphNode } from "../../src/client/morph";
import { parse } from "../islands/dom";

const node = (html: string): MorphNode => parse(html).firstChild as unknown as MorphNode;

describe("morph", () => {
  it("changes only what differs and keeps the nodes that are unchanged", () => {
    const container = parse('<div class="out"><p class="a">one</p><table><tr><td>1</td><td>2</td></tr></table><span>gone</span></div>');
    const live = container.firstChild as any;
    const keptParagraph = live.querySelector("p.a");
    const keptCell = live.querySelector("td");
    morph(live, node('<div class="out new"><p class="a">one</p><table><tr><td>1</td><td>3</td></tr></table><em>added</em></div>'));
    expect(live.outerHTML).toBe('<div class="out new"><p class="a">one</p><table><tr><td>1</td><td>3</td></tr></table><em>added</em></div>');
    // The same elements, not copies: an unchanged paragraph and cell keep their identity (and their layout).
    expect(live.querySelector("p.a")).toBe(keptParagraph);
    expect(live.querySelector("td")).toBe(keptCell);
  });

  it("removes attributes the fresh markup lacks, except those the reader owns", () => {
    const live = node('<div><details open data-x="1"><summary>s</summary>t</details><svg><path d="M0,0" stroke-dasharray="2 3"></path></svg></div>');
    morph(live, node('<div><details><summary>s</summary>u</details><svg><path d="M1,1"></path></svg></div>'), (element, name) => name === "open" && element.nodeName === "DETAILS");
    expect((live as unknown as { outerHTML: string }).outerHTML).toBe('<div><details open><summary>s</summary>u</details><svg><path d="M1,1" /></svg></div>');
  });

  it("replaces an element whose tag changed and drops extra children", () => {
    const live = node("<ul><li>a</li><li>b</li><li>c</li></ul>");
    morph(live, node("<ul><li>a</li><p>b</p></ul>"));
    expect((live as unknown as { outerHTML: string }).outerHTML).toBe("<ul><li>a</li><p>b</p></ul>");
  });
});
