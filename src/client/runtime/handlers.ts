/**
 * The text with every `on…` attribute taken out of its tags, before any
 * parser sees it: Chrome reports a CSP violation for an inline handler as
 * soon as one is parsed, even in an inert document. This follows the HTML
 * tokenizer closely enough for real outputs; where it does not, the DOM pass
 * above still removes the attribute, and the CSP still blocks it.
 */
export function withoutHandlerAttributes(html: string): string {
  let out = "";
  let i = 0;
  while (i < html.length) {
    const open = html.indexOf("<", i);
    if (open < 0) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, open);
    const rest = html.slice(open);
    if (rest.startsWith("<!--")) {
      // "<!-->" and "<!--->" end at once; otherwise a comment ends at "-->".
      const abrupt = /^<!---?>/.exec(rest);
      const end = abrupt ? abrupt[0].length : rest.indexOf("-->", 4) < 0 ? rest.length : rest.indexOf("-->", 4) + 3;
      out += rest.slice(0, end);
      i = open + end;
      continue;
    }
    if (/^<[!?]|^<\/[^A-Za-z]/.test(rest)) {
      // A bogus comment or doctype: up to the first ">".
      const end = rest.indexOf(">") < 0 ? rest.length : rest.indexOf(">") + 1;
      out += rest.slice(0, end);
      i = open + end;
      continue;
    }
    const tag = /^<\/?[A-Za-z][^\s/>]*/.exec(rest);
    if (!tag) {
      out += "<";
      i = open + 1;
      continue;
    }
    // <base> changes how the page resolves URLs (and is reported by the CSP as soon as it is parsed): dropped whole.
    const dropTag = /^<base$/i.test(tag[0]);
    if (!dropTag) out += tag[0];
    let j = tag[0].length;
    while (j < rest.length && rest[j] !== ">") {
      const space = /^[\s/]+/.exec(rest.slice(j));
      if (space) {
        if (!dropTag) out += space[0];
        j += space[0].length;
        continue;
      }
      const attribute = /^[^\s/>][^\s/>=]*(?:\s*=\s*(?:"[^"]*"?|'[^']*'?|[^\s>]*))?/.exec(rest.slice(j));
      if (!attribute) break;
      if (!dropTag && !/^on/i.test(attribute[0])) out += attribute[0];
      j += attribute[0].length;
    }
    if (dropTag) j = rest[j] === ">" ? j + 1 : j;
    i = open + j;
  }
  return out;
}

/**
 * The text without its <style> elements, and their CSS, to be adopted as
 * constructed stylesheets: parsing a <style> element reports a CSP violation
 * (style-src-elem) even in an inert document. Inside <svg>, style text is
 * parsed like any text, character references decoded; in HTML it is raw.
 */
export function withoutStyleElements(html: string): { html: string; styles: string[] } {
  const styles: string[] = [];
  const rest = html.replace(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi, (_match, css: string, offset: number) => {
    const before = html.slice(0, offset);
    const inSvg = (before.match(/<svg\b/gi)?.length ?? 0) > (before.match(/<\/svg\s*>/gi)?.length ?? 0);
    styles.push(inSvg ? decodeReferences(css) : css);
    return "";
  });
  return { html: rest, styles };
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'", nbsp: "\u00a0" };

function decodeReferences(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (reference, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : reference;
    }
    return NAMED[body.toLowerCase()] ?? reference;
  });
}
