import { describe, expect, it } from "vitest";
import { numberControlHtml, presetGroups, sliderPosition, sliderValue, type NumberControl } from "../../src/islands/controls";
import { timesText, shareOf, shareBarHtml } from "../../src/islands/html";
import { wholeNumber } from "../../src/islands/inputs";
import { PRESETS } from "../../src/core/presets";
import { parse } from "./dom";

const logS: NumberControl = { key: "s", label: "S", hint: "context length", range: { min: 1, max: 10_000_000 }, slider: { kind: "log", min: 1, max: 10_000_000 }, unit: "tokens" };
const linearE: NumberControl = { key: "e", label: "E", hint: "embedding width", range: { min: 1, max: 131_072 }, slider: { kind: "linear", min: 128, max: 16_384, step: 128 } };

describe("whole numbers from text", () => {
  const range = { min: 1, max: 10_000_000 };
  it("accept plain, grouped and exponent forms that are whole", () => {
    expect(["128000", "128,000", "128_000", "128 000", " 128000 ", "1.28e5", "1.28E+5"].map((t) => wholeNumber(t, "s", range))).toEqual(Array(7).fill(128_000));
  });

  it("refuse fractions, mixed grouping, signs and junk, naming the field", () => {
    for (const text of ["1.5", "12,34", "1,000_000", "-5", "+5", "0x10", "1e-3", "Infinity", "١٢٣"]) {
      expect(() => wholeNumber(text, "s", range), text).toThrow(/^s: expected a whole number from 1 to 10,000,000, got the text /);
    }
    expect(() => wholeNumber("", "s", range)).toThrow("s: enter a whole number from 1 to 10,000,000");
    expect(() => wholeNumber("0", "s", range)).toThrow("s: expected a whole number from 1 to 10,000,000, got 0");
    expect(() => wholeNumber("9".repeat(33), "s", range)).toThrow("s: 33 characters is too long for a number");
    expect(() => wholeNumber(2 ** 60, "props.S", range)).toThrow(/^props\.S: expected a whole number from 1 to 10,000,000, got the number 1152921504606847000$/);
    expect(() => wholeNumber(true, "props.S", range)).toThrow("props.S: expected a whole number from 1 to 10,000,000, got boolean");
  });
});

describe("sliders", () => {
  it("map log positions to three significant digits and back", () => {
    // 10^(361/100) = 4073.8 → 4070; 10^(700/100) = 10^7.
    expect(sliderValue(logS, "361")).toBe(4070);
    expect(sliderValue(logS, "0")).toBe(1);
    expect(sliderValue(logS, "700")).toBe(10_000_000);
    // log10(4096) = 3.612 → 361.
    expect(sliderPosition(logS, 4096)).toBe(361);
  });

  it("clamp a value beyond the slider's reach to its end, leaving the value itself alone", () => {
    expect(sliderPosition(linearE, 65_536)).toBe(16_384);
    const html = numberControlHtml(linearE, 65_536);
    const root = parse(html);
    expect(root.querySelector("input[name=e]")?.getAttribute("value")).toBe("65536");
    expect(root.querySelector("input[name='e.slider']")?.getAttribute("value")).toBe("16384");
    expect(root.querySelector("input[name='e.slider']")?.getAttribute("aria-valuetext")).toBe("65,536");
  });

  it("label each slider with the visible label text (WCAG 2.5.3)", () => {
    const root = parse(numberControlHtml(logS, 4096));
    expect(root.querySelector("input[name='s.slider']")?.getAttribute("aria-label")).toBe("S, context length (logarithmic slider)");
    expect(root.querySelector("label")?.textContent).toBe("S context length");
  });
});

describe("presets in the select", () => {
  it("are all listed, once", () => {
    const ids = presetGroups().flatMap((group) => group.presets.map((p) => p.id));
    expect(ids.slice().sort()).toEqual(PRESETS.map((p) => p.id).sort());
  });
});

describe("ratios and shares", () => {
  it("keep three significant digits, exactly rounded", () => {
    expect(timesText(1_732_772_659_200_000n, 251_618_918_400n)).toBe("6,886×");
    // 53,053,617,078,272 / 57,450,818,437,120 = 0.92346…
    expect(timesText(53_053_617_078_272n, 57_450_818_437_120n)).toBe("0.923×");
    expect(timesText(10n, 4n)).toBe("2.50×");
    expect(timesText(1n, 3000n)).toBe("0.000333×");
    expect(timesText(0n, 5n)).toBe("0×");
  });

  it("draw a bar of the share with SVG attributes only", () => {
    expect(shareOf(1n, 4n)).toBe(0.25);
    expect(shareBarHtml(0.25)).toContain('<rect class="hmf-bar-fill" width="25.00" height="6" fill="currentColor"></rect>');
    // Without the site's CSS (Jupyter), the track is a faint band, not a full-width black bar.
    expect(shareBarHtml(0.25)).toContain('<rect class="hmf-bar-track" width="100" height="6" fill="currentColor" fill-opacity="0.12"></rect>');
    expect(shareBarHtml(2)).toContain('width="100.00"');
    expect(shareBarHtml(0.25)).not.toMatch(/style=/);
  });
});
