import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("notebooks/data", () => {
  it("holds the published Mixtral config.json byte for byte, as the test fixtures have it", () => {
    expect(readFileSync("notebooks/data/mixtral-8x7b-v0.1.json", "utf8")).toBe(readFileSync("test/fixtures/configs/mixtral-8x7b-v0.1.json", "utf8"));
  });
});
