import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  BINARY_PREFIXES,
  SI_PREFIXES,
  exactRatio,
  formatDatasheet,
  formatDuration,
  formatEnergy,
  formatFloat,
  formatMoney,
  formatPercent,
  formatRatio,
  formatSI,
  formatScientific,
  formatScientificLatex,
  formatScientificUnicode,
  formatSignificant,
  formatUnit,
  formatWattHours,
  groupDigits,
  numberToWords,
} from "../../src/core/format";

/** 2^53, written out so the tests do not depend on Number arithmetic. */
const TWO_53 = 9007199254740992n;

describe("groupDigits", () => {
  it("groups bigints in threes", () => {
    expect(groupDigits(1731304652800000n)).toBe("1,731,304,652,800,000");
    expect(groupDigits(124439808n)).toBe("124,439,808");
    expect(groupDigits(0n)).toBe("0");
    expect(groupDigits(999n)).toBe("999");
    expect(groupDigits(1000n)).toBe("1,000");
    expect(groupDigits(100000n)).toBe("100,000");
    expect(groupDigits(-1234567n)).toBe("-1,234,567");
    expect(groupDigits(10n ** 30n)).toBe("1,000,000,000,000,000,000,000,000,000,000");
  });

  it("takes other separators", () => {
    expect(groupDigits(1234567n, " ")).toBe("1 234 567");
    expect(groupDigits(1234567n, "\u202f")).toBe("1\u202f234\u202f567");
    expect(groupDigits(1234567n, "")).toBe("1234567");
    // A separator with "$" must be inserted literally (no regex replacement patterns).
    expect(groupDigits(1234567n, "$&")).toBe("1$&234$&567");
  });

  it("groups safe-integer numbers and the integer part of floats", () => {
    expect(groupDigits(124439808)).toBe("124,439,808");
    expect(groupDigits(-1234)).toBe("-1,234");
    expect(groupDigits(-0)).toBe("0");
    expect(groupDigits(Number.MAX_SAFE_INTEGER)).toBe("9,007,199,254,740,991");
    expect(groupDigits(1234.5)).toBe("1,234.5");
    expect(groupDigits(-1234567.25)).toBe("-1,234,567.25");
    expect(groupDigits(0.5)).toBe("0.5");
    expect(groupDigits(1.5e-7)).toBe("0.00000015");
    expect(groupDigits(-2e-9)).toBe("-0.000000002");
  });

  it("refuses numbers whose digits are not exact, and non-finite numbers", () => {
    expect(() => groupDigits(2 ** 53)).toThrow(RangeError);
    expect(() => groupDigits(1e21)).toThrow(/bigint or a string/);
    expect(() => groupDigits(Number.NaN)).toThrow(RangeError);
    expect(() => groupDigits(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it("groups decimal strings as written", () => {
    expect(groupDigits("25600000000000000")).toBe("25,600,000,000,000,000");
    expect(groupDigits("-1234.5678")).toBe("-1,234.5678");
    expect(groupDigits("12345.00")).toBe("12,345.00");
    expect(() => groupDigits("1e11")).toThrow(RangeError);
    expect(() => groupDigits("12a")).toThrow(RangeError);
    expect(() => groupDigits("")).toThrow(RangeError);
  });

  it("round-trips: removing the separators gives String(n), beyond 2^53 too", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), (n) => {
        const g = groupDigits(n);
        expect(g.split(",").join("")).toBe(String(n));
        // Every group after the first has exactly three digits.
        const groups = g.replace(/^-/, "").split(",");
        expect(groups[0]!.length).toBeGreaterThanOrEqual(1);
        expect(groups[0]!.length).toBeLessThanOrEqual(3);
        for (const group of groups.slice(1)) expect(group).toMatch(/^\d{3}$/);
      }),
    );
    fc.assert(
      fc.property(fc.bigInt({ min: TWO_53, max: 10n ** 60n }), (n) => {
        expect(groupDigits(n, "_").split("_").join("")).toBe(String(n));
      }),
    );
  });
});

