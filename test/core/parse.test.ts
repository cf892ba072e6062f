import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { toBigInt } from "../../src/core/parse";

describe("toBigInt", () => {
  it("accepts bigints, safe integers and integer strings", () => {
    expect(toBigInt(124439808n, "n")).toBe(124439808n);
    expect(toBigInt(124439808, "n")).toBe(124439808n);
    expect(toBigInt(-3, "n")).toBe(-3n);
    expect(toBigInt(-0, "n")).toBe(0n);
    expect(toBigInt(Number.MAX_SAFE_INTEGER, "n")).toBe(9007199254740991n);
    expect(toBigInt("124439808", "n")).toBe(124439808n);
    expect(toBigInt("-42", "n")).toBe(-42n);
    expect(toBigInt("+42", "n")).toBe(42n);
    expect(toBigInt(" 7 ", "n")).toBe(7n);
    expect(toBigInt("007", "n")).toBe(7n);
    expect(toBigInt("1731304652800000000", "n")).toBe(1731304652800000000n);
  });

  it("accepts scientific strings with an integer value", () => {
    expect(toBigInt("1e11", "n")).toBe(100000000000n);
    expect(toBigInt("2.56e16", "n")).toBe(25600000000000000n);
    expect(toBigInt("1E3", "n")).toBe(1000n);
    expect(toBigInt("1e+3", "n")).toBe(1000n);
    expect(toBigInt("1.5e1", "n")).toBe(15n);
    expect(toBigInt("1200e-2", "n")).toBe(12n);
    expect(toBigInt("5.0", "n")).toBe(5n);
    expect(toBigInt("0e-99999", "n")).toBe(0n);
    expect(toBigInt("-2.5e3", "n")).toBe(-2500n);
    expect(toBigInt("1e30", "n")).toBe(1000000000000000000000000000000n);
  });

  it("rejects fractions, NaN, Infinity and unsafe numbers, naming the field", () => {
    expect(() => toBigInt(1.5, "hidden_size")).toThrow(RangeError);
    expect(() => toBigInt(1.5, "hidden_size")).toThrow(/hidden_size/);
    expect(() => toBigInt(Number.NaN, "hidden_size")).toThrow(/hidden_size/);
    expect(() => toBigInt(Number.POSITIVE_INFINITY, "vocab_size")).toThrow(/vocab_size/);
    expect(() => toBigInt("1.5", "intermediate_size")).toThrow(RangeError);
    expect(() => toBigInt("1e-3", "intermediate_size")).toThrow(/intermediate_size/);
    expect(() => toBigInt("1.25e1", "n")).toThrow(RangeError);
    expect(() => toBigInt(2 ** 53, "total_flops")).toThrow(RangeError);
    expect(() => toBigInt(2.56e16, "total_flops")).toThrow(/total_flops.*string/);
    expect(() => toBigInt("1e5000", "n")).toThrow(RangeError);
  });

  it("rejects other types and malformed strings with a TypeError naming the field", () => {
    for (const bad of [null, undefined, true, {}, [], "", "abc", "1,000", "0x10", "1e", ".5", "Infinity", "NaN"]) {
      expect(() => toBigInt(bad, "num_layers")).toThrow(TypeError);
      expect(() => toBigInt(bad, "num_layers")).toThrow(/num_layers/);
    }
  });

  it("enforces min and max", () => {
    expect(toBigInt(0, "n", { min: 0n })).toBe(0n);
    expect(() => toBigInt(-1, "num_heads", { min: 0n })).toThrow(RangeError);
    expect(() => toBigInt("-1", "num_heads", { min: 1n })).toThrow(/num_heads/);
    expect(() => toBigInt(0n, "num_heads", { min: 1n })).toThrow(/≥ 1/);
    expect(toBigInt(10, "n", { max: 10n })).toBe(10n);
    expect(() => toBigInt(11, "top_k", { max: 10n })).toThrow(/top_k.*≤ 10/);
  });

  it("round-trips decimal strings of any size", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 50n), max: 10n ** 50n }), (n) => {
        expect(toBigInt(String(n), "n")).toBe(n);
        expect(toBigInt(`${String(n)}e3`, "n")).toBe(n * 1000n);
      }),
    );
  });
});
