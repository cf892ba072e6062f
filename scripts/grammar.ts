/**
 * npm run grammar   regenerate src/client/grammar/parser.ts and parser.terms.ts
 *
 * Run after every edit of src/client/grammar/typescript.grammar: the
 * generated files are committed, and a test fails where they are stale.
 */
import { writeFileSync } from "node:fs";
import { GRAMMAR_DIR, generateParser } from "./grammar/generate";

try {
  for (const [name, content] of generateParser()) {
    writeFileSync(GRAMMAR_DIR + name, content);
    console.log(`wrote src/client/grammar/${name}`);
  }
} catch (error) {
  console.error(`grammar: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