describe("formatSI", () => {
  it("formats counts with decimal prefixes and 3 significant digits", () => {
    expect(formatSI(1731304652800000n)).toBe("1.73 P");
    expect(formatSI(25600000000000000n, { unit: "FLOP" })).toBe("25.6 PFLOP");
    expect(formatSI(6738415616n)).toBe("6.74 G");
    expect(formatSI(124439808n)).toBe("124 M");
    expect(formatSI(1000n)).toBe("1.00 k");
    expect(formatSI(1234n)).toBe("1.23 k");
    expect(formatSI(1235n)).toBe("1.24 k"); // half up
    expect(formatSI(10n ** 30n)).toBe("1.00 Q");
    expect(formatSI(2n * 10n ** 27n, { unit: "FLOP" })).toBe("2.00 RFLOP");
  });

  it("rolls over to the next prefix when rounding reaches 1000", () => {
    expect(formatSI(999950000n)).toBe("1.00 G");
    expect(formatSI(999949999n)).toBe("1.00 G"); // 999.949999 M is 1000 M at 3 digits
    expect(formatSI(999499999n)).toBe("999 M");
    expect(formatSI(999500000n)).toBe("1.00 G");
    expect(formatSI(999999n)).toBe("1.00 M");
    expect(formatSI(999499n)).toBe("999 k");
    // Q is the last prefix: larger values keep it.
    expect(formatSI(10n ** 33n)).toBe("1000 Q");
    expect(formatSI(12345n * 10n ** 30n)).toBe("12345 Q");
    expect(formatSI(123456789n * 10n ** 26n)).toBe("12346 Q");
  });

  it("rounds exactly from the bigint, not through a float", () => {
    // 2^53 + 1 is not a double; at 17 digits every digit shows.
    expect(formatSI(TWO_53 + 1n, { digits: 17 })).toBe("9.0071992547409930 P");
    // A tie far below float precision: 1.0000000000000000005 E at 19 digits rounds up.
    expect(formatSI(10n ** 18n + 5n, { digits: 18 })).toBe("1.00000000000000001 E");
    expect(formatSI(10n ** 18n + 4n, { digits: 18 })).toBe("1.00000000000000000 E");
  });

  it("honours digits", () => {
    expect(formatSI(1731304652800000n, { digits: 1 })).toBe("2 P");
    expect(formatSI(1731304652800000n, { digits: 5 })).toBe("1.7313 P");
    expect(formatSI(124439808n, { digits: 2 })).toBe("124 M"); // integer digits are kept
    expect(formatSI(12443980n, { digits: 2 })).toBe("12 M");
    expect(formatSI(999600n, { digits: 2 })).toBe("1.0 M");
    expect(() => formatSI(1n, { digits: 0 })).toThrow(RangeError);
    expect(() => formatSI(1n, { digits: 2.5 })).toThrow(RangeError);
  });

  it("prints values below 1000 plainly", () => {
    expect(formatSI(0n)).toBe("0");
    expect(formatSI(7n)).toBe("7");
    expect(formatSI(999n)).toBe("999");
    expect(formatSI(512n, { unit: "FLOP" })).toBe("512 FLOP");
    expect(formatSI(-999n)).toBe("-999");
    expect(formatSI(42)).toBe("42");
    expect(formatSI(2.5, { unit: "s" })).toBe("2.50 s");
    expect(formatSI(0.001234, { unit: "J" })).toBe("0.00123 J");
  });

  it("formats numbers and negatives", () => {
    expect(formatSI(1500)).toBe("1.50 k");
    expect(formatSI(-1500)).toBe("-1.50 k");
    expect(formatSI(-1731304652800000n)).toBe("-1.73 P");
    expect(formatSI(2.56e16, { unit: "FLOP" })).toBe("25.6 PFLOP");
    expect(formatSI(1234.5)).toBe("1.23 k");
    expect(formatSI(999.96)).toBe("1.00 k"); // rounds up past 1000
    expect(formatSI(-0)).toBe("0");
    expect(() => formatSI(Number.NaN)).toThrow(RangeError);
    expect(() => formatSI(Number.NEGATIVE_INFINITY)).toThrow(RangeError);
  });

  it("uses powers of 1024 with binary prefixes", () => {
    expect(formatSI(1024n, { binary: true })).toBe("1.00 Ki");
    expect(formatSI(1023n, { binary: true, unit: "B" })).toBe("1023 B");
    expect(formatSI(1536n * 1024n * 1024n, { binary: true, unit: "B" })).toBe("1.50 GiB");
    expect(formatSI(16n * 1024n ** 3n, { binary: true, unit: "B" })).toBe("16.0 GiB");
    expect(formatSI(1024n ** 6n, { binary: true })).toBe("1.00 Ei");
    expect(formatSI(1024n ** 8n, { binary: true })).toBe("1.00 Yi");
    // Integer digits of the mantissa are kept: 1023 KiB, never "1020 KiB".
    expect(formatSI(1000n * 1024n, { binary: true, unit: "B" })).toBe("1000 KiB");
    expect(formatSI(1023n * 1024n, { binary: true, unit: "B" })).toBe("1023 KiB");
    expect(formatSI(1023n * 1024n + 511n, { binary: true, unit: "B" })).toBe("1023 KiB");
    // 1 048 575 B = 1023.999 KiB rounds to 1024 KiB, which is 1.00 MiB.
    expect(formatSI(1048575n, { binary: true, unit: "B" })).toBe("1.00 MiB");
    expect(formatSI(1023n * 1024n + 512n, { binary: true, unit: "B" })).toBe("1.00 MiB");
    expect(formatSI(1023.5, { binary: true })).toBe("1.00 Ki");
    expect(formatSI(1023.25, { binary: true })).toBe("1023");
  });

  it("lists the prefixes", () => {
    expect(SI_PREFIXES.join(" ")).toBe(" k M G T P E Z Y R Q");
    expect(BINARY_PREFIXES.join(" ")).toBe(" Ki Mi Gi Ti Pi Ei Zi Yi");
  });
});

