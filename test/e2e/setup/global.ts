import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildSite, startPreview, type Preview } from "../../../scripts/site/astro";
import type { BuiltSite } from "./sites";

/**
 * Builds the site twice, once with the real notebooks (notebooks/) and once
 * with the fixture notebooks (test/fixtures/site-notebooks/site: every output
 * type, every tag, all five islands), each into its own temporary folder, and
 * serves both with `astro preview` on free ports of 127.0.0.1. The servers are
 * stopped by PID after the run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const work = mkdtempSync(join(tmpdir(), "hmf-site-"));
  const previews: Preview[] = [];
  const sites: Record<"real" | "fixture", BuiltSite> = {} as Record<"real" | "fixture", BuiltSite>;
  try {
    for (const [name, notebooks] of [["real", "notebooks"], ["fixture", "test/fixtures/site-notebooks/site"]] as const) {
      const options = { notebooks, outDir: join(work, name, "dist"), cacheDir: join(work, name, "cache") };
      const build = await buildSite(options);
      if (!build.ok) throw new Error(`astro build of the ${name} site (${notebooks}) failed:\n${build.output}`);
      const preview = await startPreview(options);
      previews.push(preview);
      sites[name] = { url: preview.url, outDir: options.outDir, buildOutput: build.output, buildSeconds: build.seconds };
    }
  } catch (error) {
    await Promise.all(previews.map((preview) => preview.stop()));
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
  project.provide("sites", sites);
  return async () => {
    await Promise.all(previews.map((preview) => preview.stop()));
    rmSync(work, { recursive: true, force: true });
  };
}
