import { chromium, type Browser } from "playwright-core";

/** Flags for headless Chromium in a container: no sandbox, no GPU, nothing fetched in the background. */
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/**
 * Headless Chromium (the Debian package, /usr/bin/chromium) as the tests and
 * the bench drive it. Playwright gives every launch a fresh temporary profile
 * (its own --user-data-dir) and adds --headless.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.HMF_CHROMIUM ?? "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });
}