describe("formatScientific", () => {
  it("writes plain text, LaTeX and Unicode", () => {
    expect(formatScientific(1731304652800000n)).toBe("1.73×10^15");
    expect(formatScientific(25600000000000000n)).toBe("2.56×10^16");
    expect(formatScientificLatex(1731304652800000n)).toBe("1.73 \\times 10^{15}");
    expect(formatScientificLatex(25600000000000000n)).toBe("2.56 \\times 10^{16}");
    expect(formatScientificUnicode(1731304652800000n)).toBe("1.73×10¹⁵");
    expect(formatScientificUnicode(25600000000000000n)).toBe("2.56×10¹⁶");
    expect(formatScientificUnicode(10n ** 90n)).toBe("1.00×10⁹⁰");
    expect(formatScientificUnicode(1234567890n)).toBe("1.23×10⁹");
  });

  it("rounds half up with carry on the exact digits", () => {
    expect(formatScientific(9995000000000000n)).toBe("1.00×10^16");
    expect(formatScientific(9994999999999999n)).toBe("9.99×10^15");
    expect(formatScientific(1235n)).toBe("1.24×10^3");
    expect(formatScientific(1234n)).toBe("1.23×10^3");
    expect(formatScientific(999n, 2)).toBe("1.0×10^3");
    // 2^53 + 1 cannot go through a double: at 16 digits the last is 3 (…0993), not 2.
    expect(formatScientific(TWO_53 + 1n, 16)).toBe("9.007199254740993×10^15");
  });

  it("handles digits, small values, negatives and zero", () => {
    expect(formatScientific(1731304652800000n, 1)).toBe("2×10^15");
    expect(formatScientific(1731304652800000n, 6)).toBe("1.73130×10^15");
    expect(formatScientific(7n)).toBe("7.00×10^0");
    expect(formatScientific(-1731304652800000n)).toBe("-1.73×10^15");
    expect(formatScientificLatex(-1731304652800000n)).toBe("-1.73 \\times 10^{15}");
    expect(formatScientific(1.5e-7)).toBe("1.50×10^-7");
    expect(formatScientificLatex(1.5e-7)).toBe("1.50 \\times 10^{-7}");
    expect(formatScientificUnicode(1.5e-7)).toBe("1.50×10⁻⁷");
    expect(formatScientific(2.56e16)).toBe("2.56×10^16");
    expect(formatScientific(0n)).toBe("0");
    expect(formatScientificLatex(0)).toBe("0");
    expect(formatScientificUnicode(0n)).toBe("0");
    expect(() => formatScientific(1n, 0)).toThrow(RangeError);
    expect(() => formatScientific(Number.NaN)).toThrow(RangeError);
  });

  it("always has a mantissa in [1, 10) and the right exponent", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 80n }),
        fc.integer({ min: 1, max: 20 }),
        (n, digits) => {
          const text = formatScientific(n, digits);
          const m = /^(\d)(?:\.(\d+))?×10\^(\d+)$/.exec(text);
          expect(m).not.toBeNull();
          const mantissaDigits = m![1]! + (m![2] ?? "");
          expect(mantissaDigits.length).toBe(digits);
          const mant = Number(`${m![1]}.${m![2] ?? "0"}`);
          expect(mant).toBeGreaterThanOrEqual(1);
          expect(mant).toBeLessThan(10);
          // The exponent is the number of digits less one, or one more after a carry.
          const exp = Number(m![3]);
          const len = String(n).length;
          expect(exp === len - 1 || exp === len).toBe(true);
          // |rounded − n| ≤ half a unit in the last place, compared in units of 10^(exp−digits+1).
          const shift = exp - digits + 1;
          const rounded = BigInt(mantissaDigits);
          const scaledN = shift >= 0 ? n : n * 10n ** BigInt(-shift);
          const ulp = shift >= 0 ? 10n ** BigInt(shift) : 1n;
          const value = shift >= 0 ? rounded * ulp : rounded;
          const diff = value > scaledN ? value - scaledN : scaledN - value;
          expect(2n * diff <= ulp).toBe(true);
        },
      ),
    );
  });
});

