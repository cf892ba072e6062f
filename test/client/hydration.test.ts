import { describe, expect, it } from "vitest";
import { armIsland, hydrationState, nextState, type IslandChunk, type IslandLoader } from "../../src/client/hydration";
import type { HostElement } from "../../src/client/dom";
import { islandPage } from "./page";

/** Loaders that record their calls; `fail` makes the load reject. */
function recordingLoaders(fail = false) {
  const loads: string[] = [];
  const mounted: HostElement[] = [];
  const chunk: IslandChunk = { mount: (host) => void mounted.push(host) };
  const loader = (name: string) => async (): Promise<IslandChunk> => {
    loads.push(name);
    if (fail) throw new Error("network down");
    return chunk;
  };
  const known: Record<string, () => Promise<IslandChunk>> = { "three-answers": loader("three-answers"), "formula-explorer": loader("formula-explorer") };
  const loaders: IslandLoader = (name) =>
    Object.prototype.hasOwnProperty.call(known, name)
      ? (known[name] as () => Promise<IslandChunk>)()
      : Promise.reject(new Error(`there is no island called ${JSON.stringify(name)} in this build`));
  return { loaders, loads, mounted };
}

const fieldsetDisabled = (host: HostElement): boolean => host.querySelector(".hmf-island-controls")?.hasAttribute("disabled") ?? false;

describe("hydration state machine", () => {
  it("moves static → armed → loading → live or failed, and ignores events out of turn", () => {
    expect(nextState("static", "arm")).toBe("armed");
    expect(nextState("armed", "trigger")).toBe("loading");
    expect(nextState("loading", "loaded")).toBe("live");
    expect(nextState("loading", "error")).toBe("failed");
    expect(nextState("static", "trigger")).toBe("static");
    expect(nextState("armed", "loaded")).toBe("armed");
    expect(nextState("live", "trigger")).toBe("live");
    expect(nextState("failed", "trigger")).toBe("failed");
  });
});

describe("arming an island", () => {
  it("enables the controls and downloads nothing until the reader reaches for it", async () => {
    const page = islandPage([{ island: "three-answers", props: {} }]);
    const { loaders, loads, mounted } = recordingLoaders();
    const host = page.host();
    expect(hydrationState(host)).toBe("static");
    expect(fieldsetDisabled(host)).toBe(true);
    armIsland(host, loaders, page.env);
    expect(hydrationState(host)).toBe("armed");
    expect(fieldsetDisabled(host)).toBe(false);
    expect(loads).toEqual([]);
    page.fire(host.querySelector("select") as HostElement, "focusin");
    expect(hydrationState(host)).toBe("loading");
    page.fire(host, "pointerover");
    await Promise.resolve();
    await Promise.resolve();
    expect(loads).toEqual(["three-answers"]);
    expect(mounted).toEqual([host]);
    expect(hydrationState(host)).toBe("live");
  });

  it.each(["pointerover", "pointerdown", "focusin", "touchstart", "keydown"])("loads on %s", async (type) => {
    const page = islandPage([{ island: "three-answers", props: {} }]);
    const { loaders, loads } = recordingLoaders();
    armIsland(page.host(), loaders, page.env);
    page.fire(page.host(), type);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(loads).toEqual(["three-answers"]);
  });

  it("arms once even when connected twice", async () => {
    const page = islandPage([{ island: "three-answers", props: {} }]);
    const { loaders, loads } = recordingLoaders();
    armIsland(page.host(), loaders, page.env);
    const second = armIsland(page.host(), loaders, page.env);
    page.fire(page.host(), "keydown");
    await second.trigger();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(loads).toEqual(["three-answers"]);
  });

  it("loads at once when the URL holds state for this island, and only for it", async () => {
    const page = islandPage([{ island: "three-answers", props: {}, id: "answers" }, { island: "formula-explorer", props: {} }], "?answers.s=2048");
    const { loaders, loads } = recordingLoaders();
    armIsland(page.host(0), loaders, page.env);
    armIsland(page.host(1), loaders, page.env);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(loads).toEqual(["three-answers"]);
    expect(hydrationState(page.host(1))).toBe("armed");
  });

  it("says so in the island, and disables its controls again, when the chunk cannot load", async () => {
    const page = islandPage([{ island: "three-answers", props: {} }]);
    const { loaders } = recordingLoaders(true);
    const host = page.host();
    await armIsland(host, loaders, page.env).trigger();
    expect(hydrationState(host)).toBe("failed");
    expect(fieldsetDisabled(host)).toBe(true);
    expect(page.text(host, ".hmf-island-message")).toBe("The live version of this island could not start (network down); the numbers shown are for the inputs above.");
  });

  it("fails cleanly for an island this build does not have", async () => {
    const page = islandPage([{ island: "three-answers", props: {} }]);
    const host = page.host();
    host.setAttribute("data-island", "__proto__");
    await armIsland(host, recordingLoaders().loaders, page.env).trigger();
    expect(hydrationState(host)).toBe("failed");
    expect(page.text(host, ".hmf-island-message")).toContain('there is no island called "__proto__" in this build');
  });
});
