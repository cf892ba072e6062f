import { describe, expect, it } from "vitest";
import { decodeBase64Url, encodeBase64Url } from "../../src/islands/base64url";

describe("base64url", () => {
  it("matches RFC 4648's test vectors (without padding, §5 alphabet)", () => {
    const vectors: Array<[string, string]> = [["", ""], ["f", "Zg"], ["fo", "Zm8"], ["foo", "Zm9v"], ["foob", "Zm9vYg"], ["fooba", "Zm9vYmE"], ["foobar", "Zm9vYmFy"]];
    for (const [text, encoded] of vectors) {
      expect(encodeBase64Url(text)).toBe(encoded);
      expect(decodeBase64Url(encoded)).toBe(text);
    }
  });

  it("encodes UTF-8: é is C3 A9, 😀 is F0 9F 98 80", () => {
    // C3 A9 → 110000 111010 1001(00) → w 6 k
    expect(encodeBase64Url("é")).toBe("w6k");
    // F0 9F 98 80 → 8J-YgA (the §5 alphabet's "-" where standard base64 has "+")
    expect(encodeBase64Url("😀")).toBe("8J-YgA");
    expect(decodeBase64Url("8J-YgA")).toBe("😀");
  });

  it("agrees with Node's own base64url on text with every kind of character", () => {
    const text = `{"name":"GPT‑4 “class” ≈ 😀 <b>&</b>","n":[1,2,3]}`;
    expect(encodeBase64Url(text)).toBe(Buffer.from(text, "utf8").toString("base64url"));
  });

  it("refuses what is not base64url or not UTF-8", () => {
    expect(() => decodeBase64Url("Zm9v=")).toThrow("contains characters outside the base64url alphabet");
    expect(() => decodeBase64Url("Zm9v+")).toThrow("contains characters outside the base64url alphabet");
    expect(() => decodeBase64Url("Zm9vY")).toThrow("is truncated");
    // "Zh" leaves a stray 1 bit after the byte "f" ("Zg" is the only spelling).
    expect(() => decodeBase64Url("Zh")).toThrow("has stray bits after its last byte");
    // 0xFF is never UTF-8; C0 80 is an overlong NUL; ED A0 80 is a surrogate.
    expect(() => decodeBase64Url(Buffer.from([0xff]).toString("base64url"))).toThrow("is not UTF-8");
    expect(() => decodeBase64Url(Buffer.from([0xc0, 0x80]).toString("base64url"))).toThrow("is not UTF-8");
    expect(() => decodeBase64Url(Buffer.from([0xed, 0xa0, 0x80]).toString("base64url"))).toThrow("is not UTF-8");
    expect(() => decodeBase64Url(Buffer.from([0xe2, 0x82]).toString("base64url"))).toThrow("a character is cut off");
  });
});