describe("numberToWords", () => {
  it("writes the post's sentence", () => {
    expect(numberToWords(1731304652800000n)).toBe(
      "one quadrillion seven hundred thirty-one trillion three hundred four billion six hundred fifty-two million eight hundred thousand",
    );
  });

  it("writes small numbers", () => {
    expect(numberToWords(0n)).toBe("zero");
    expect(numberToWords(1n)).toBe("one");
    expect(numberToWords(11n)).toBe("eleven");
    expect(numberToWords(19n)).toBe("nineteen");
    expect(numberToWords(20n)).toBe("twenty");
    expect(numberToWords(21n)).toBe("twenty-one");
    expect(numberToWords(40n)).toBe("forty");
    expect(numberToWords(99n)).toBe("ninety-nine");
    expect(numberToWords(100n)).toBe("one hundred");
    expect(numberToWords(101n)).toBe("one hundred one");
    expect(numberToWords(110n)).toBe("one hundred ten");
    expect(numberToWords(115n)).toBe("one hundred fifteen");
    expect(numberToWords(999n)).toBe("nine hundred ninety-nine");
  });

  it("writes scales and skips empty groups", () => {
    expect(numberToWords(1000n)).toBe("one thousand");
    expect(numberToWords(1001n)).toBe("one thousand one");
    expect(numberToWords(1000000n)).toBe("one million");
    expect(numberToWords(1000001n)).toBe("one million one");
    expect(numberToWords(124439808n)).toBe(
      "one hundred twenty-four million four hundred thirty-nine thousand eight hundred eight",
    );
    expect(numberToWords(6738415616n)).toBe(
      "six billion seven hundred thirty-eight million four hundred fifteen thousand six hundred sixteen",
    );
    expect(numberToWords(25600000000000000n)).toBe("twenty-five quadrillion six hundred trillion");
    expect(numberToWords(10n ** 18n)).toBe("one quintillion");
    expect(numberToWords(10n ** 21n)).toBe("one sextillion");
    expect(numberToWords(10n ** 24n)).toBe("one septillion");
    expect(numberToWords(10n ** 27n)).toBe("one octillion");
    expect(numberToWords(10n ** 30n)).toBe("one nonillion");
    expect(numberToWords(10n ** 33n)).toBe("one decillion");
    expect(numberToWords(10n ** 36n)).toBe("one undecillion");
    expect(numberToWords(10n ** 45n)).toBe("one quattuordecillion");
    expect(numberToWords(10n ** 60n)).toBe("one novemdecillion");
    expect(numberToWords(10n ** 63n)).toBe("one vigintillion");
    expect(numberToWords(10n ** 66n)).toBe("one unvigintillion");
    expect(numberToWords(2n * 10n ** 63n + 5n)).toBe("two vigintillion five");
  });

  it("writes negatives with minus", () => {
    expect(numberToWords(-1n)).toBe("minus one");
    expect(numberToWords(-1731304652800000n)).toBe(
      "minus one quadrillion seven hundred thirty-one trillion three hundred four billion six hundred fifty-two million eight hundred thousand",
    );
  });

  it("throws a RangeError naming the limit beyond it", () => {
    const largest = 10n ** 69n - 1n;
    expect(numberToWords(largest)).toMatch(/^nine hundred ninety-nine unvigintillion nine hundred ninety-nine vigintillion/);
    expect(numberToWords(-largest)).toMatch(/^minus nine hundred ninety-nine unvigintillion/);
    expect(() => numberToWords(10n ** 69n)).toThrow(RangeError);
    expect(() => numberToWords(10n ** 69n)).toThrow(/10\^69/);
    expect(() => numberToWords(-(10n ** 70n))).toThrow(/unvigintillion/);
  });

  it("is well formed and injective on samples", () => {
    const wordsOk = /^(minus )?[a-z]+([ -][a-z]+)*$/;
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 69n) + 1n, max: 10n ** 69n - 1n }), (n) => {
        const w = numberToWords(n);
        expect(w).toMatch(wordsOk);
        expect(w).not.toContain("undefined");
        expect(w).not.toContain("  ");
        expect(w.includes(" and ")).toBe(false);
        if (n !== 0n) expect(w).not.toContain("zero");
      }),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), { minLength: 2, maxLength: 50 }),
        (values) => {
          const words = values.map((v) => numberToWords(v));
          expect(new Set(words).size).toBe(values.length);
        },
      ),
    );
    // Exhaustively injective on 0 … 19 999 (every sub-thousand group shape, twice).
    const seen = new Set<string>();
    for (let i = 0n; i < 20000n; i++) seen.add(numberToWords(i));
    expect(seen.size).toBe(20000);
  });
});

