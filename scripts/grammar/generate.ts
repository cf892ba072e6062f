/**
 * The parser of the project's TypeScript grammar (src/client/grammar),
 * generated from typescript.grammar by @lezer/generator: the files that
 * `npm run grammar` writes and test/client/grammar/fresh.test.ts compares
 * with the committed ones.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildParserFile } from "@lezer/generator";

export const GRAMMAR_DIR = fileURLToPath(new URL("../../src/client/grammar/", import.meta.url));
export const GRAMMAR_FILE = "typescript.grammar";

/** File name (in GRAMMAR_DIR) to content, for every generated file. */
export function generateParser(): Map<string, string> {
  const warnings: string[] = [];
  const { parser, terms } = buildParserFile(readFileSync(GRAMMAR_DIR + GRAMMAR_FILE, "utf8"), {
    fileName: GRAMMAR_FILE,
    typeScript: true,
    warn: (message) => warnings.push(message),
  });
  // A warning (an unused rule, an overlapping token) means the grammar was edited wrongly: refuse it rather than commit it.
  if (warnings.length > 0) throw new Error(`${GRAMMAR_FILE}: ${warnings.join("\n")}`);
  return new Map([
    ["parser.ts", parser],
    ["parser.terms.ts", terms],
  ]);
}
