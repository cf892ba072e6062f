import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkClaim, CLAIMS } from "../../../site/content/claims/index";
import { citedSources, REFERENCES_HEADING, sourceById, SOURCES } from "../../../site/content/sources";

interface Cell {
  cell_type: string;
  source: string | string[];
}
const text = (cell: Cell): string => (Array.isArray(cell.source) ? cell.source.join("") : cell.source);
const NOTEBOOKS = readdirSync("notebooks").filter((name) => /^0\d-.*\.ipynb$/.test(name)).sort();
const cellsOf = (name: string): Cell[] => (JSON.parse(readFileSync(join("notebooks", name), "utf8")) as { cells: Cell[] }).cells;
const linksIn = (markdown: string): string[] => [...markdown.matchAll(/\]\((https?:[^)\s]+)\)/g)].map((match) => match[1]!);

describe("the sources", () => {
  it("each has an https address and an id of its own", () => {
    for (const source of SOURCES) expect(new URL(source.url).protocol, source.id).toBe("https:");
    expect(new Set(SOURCES.map((source) => source.id)).size).toBe(SOURCES.length);
  });

  it("include the works the issue names, at their published addresses", () => {
    // Addresses written out here: the arXiv ids of the papers, the authors' own pages.
    const expected = {
      "seed-post": "https://splatlabs.com/posts/how-many-flops/",
      "kaplan-2020": "https://arxiv.org/abs/2001.08361",
      "hoffmann-2022": "https://arxiv.org/abs/2203.15556",
      "chowdhery-2022": "https://arxiv.org/abs/2204.02311",
      "narayanan-2021": "https://arxiv.org/abs/2104.04473",
      "pope-2022": "https://arxiv.org/abs/2211.05102",
      "kipply-2022": "https://kipp.ly/transformer-inference-arithmetic/",
      "ml-energy": "https://ml.energy/leaderboard",
      "epoch-2025": "https://epoch.ai/gradient-updates/how-much-energy-does-chatgpt-use",
      calflops: "https://github.com/MrYxJ/calculate-flops.pytorch",
    };
    for (const [id, url] of Object.entries(expected)) expect(sourceById(id, "test").url, id).toBe(url);
  });

  it("an unknown id names where it was written", () => {
    expect(() => sourceById("nobody-1999", "prose.md, ## claim")).toThrow(/prose\.md, ## claim: source:nobody-1999 is not in site\/content\/sources\.ts/);
  });
});

describe.each(NOTEBOOKS)("%s", (name) => {
  const cells = cellsOf(name);
  const last = cells[cells.length - 1]!;
  const references = text(last);

  it("ends with a References markdown cell whose every link is a known source", () => {
    expect(last.cell_type).toBe("markdown");
    expect(references.startsWith(`${REFERENCES_HEADING}\n`)).toBe(true);
    const links = linksIn(references);
    expect(links.length).toBeGreaterThan(0);
    const known = new Set(SOURCES.map((source) => source.url));
    for (const link of links) expect(known.has(link), link).toBe(true);
  });

  it("lists every source its prose names or its code uses", () => {
    const body = cells.slice(0, -1);
    const prose = body.filter((cell) => cell.cell_type === "markdown").map(text).join("\n");
    const code = body.filter((cell) => cell.cell_type === "code").map(text).join("\n");
    const listed = new Set(linksIn(references));
    for (const source of citedSources(prose, code)) expect(listed.has(source.url), `${source.label} (${source.url})`).toBe(true);
    // Every link the prose itself makes is to a listed source too.
    for (const link of linksIn(prose).filter((url) => SOURCES.some((source) => source.url === url))) expect(listed.has(link), link).toBe(true);
  });
});

describe("the references of the notebooks that lean on the papers", () => {
  // Which notebook cites what, read off the notebooks' text by hand.
  const cites: Record<string, string[]> = {
    "01-the-question.ipynb": ["https://splatlabs.com/posts/how-many-flops/"],
    "03-first-principles.ipynb": ["arxiv.org/abs/2001.08361", "arxiv.org/abs/2203.15556", "arxiv.org/abs/2204.02311", "arxiv.org/abs/2104.04473", "github.com/MrYxJ/calculate-flops.pytorch"],
    "08-power-hungry.ipynb": ["ml.energy/leaderboard", "epoch.ai/", "www.nvidia.com/en-us/data-center/h100/"],
    "09-inference-arithmetic.ipynb": ["arxiv.org/abs/2211.05102", "kipp.ly/transformer-inference-arithmetic/", "arxiv.org/abs/2211.17192"],
  };
  it.each(Object.entries(cites))("%s", (name, urls) => {
    const cells = cellsOf(name);
    const references = text(cells[cells.length - 1]!);
    for (const url of urls) expect(references, url).toContain(url);
  });
});

describe("the post page's prose", () => {
  it("links Kaplan et al. and PaLM to their papers", () => {
    const html = (id: string): string => checkClaim(CLAIMS.find((claim) => claim.id === id)!).summaryHtml;
    const all = CLAIMS.map((claim) => html(claim.id)).join("\n");
    expect(all).toContain('<a href="https://arxiv.org/abs/2001.08361">Kaplan et al.</a>');
    expect(all).toContain('<a href="https://arxiv.org/abs/2204.02311">PaLM</a>');
    expect(all).not.toContain("source:");
  });
});