describe("formatFloat, formatPercent", () => {
  it("rounds floats to significant digits", () => {
    expect(formatFloat(3.14159, 3)).toBe("3.14");
    expect(formatFloat(0.0123456, 3)).toBe("0.0123");
    expect(formatFloat(12345.6, 3)).toBe("12300");
    expect(formatFloat(12345.6, 6)).toBe("12345.6");
    expect(formatFloat(2.5)).toBe("2.50");
    expect(formatFloat(-0.5)).toBe("-0.500");
    expect(formatFloat(0)).toBe("0");
    expect(formatFloat(-0)).toBe("0");
    expect(formatFloat(9.996, 3)).toBe("10.0");
    expect(formatFloat(0.125, 2)).toBe("0.13"); // exact tie, half up
    expect(formatFloat(1e-6)).toBe("0.00000100");
    expect(formatFloat(1.5e-7)).toBe("1.50×10^-7");
    expect(formatFloat(6.02e23)).toBe("6.02×10^23");
    expect(formatFloat(1.234e20)).toBe("123000000000000000000");
  });

  it("never prints NaN or Infinity", () => {
    expect(() => formatFloat(Number.NaN)).toThrow(RangeError);
    expect(() => formatFloat(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => formatFloat(Number.NEGATIVE_INFINITY)).toThrow(/-Infinity/);
    expect(() => formatPercent(Number.NaN)).toThrow(RangeError);
    expect(() => formatFloat(1, 0)).toThrow(RangeError);
  });

  it("shows ratios as percentages", () => {
    expect(formatPercent(0.4622)).toBe("46.2%");
    expect(formatPercent(0.462)).toBe("46.2%");
    expect(formatPercent(1)).toBe("100%");
    expect(formatPercent(0.5)).toBe("50.0%");
    expect(formatPercent(0.07)).toBe("7.00%");
    expect(formatPercent(0.000123)).toBe("0.0123%");
    expect(formatPercent(0)).toBe("0%");
    expect(formatPercent(-0.25)).toBe("-25.0%");
    expect(formatPercent(0.4622, 2)).toBe("46%");
    expect(formatRatio(0.4622)).toBe("46.2%");
    expect(formatRatio(0.4622, 4)).toBe("46.22%");
  });

  it("agrees with toPrecision in the positional range", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-5, max: 1e15, noNaN: true }),
        fc.integer({ min: 1, max: 15 }),
        (x, digits) => {
          const ours = formatFloat(x, digits);
          expect(Number(ours)).toBe(Number(x.toPrecision(digits)));
        },
      ),
    );
  });
});

