import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../../scripts/site/astro";

/**
 * The site's own TypeScript, which the root tsconfig does not cover: the
 * build-side code (site/tsconfig.json: loaders, pages' helpers, content, with
 * Astro's generated content types, which the global setup's build wrote to
 * .astro/) and the browser code (site/client/tsconfig.json, with the DOM).
 */
// The project's TypeScript (7, the native compiler), as the typecheck script runs it.
const TSC = join(ROOT, "node_modules/typescript/bin/tsc");

function typecheck(project: string): string {
  try {
    execFileSync(process.execPath, [TSC, "--noEmit", "-p", project], { cwd: ROOT, encoding: "utf8", stdio: "pipe" });
    return "";
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

describe("the site's TypeScript", () => {
  it.each(["site/tsconfig.json", "site/client/tsconfig.json"])("%s type-checks", (project) => {
    expect(typecheck(project)).toBe("");
  });
});
