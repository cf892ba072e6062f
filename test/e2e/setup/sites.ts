import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { inject } from "vitest";

/** One site built and served by the global setup. */
export interface BuiltSite {
  /** http://127.0.0.1:PORT/ */
  url: string;
  /** The build's output folder. */
  outDir: string;
  buildOutput: string;
  buildSeconds: number;
}

declare module "vitest" {
  export interface ProvidedContext {
    sites: Record<"real" | "fixture", BuiltSite>;
  }
}

/** The real site (notebooks/) or the fixture site (test/fixtures/site-notebooks/site). */
export function site(name: "real" | "fixture"): BuiltSite {
  return inject("sites")[name];
}

/** Every page of a built site, as paths from its root ("", "post/", "notebooks/01-first/"), sorted. */
export function pagePaths(built: BuiltSite): string[] {
  const pages: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== "_astro" && name !== "pagefind") walk(path);
      } else if (name === "index.html") {
        pages.push(relative(built.outDir, dir) === "" ? "" : `${relative(built.outDir, dir)}/`);
      }
    }
  };
  walk(built.outDir);
  return pages.sort();
}