describe("exactRatio", () => {
  it("divides exactly and rounds half up", () => {
    expect(exactRatio(10n, 4n, 2)).toBe("2.50");
    expect(exactRatio(10n, 4n, 0)).toBe("3");
    expect(exactRatio(9n, 4n, 0)).toBe("2");
    expect(exactRatio(1n, 3n, 5)).toBe("0.33333");
    expect(exactRatio(2n, 3n, 5)).toBe("0.66667");
    expect(exactRatio(1n, 8n, 2)).toBe("0.13");
    expect(exactRatio(1n, 1000n, 2)).toBe("0.00");
    expect(exactRatio(0n, 7n, 3)).toBe("0.000");
    expect(exactRatio(5n, 1n, 3)).toBe("5.000");
    // A per-token average of a count beyond 2^53: 1 731 304 652 800 000 / 3 = 577 101 550 933 333.33…
    expect(exactRatio(1731304652800000n, 3n, 2)).toBe("577101550933333.33");
    expect(exactRatio(10n ** 30n + 1n, 2n, 1)).toBe("500000000000000000000000000000.5");
  });

  it("rounds negatives half away from zero and drops a zero's sign", () => {
    expect(exactRatio(-10n, 4n, 0)).toBe("-3");
    expect(exactRatio(-10n, 4n, 2)).toBe("-2.50");
    expect(exactRatio(-1n, 1000n, 2)).toBe("0.00");
    expect(exactRatio(-5n, 1000n, 2)).toBe("-0.01");
  });

  it("refuses non-positive denominators and bad decimals", () => {
    expect(() => exactRatio(1n, 0n, 2)).toThrow(RangeError);
    expect(() => exactRatio(1n, -2n, 2)).toThrow(RangeError);
    expect(() => exactRatio(1n, 2n, -1)).toThrow(RangeError);
    expect(() => exactRatio(1n, 2n, 1.5)).toThrow(RangeError);
  });

  it("exactRatio(a*b, b, 0) === String(a)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }),
        fc.bigInt({ min: 1n, max: 10n ** 20n }),
        (a, b) => {
          expect(exactRatio(a * b, b, 0)).toBe(String(a));
        },
      ),
    );
  });

  it("agrees with scaled integer division", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.integer({ min: 0, max: 8 }),
        (a, b, d) => {
          const text = exactRatio(a, b, d);
          const scaled = BigInt(text.replace(".", ""));
          // |scaled·b − a·10^d| ≤ b/2
          const err = scaled * b - a * 10n ** BigInt(d);
          expect(2n * (err < 0n ? -err : err) <= b).toBe(true);
          expect(text.includes(".") ? text.split(".")[1]!.length : 0).toBe(d);
        },
      ),
    );
  });
});

describe("formatSignificant", () => {
  it("rounds to significant digits and groups from 1,000 on", () => {
    expect([174.45, 35_274, 25_171.3, 0.042134, 999.5, 1234.5].map((x) => formatSignificant(x))).toEqual([
      "174", "35,300", "25,200", "0.0421", "1,000", "1,230",
    ]);
  });
  it("prints zero as 0, keeps the sign, and takes bigints", () => {
    expect(formatSignificant(0)).toBe("0");
    expect(formatSignificant(-0)).toBe("0");
    expect(formatSignificant(-35_274)).toBe("-35,300");
    expect(formatSignificant(1731304652800000n, 4)).toBe("1,731,000,000,000,000");
  });
  it("rounds the exact value, not a float's product", () => {
    // 2.675 is stored as 2.67499999999999982236431605997495353221893310546875.
    expect(formatSignificant(2.675)).toBe("2.67");
    expect(formatSignificant(32_911.4, 1)).toBe("30,000");
  });
  it("switches to scientific with a superscript beyond 10^21 and below 10^-6", () => {
    expect(formatSignificant(2.5e22)).toBe("2.50×10²²");
    expect(formatSignificant(1.5e-7)).toBe("1.50×10⁻⁷");
  });
});

