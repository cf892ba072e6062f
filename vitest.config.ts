import { configDefaults, defineConfig } from "vitest/config";

/**
 * Two projects:
 * - unit: everything fast (core, CLI, notebooks, the site's loader and content);
 * - site: the built explainer (a real `astro build`) served by `astro preview`
 *   and driven in headless Chromium. Its global setup builds and serves the
 *   sites once for all its files, and only runs when one of them is selected.
 */
const SITE_TESTS = ["test/e2e/**/*.test.ts", "test/site/build/**/*.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...SITE_TESTS],
        },
      },
      {
        extends: true,
        test: {
          name: "site",
          include: SITE_TESTS,
          globalSetup: ["test/e2e/setup/global.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // The browser waits for pages that share two cores with the rest of the suite.
          expect: { poll: { timeout: 10_000 } },
          // One browser-heavy file at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
