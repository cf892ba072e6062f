import { describe, expect, it } from "vitest";
import { withoutHandlerAttributes, withoutStyleElements } from "../../../src/client/runtime/handlers";

describe("withoutHandlerAttributes (the text pass before the browser parses an output)", () => {
  it("removes on… attributes in every quoting style and keeps everything else byte for byte", () => {
    expect(withoutHandlerAttributes('<img src=x onerror="a()" alt=\'y\'>')).toBe("<img src=x  alt='y'>");
    expect(withoutHandlerAttributes("<svg ONLOAD=a() width=2/>")).toBe("<svg  width=2/>");
    expect(withoutHandlerAttributes("<a\nonclick='x'\nhref=\"#b\">on=1</a>")).toBe('<a\n\nhref="#b">on=1</a>');
    const chart = '<svg aria-label="tokens on context" viewBox="0 0 1 1"><text>onload=</text></svg>';
    expect(withoutHandlerAttributes(chart)).toBe(chart);
  });

  it("reads comments as the HTML tokenizer does, so a tag after an abruptly closed comment is still cleaned", () => {
    expect(withoutHandlerAttributes("<!--><img onerror=x>-->")).toBe("<!--><img >-->");
    expect(withoutHandlerAttributes("<!-- <img onerror=x> -->")).toBe("<!-- <img onerror=x> -->");
    expect(withoutHandlerAttributes("a < b and <b onmouseover=x>bold</b>")).toBe("a < b and <b >bold</b>");
  });

  it("drops <base> tags whole", () => {
    expect(withoutHandlerAttributes('<p>a</p><BASE href="http://example.invalid/"><p>b</p>')).toBe("<p>a</p><p>b</p>");
  });
});

describe("withoutStyleElements", () => {
  it("takes <style> elements out, CSS raw in HTML and with character references decoded inside <svg>", () => {
    const html = '<figure><style>a > b { color: red }</style><svg><style>:where(.p &gt; text) {}</style><g/></svg></figure><style>x{}</style>';
    expect(withoutStyleElements(html)).toEqual({ html: "<figure><svg><g/></svg></figure>", styles: ["a > b { color: red }", ":where(.p > text) {}", "x{}"] });
  });
});