describe("formatDuration", () => {
  it("picks the unit that keeps three digits whole", () => {
    expect([5.7322e-3, 0.11612, 812.4e-6, 1.2, 4.2e-9].map((x) => formatDuration(x))).toEqual(["5.73 ms", "116 ms", "812 µs", "1.20 s", "4.20 ns"]);
  });
  it("writes zero as 0 s (the CLI did; the island wrote 0 ns)", () => {
    expect(formatDuration(0)).toBe("0 s");
  });
  it("groups seconds from 1,000 on and goes no higher (the island grouped; the CLI wrote 1230 s)", () => {
    expect(formatDuration(1234.5)).toBe("1,230 s");
    expect(formatDuration(86_400)).toBe("86,400 s");
  });
  it("chooses the unit after rounding: never 1000 ms or 1000 µs", () => {
    expect(formatDuration(0.99996)).toBe("1.00 s");
    expect(formatDuration(999.96e-6)).toBe("1.00 ms");
  });
  it("keeps decimals of ns below a nanosecond", () => {
    expect(formatDuration(4.2e-12)).toBe("0.00420 ns");
  });
});

describe("formatEnergy, formatWattHours", () => {
  it("picks the prefix that keeps three digits whole", () => {
    expect([4.0125, 0.019845, 0.000812, 1360, 2.5e6, 0.1].map((x) => formatEnergy(x))).toEqual([
      "4.01 J", "19.8 mJ", "812 µJ", "1.36 kJ", "2.50 MJ", "100 mJ",
    ]);
    expect(formatEnergy(0)).toBe("0 J");
    expect(formatEnergy(8e-10)).toBe("0.800 nJ");
  });
  it("writes watt-hours as plain decimals", () => {
    expect(formatWattHours(0.3401)).toBe("0.340 Wh");
    expect(formatWattHours(1234.5)).toBe("1,230 Wh");
  });
});

describe("formatMoney", () => {
  it("writes dollars to three significant digits, grouped", () => {
    expect([3.1845, 0.0157, 1234.5, 2, 2.5, 2.001].map((x) => formatMoney(x))).toEqual(["$3.18", "$0.0157", "$1,230", "$2", "$2.50", "$2"]);
    expect(formatMoney(0)).toBe("$0");
    expect(formatMoney(-3.1845)).toBe("-$3.18");
  });
});

describe("formatUnit", () => {
  it("covers femto to quetta", () => {
    expect(formatUnit(3.35e12, "B/s")).toBe("3.35 TB/s");
    expect(formatUnit(1.5e-15, "J")).toBe("1.50 fJ");
    expect(formatUnit(2e31, "FLOP")).toBe("20.0 QFLOP");
  });
  it("trims zeros for axis ticks: 100 mJ and 1 J, not 100m", () => {
    expect([0.1, 1, 0.01, 10].map((x) => formatUnit(x, "J", { significant: 1, trim: true }))).toEqual(["100 mJ", "1 J", "10 mJ", "10 J"]);
    expect(formatUnit(0.5, "J", { significant: 3, trim: true })).toBe("500 mJ");
    expect(formatUnit(1.25, "J", { significant: 3, trim: true })).toBe("1.25 J");
  });
  it("refuses a prefix it does not know, naming the option", () => {
    expect(() => formatUnit(1, "s", { maxPrefix: "x" })).toThrow(/maxPrefix/);
  });
  it("refuses non-finite values", () => {
    expect(() => formatUnit(Number.NaN, "s")).toThrow(RangeError);
    expect(() => formatDuration(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("formatDatasheet, trimmed SI and percent", () => {
  it("writes datasheet figures without trailing zeros", () => {
    expect(formatDatasheet(989.5e12, "FLOP/s")).toBe("989.5 TFLOP/s");
    expect(formatDatasheet(3.35e12, "B/s")).toBe("3.35 TB/s");
    expect(formatDatasheet(80e9, "B")).toBe("80 GB");
    expect(formatDatasheet(141e9, "B")).toBe("141 GB");
    expect(formatDatasheet(900e9, "B/s")).toBe("900 GB/s");
  });
  it("trims formatSI and formatPercent only when asked", () => {
    expect(formatSI(80e9, { digits: 4, unit: "B" })).toBe("80.00 GB");
    expect(formatSI(2.5, { trim: true })).toBe("2.5");
    expect(formatPercent(0.5)).toBe("50.0%");
    expect(formatPercent(0.5, 3, { trim: true })).toBe("50%");
    expect(formatPercent(0.462, 3, { trim: true })).toBe("46.2%");
    expect(formatPercent(0.8, 3, { trim: true })).toBe("80%");
  });
});
