import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { definitionIn } from "../../src/client/island-modules";
import { ISLAND_NAMES, ISLANDS } from "../../src/islands/index";

describe("one list of islands", () => {
  it.each(ISLAND_NAMES)("%s: its key, its definition's name and its module's file name agree, so the client finds its chunk", async (name) => {
    expect(ISLANDS[name].name).toBe(name);
    expect(existsSync(join("src", "islands", `${name}.ts`))).toBe(true);
    const module = (await import(`../../src/islands/${name}.ts`)) as Record<string, unknown>;
    expect(definitionIn(module, name)).toBe(ISLANDS[name]);
  });

  it("finds no island in a module that defines none, or under another name", async () => {
    const module = (await import("../../src/islands/controls")) as Record<string, unknown>;
    expect(definitionIn(module, "controls")).toBeUndefined();
    expect(definitionIn({ energy: ISLANDS.energy }, "three-answers")).toBeUndefined();
  });
});
