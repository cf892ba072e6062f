import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";
import { mountIsland, URL_WRITE_DELAY_MS } from "../../src/client/live";
import { contextSweep } from "../../src/islands/context-sweep";
import { formulaExplorer } from "../../src/islands/formula-explorer";
import { threeAnswers } from "../../src/islands/three-answers";
import { yourModel } from "../../src/islands/your-model";
import { islandPage } from "./page";

const llamaConfigText = readFileSync(fileURLToPath(new URL("../fixtures/configs/llama-2-7b-hf.json", import.meta.url)), "utf8");
const exact = ".hmf-answer-first .hmf-exact";

describe("a live island", () => {
  it("re-renders the output on input, syncs the other controls, and writes the URL once input pauses", () => {
    const page = islandPage([{ island: "three-answers", props: { model: "llama-2-7b", S: 4096 } }], "?page=1");
    const host = page.host();
    const controls = host.querySelector(".hmf-island-controls");
    mountIsland(threeAnswers, host, page.env);
    // 15,361,638,400 at S = 4096 (hand arithmetic in test/islands/three-answers.test.ts).
    expect(page.text(host, exact)).toBe("15,361,638,400");
    // Slider position 300 is S = 10^3 = 1000: 13,214,154,752 + 4·32·4096·1000 = 13,738,442,752.
    page.edit(host, "s.slider", "300");
    expect(page.text(host, exact)).toBe("13,738,442,752");
    expect(host.querySelector('[name="s"]')?.getAttribute("value")).toBe("1000");
    expect(host.querySelector('[name="s.slider"]')?.getAttribute("aria-valuetext")).toBe("1,000 tokens");
    // The controls were not re-rendered, only the output.
    expect(host.querySelector(".hmf-island-controls")).toBe(controls);
    expect(page.replaced).toEqual([]);
    page.edit(host, "s", "2048");
    page.env.advance(URL_WRITE_DELAY_MS - 1);
    expect(page.replaced).toEqual([]);
    page.env.advance(1);
    expect(page.replaced).toEqual(["/islands/?page=1&three-answers.model=llama-2-7b&three-answers.s=2048#here"]);
  });

  it("refuses a bad value inline, keeps the last good output, and recovers", () => {
    const page = islandPage([{ island: "three-answers", props: {} }]);
    const host = page.host();
    mountIsland(threeAnswers, host, page.env);
    page.edit(host, "s", "12abc");
    // Named as the reader sees the control (its label "S", its hint "context length"), not by the URL key "s".
    expect(page.text(host, ".hmf-island-message")).toBe('Context length S: expected a whole number from 1 to 10,000,000, got the text "12abc"');
    expect(host.querySelector('[name="s"]')?.getAttribute("aria-invalid")).toBe("true");
    expect(page.text(host, exact)).toBe("15,361,638,400");
    // The results shown are for the last valid S, so they are marked stale until the input is fixed.
    expect(host.querySelector(".hmf-island-output")?.getAttribute("class")).toContain("hmf-stale");
    page.edit(host, "s", "4,096");
    expect(page.text(host, ".hmf-island-message")).toBe("");
    expect(host.querySelector('[name="s"]')?.hasAttribute("aria-invalid")).toBe(false);
    expect(host.querySelector(".hmf-island-output")?.getAttribute("class")).not.toContain("hmf-stale");
  });

  it("changes the model from its select", () => {
    const page = islandPage([{ island: "three-answers", props: { model: "llama-2-7b", S: 1 } }]);
    const host = page.host();
    const live = mountIsland(threeAnswers, host, page.env);
    page.edit(host, "model", "gpt2", "change");
    expect(live.props()).toEqual({ model: "gpt2", S: 1 });
    expect(page.text(host, ".hmf-answer-first .hmf-answer-inputs")).toContain("GPT-2 (124M)");
  });

  it("starts from the URL's state when there is some", () => {
    const page = islandPage([{ island: "formula-explorer", props: {} }], "?formula-explorer.s=1&formula-explorer.h=32");
    const host = page.host();
    const live = mountIsland(formulaExplorer, host, page.env);
    expect(live.props()).toEqual({ E: 4096, V: 200_000, S: 1, H: 32, L: 100 });
    expect(host.querySelector('[name="s"]')?.getAttribute("value")).toBe("1");
    expect(host.querySelector('[name="h.slider"]')?.getAttribute("value")).toBe("32");
    // GPT4o at S = 1, H = 32: 4096·200,000 + 100·(8·4096² + 4·4096·32 + 32) = 819,200,000 + 13,421,772,800 + 52,428,800 + 3,200
    expect(page.text(host, ".hmf-fx-gpt4o tfoot .hmf-exact")).toBe("14,293,404,800");
    expect(page.text(host, ".hmf-island-message")).toBe("");
  });

  it("applies what the reader typed while its code was loading, over the URL's state", () => {
    const page = islandPage([{ island: "three-answers", props: {} }], "?three-answers.model=gpt2&three-answers.s=64");
    const host = page.host();
    const box = host.querySelector('[name="s"]');
    // A browser keeps a typed value apart from the value attribute (the server-rendered default); linkedom does
    // not, so the typed value is given as an own property, as the browser's "dirty" value would be.
    Object.defineProperty(box, "value", { value: "1000", writable: true, configurable: true });
    const live = mountIsland(threeAnswers, host, page.env);
    expect(live.props()).toEqual({ model: "gpt2", S: 1000 });
    expect((box as unknown as { value: string }).value).toBe("1000");
    // The slider follows: log10(1000) = 3 → position 300.
    expect(host.querySelector('[name="s.slider"]')?.getAttribute("value")).toBe("300");
    expect(page.text(host, ".hmf-answer-first .hmf-answer-inputs")).toContain("GPT-2 (124M): token number 1,000");
  });

  it("shows a hostile URL's problem inline, naming the setting, and keeps the page's values", () => {
    const page = islandPage([{ island: "three-answers", props: {}, id: "answers" }], "?answers.s=1e999&answers.model=%3Cscript%3E");
    const host = page.host();
    const before = host.querySelector(".hmf-island-output")?.outerHTML;
    const live = mountIsland(threeAnswers, host, page.env);
    expect(live.props()).toEqual({ model: "llama-2-7b", S: 4096 });
    expect(page.text(host, ".hmf-island-message")).toMatch(/^The link’s setting “answers\.(s|model)” cannot be used \(.+\); showing the page’s own values\.$/);
    expect(host.querySelector(".hmf-island-message")?.querySelector("*")).toBeNull();
    expect(host.querySelector(".hmf-island-output")?.outerHTML).toBe(before);
    expect(host.querySelector("script")).toBeNull();
  });

  it("falls back to defaults when data-props is unusable, saying why", () => {
    const page = islandPage([{ island: "three-answers", props: {} }]);
    const host = page.host();
    host.setAttribute("data-props", '{"model": "gpt2", "__proto__": {"x": 1}}');
    const live = mountIsland(threeAnswers, host, page.env);
    expect(live.props()).toEqual({ model: "llama-2-7b", S: 4096 });
    expect(page.text(host, ".hmf-island-message")).toMatch(/^This island’s props are unusable \(props\.__proto__: not a prop of this island/);
  });

  it("keeps two islands of one kind apart in the URL", () => {
    const page = islandPage([{ island: "three-answers", props: {}, id: "left" }, { island: "three-answers", props: {}, id: "right" }], "?right.s=16");
    const left = mountIsland(threeAnswers, page.host(0), page.env);
    const right = mountIsland(threeAnswers, page.host(1), page.env);
    expect(left.props().S).toBe(4096);
    expect(right.props().S).toBe(16);
    page.edit(page.host(0), "s", "8");
    left.flushUrl();
    expect(page.env.location.search).toBe("?right.s=16&left.model=llama-2-7b&left.s=8");
  });

  it("redraws the sweep chart on every input", () => {
    const page = islandPage([{ island: "context-sweep", props: { model: "gpt2", from: 1, to: 1000 } }]);
    const host = page.host();
    mountIsland(contextSweep, host, page.env);
    const before = host.querySelector("svg.hmf-chart")?.outerHTML;
    page.edit(host, "to", "1000000");
    const after = host.querySelector("svg.hmf-chart");
    expect(after?.outerHTML).not.toBe(before);
    expect(page.text(host, "figcaption")).toBe("GPT-2 (124M): FLOPs per generated token for S from 1 to 1,000,000, log-log.");
    expect(host.querySelector(".hmf-island-output style")).toBeNull();
  });

  it("keeps the sweep's table open across updates when the reader opened it", () => {
    const page = islandPage([{ island: "context-sweep", props: { model: "gpt2", from: 1, to: 1000 } }]);
    const host = page.host();
    mountIsland(contextSweep, host, page.env);
    host.querySelector("details.hmf-data")?.setAttribute("open", "");
    page.edit(host, "to", "2000");
    expect(host.querySelector("details.hmf-data")?.hasAttribute("open")).toBe(true);
    expect(page.text(host, "details.hmf-data tbody tr:last-child th")).toBe("2,000");
  });

  it("keeps the figure's number, id and class after an update (as the site numbered it)", () => {
    const page = islandPage([{ island: "context-sweep", props: { model: "gpt2", from: 1, to: 1000 } }]);
    const host = page.host();
    // What site/loaders/notebook/figures.ts does to a captioned figure at build time.
    const figure = host.querySelector("figure");
    figure?.setAttribute("id", "fig:sweep");
    figure?.setAttribute("class", "hmf-figure numbered-figure");
    figure?.querySelector("figcaption")?.insertAdjacentHTML("afterbegin", '<span class="figure-number">Figure 2.</span> ');
    mountIsland(contextSweep, host, page.env);
    page.edit(host, "to", "2000");
    const updated = host.querySelector("figure");
    expect(updated?.getAttribute("id")).toBe("fig:sweep");
    expect(updated?.getAttribute("class")).toBe("hmf-figure numbered-figure");
    expect(page.text(host, "figcaption")).toBe("Figure 2. GPT-2 (124M): FLOPs per generated token for S from 1 to 2,000, log-log.");
  });

  it("imports a pasted config.json, carries its text compressed in the URL, and a new page restores the paste", async () => {
    const page = islandPage([{ island: "your-model", props: { model: "gpt2" } }]);
    const host = page.host();
    mountIsland(yourModel, host, page.env);
    page.edit(host, "config", llamaConfigText);
    expect(page.text(host, ".hmf-ym-model strong")).toBe("meta-llama/Llama-2-7b-hf");
    // The select now shows the pasted-config option.
    expect(host.querySelector('[name="model"] option[selected]')?.getAttribute("value")).toBe("");
    page.env.advance(URL_WRITE_DELAY_MS);
    await vi.waitFor(() => expect(page.replaced).toHaveLength(1));
    const search = new URL(page.replaced[0] as string, "http://127.0.0.1").search;
    expect(search).toMatch(/^\?your-model\.config=[A-Za-z0-9_-]+&your-model\.s=4096&your-model\.dtype=bf16$/);
    // Deflated: shorter than the text itself.
    const value = new URLSearchParams(search).get("your-model.config") ?? "";
    expect(value.length).toBeLessThan(llamaConfigText.length);

    const reopened = islandPage([{ island: "your-model", props: { model: "gpt2" } }], search);
    const live = mountIsland(yourModel, reopened.host(), reopened.env);
    await live.restored;
    expect(reopened.text(reopened.host(), ".hmf-ym-model strong")).toBe("meta-llama/Llama-2-7b-hf");
    expect(reopened.host().querySelector(".hmf-ym-params tfoot .hmf-exact")?.textContent).toBe("6,738,415,616");
    // The paste box shows the pasted text again.
    expect((reopened.host().querySelector('[name="config"]') as unknown as { value: string }).value).toBe(llamaConfigText);
  });

  it("says so when a link's compressed config is cut short", async () => {
    const page = islandPage([{ island: "your-model", props: { model: "gpt2" } }], "?your-model.config=AAAA");
    const live = mountIsland(yourModel, page.host(), page.env);
    await live.restored;
    expect(page.text(page.host(), ".hmf-island-message")).toMatch(/^The link’s setting “your-model\.config” cannot be used \(it could not be decompressed/);
    expect(page.text(page.host(), ".hmf-ym-model strong")).toBe("GPT-2 (124M)");
  });

  it("shows a bad paste's error as text, naming the field", () => {
    const page = islandPage([{ island: "your-model", props: {} }]);
    const host = page.host();
    mountIsland(yourModel, host, page.env);
    page.edit(host, "config", '{"model_type": "<img src=x onerror=alert(1)>"}');
    expect(page.text(host, ".hmf-island-message")).toMatch(/^config\.json: model_type: unsupported model_type "<img src=x onerror=alert\(1\)>"/);
    expect(host.querySelector("img")).toBeNull();
    expect(host.querySelector('[name="config"]')?.getAttribute("aria-invalid")).toBe("true");
  });
});
