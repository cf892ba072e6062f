import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GRAMMAR_DIR, GRAMMAR_FILE, generateParser } from "../../../scripts/grammar/generate";

describe("the TypeScript grammar's generated parser", () => {
  it("is what @lezer/generator makes of the committed grammar", () => {
    const generated = generateParser();
    expect([...generated.keys()].sort()).toEqual(["parser.terms.ts", "parser.ts"]);
    for (const [name, content] of generated) {
      const committed = readFileSync(GRAMMAR_DIR + name, "utf8");
      // A boolean, not the two texts: their diff would be 60 KB of parse tables.
      expect(committed === content, `src/client/grammar/${name} is not generated from ${GRAMMAR_FILE}: run \`npm run grammar\``).toBe(true);
    }
  });
});
