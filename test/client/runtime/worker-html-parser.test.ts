import { readFileSync } from "node:fs";
import { Parser as Htmlparser2 } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { PARSE_REFUSED, Parser } from "../../../src/client/runtime/worker-html-parser";

function events(html: string, Reader: typeof Parser | typeof Htmlparser2 = Parser): string[] {
  const seen: string[] = [];
  const parser = new Reader({
    onprocessinginstruction: (name, data) => seen.push(`pi ${name} | ${data}`),
    onopentag: (name, attributes) => seen.push(`open ${name} ${JSON.stringify(attributes)}`),
    onclosetag: (name) => seen.push(`close ${name}`),
  });
  parser.write(html);
  parser.end();
  return seen;
}

describe("the worker's stand-in for htmlparser2 (linkedom parses only the empty page there)", () => {
  it("reads the page notebookDocument() creates as htmlparser2 reports it to linkedom", () => {
    const source = readFileSync("src/notebook/document.ts", "utf8");
    const page = /parseHTML\("([^"]*)"\)/.exec(source)?.[1];
    expect(page).toBe("<!doctype html><html><head></head><body></body></html>");
    // htmlparser2 reports `<!doctype html>` as the instruction "!doctype" with data "!doctype html" (linkedom slices the name off).
    expect(events(page!)).toEqual(["pi !doctype | !doctype html", "open html {}", "open head {}", "close head", "open body {}", "close body", "close html"]);
    expect(events(page!)).toEqual(events(page!, Htmlparser2));
  });

  it("refuses any other HTML with a message that says where it can be parsed", () => {
    for (const html of ['<p class="x">a</p>', "text", "<b>&amp;</b>", "<!-- c -->"]) expect(() => events(html)).toThrow(PARSE_REFUSED);
    expect(PARSE_REFUSED).toContain("run this notebook in Jupyter");
  });
});
