import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../../scripts/site/chromium";
import type { PageGlobals } from "../../scripts/site/page-globals";

/** Headless Chromium, a fresh profile per launch (see scripts/site/chromium.ts). */
export function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

/** What went wrong on a page: console errors, uncaught exceptions, CSP violations, failed or 4xx/5xx requests. */
export interface PageProblems {
  console: string[];
  exceptions: string[];
  csp: string[];
  requests: string[];
}

export interface WatchedPage {
  page: Page;
  problems: PageProblems;
}

/** A page in `context` whose problems are recorded from the start (CSP violations through a listener installed before any page script). */
export async function watchedPage(context: BrowserContext): Promise<WatchedPage> {
  const problems: PageProblems = { console: [], exceptions: [], csp: [], requests: [] };
  await context.addInitScript(() => {
    const { document } = globalThis as unknown as PageGlobals;
    document.addEventListener("securitypolicyviolation", (event: { violatedDirective: string; blockedURI: string; sourceFile: string; lineNumber: number }) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    (/Content Security Policy|CSP violation/i.test(text) ? problems.csp : problems.console).push(text);
  });
  page.on("pageerror", (error) => problems.exceptions.push(error.message));
  page.on("requestfailed", (request) => problems.requests.push(`${request.url()}: ${request.failure()?.errorText ?? "failed"}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.requests.push(`${response.url()}: HTTP ${response.status()}`);
  });
  return { page, problems };
}
