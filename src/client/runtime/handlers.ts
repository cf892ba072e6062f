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
    out += tag[0];
    let j = tag[0].length;
    while (j < rest.length && rest[j] !== ">") {
      const space = /^[\s/]+/.exec(rest.slice(j));
      if (space) {
        out += space[0];
        j += space[0].length;
        continue;
      }
      const attribute = /^[^\s/>][^\s/>=]*(?:\s*=\s*(?:"[^"]*"?|'[^']*'?|[^\s>]*))?/.exec(rest.slice(j));
      if (!attribute) break;
      if (!/^on/i.test(attribute[0])) out += attribute[0];
      j += attribute[0].length;
    }
    i = open + j;
  }
  return out;
}
