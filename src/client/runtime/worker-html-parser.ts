/**
 * What linkedom gets for htmlparser2 in the runtime's worker (astro.config.mjs aliases it there only).
 * In the worker, linkedom parses one string: the empty page that notebookDocument() creates
 * (`<!doctype html><html><head></head><body></body></html>`); Plot, the charts and the notebook helpers
 * build everything else with createElement and serialise it, never parse it. So this reads that
 * shape (a doctype, tags without attributes, no text) and refuses anything else with a message in the
 * reader's words, instead of shipping htmlparser2 and its entity tables (29 KB gz of the worker's linkedom).
 */
interface Handler {
  onprocessinginstruction?(name: string, data: string): void;
  onopentag?(name: string, attributes: Record<string, string>): void;
  onclosetag?(name: string): void;
}

/** The message a cell gets when its code asks linkedom to parse HTML in the browser. */
export const PARSE_REFUSED =
  "parsing HTML (innerHTML =, outerHTML =, insertAdjacentHTML, DOMParser) is not available in the browser's notebook runtime, which builds charts with createElement; run this notebook in Jupyter to parse HTML";

export class Parser {
  private text = "";

  constructor(private readonly handler: Handler, _options?: unknown) {}

  write(chunk: string): void {
    this.text += chunk;
  }

  end(): void {
    const token = /<!(doctype)\s+([^>]*)>|<([a-zA-Z][a-zA-Z0-9-]*)>|<\/([a-zA-Z][a-zA-Z0-9-]*)>/gy;
    let at = 0;
    while (at < this.text.length) {
      token.lastIndex = at;
      const match = token.exec(this.text);
      if (!match) throw new Error(PARSE_REFUSED);
      if (match[1] !== undefined) this.handler.onprocessinginstruction?.(`!${match[1]}`, `!${match[1]} ${match[2]}`);
      else if (match[3] !== undefined) this.handler.onopentag?.(match[3].toLowerCase(), {});
      else this.handler.onclosetag?.(match[4]!.toLowerCase());
      at = token.lastIndex;
    }
  }
}
