import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main";
import { configFixtures, fixture } from "../fixtures/load";

function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = run(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { status, out: out.join("\n"), err: err.join("\n") };
}

const here = (file: string) => join(import.meta.dirname, "..", "fixtures", "configs", file);

describe("CLI", () => {
  it("answers for every real config, as text and as JSON", () => {
    for (const { file } of configFixtures()) {
      const text = cli(here(file), "--context", "8k");
      expect(text.status, `${file}: ${text.err}`).toBe(0);
      expect(text.out).toMatch(/FLOPs per generated token at S = 8,192/);
      const json = cli(here(file), "--json");
      expect(json.status).toBe(0);
      JSON.parse(json.out);
    }
  });

  it("--json has the documented shape with exact decimal strings", () => {
    const { status, out } = cli("llama-2-7b", "--context", "4096", "--json", "--batch", "8");
    expect(status).toBe(0);
    const report = JSON.parse(out);
    expect(report.context).toBe(4096);
    expect(report.params.total).toBe("6738415616");
    // One token at S = 4096: 2 FLOPs per multiplied weight + 4·L·S·d (hand arithmetic).
    const d = 4096n, L = 32n;
    expect(report.flops.decode.total).toBe(String(2n * (L * (4n * d * d + 3n * d * 11008n) + 32000n * d) + 4n * L * 4096n * d));
    expect(Object.keys(report.flops)).toEqual(["decode", "decodeNoCache", "prefill", "train", "trainRecompute"]);
    expect(report.memory.kvCacheBytes).toBe(String(8n * 4096n * 2n * L * d * 2n));
    expect(Object.keys(report.memory)).toContain("weightsBytes");
  });

  it("names the recurrent state of a hybrid model, and leaves the line out for others", () => {
    // Falcon-H1-Tiny: 24 layers × (24 heads × 32 × 64 + 896 channels × 3 conv taps) values, bf16.
    // = 24 × (49,152 + 2,688) = 1,244,160 values = 2,488,320 B.
    expect(cli("falcon-h1-tiny-90m").out).toMatch(/recurrent state per sequence \(any length\)\s+2,488,320 B/);
    expect(cli("gpt2").out).not.toContain("recurrent state");
  });

  it("MiMo's multi-token-prediction module is shown apart from the total", () => {
    const json = JSON.parse(cli(here("mimo-7b.json"), "--json").out);
    // Two MTP modules (num_nextn_predict_layers 2), each a Qwen2-style layer (attention with q/k/v biases, 2 norms,
    // SwiGLU 11008) + 3 norms + input_proj 2d → d.
    const d = 4096n, kv = 1024n;
    const layer = 2n * d * d + d + 2n * (d * kv + kv) + 2n * d + 3n * d * 11008n;
    expect(json.params.multiTokenPrediction).toBe(String(2n * (layer + 3n * d + 2n * d * d)));
    expect(cli(here("mimo-7b.json")).out).toContain("multi-token prediction (apart, not in decode)");
  });

  it("the plain-text table groups digits", () => {
    expect(cli("gpt2", "--context", "1024").out).toContain("124,439,808");
  });

  it.each([
    [["nope"], /neither a preset/],
    [["llama-2-7b", "--context", "-3"], /--context expects a whole number/],
    [["llama-2-7b", "--context", "0"], /--context must be a whole number from 1/],
    [["llama-2-7b", "--dtype", "fp7"], /--dtype must be one of/],
    [["llama-2-7b", "--frobnicate"], /unknown option "--frobnicate"/],
    [["missing/config.json"], /no such file/],
    [[], /give a preset id or a config.json path/],
  ])("bad input %j exits 2 with one line", (argv, message) => {
    const result = cli(...argv);
    expect(result.status).toBe(2);
    expect(result.err).toMatch(message);
    expect(result.err.split("\n")).toHaveLength(1);
    expect(result.err).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it("names the field of a bad config.json, and its file", () => {
    const dir = mkdtempSync(join(tmpdir(), "hmf-"));
    const path = join(dir, "config.json");
    writeFileSync(path, JSON.stringify({ ...fixture("configs/llama-2-7b-hf.json"), num_key_value_heads: 5 }));
    const result = cli(path);
    expect(result.status).toBe(2);
    expect(result.err).toContain(path);
    expect(result.err).toContain("num_key_value_heads");
    writeFileSync(path, "{ \"model_type\": ");
    expect(cli(path).err).toMatch(/not valid JSON/);
    writeFileSync(path, " ".repeat(1_000_001));
    expect(cli(path).err).toMatch(/at most 1,000,000 bytes/);
  });

  it("--help documents every option", () => {
    const { status, out } = cli("--help");
    expect(status).toBe(0);
    for (const option of ["--context", "--batch", "--dtype", "--elementwise", "--json", "--list"]) expect(out).toContain(option);
  });
});

describe("CLI output is safe for a terminal", () => {
  it("names at most 40 unknown keys and counts the rest", () => {
    const dir = mkdtempSync(join(tmpdir(), "hmf-"));
    const path = join(dir, "config.json");
    const extra = Object.fromEntries(Array.from({ length: 45 }, (_, i) => [`extra_${String(i).padStart(2, "0")}`, i]));
    writeFileSync(path, JSON.stringify({ ...fixture("configs/llama-2-7b-hf.json"), ...extra }));
    const { status, out } = cli(path);
    expect(status).toBe(0);
    const note = out.split("\n").find((line) => line.startsWith("note: keys not used by the count:"));
    expect(note).toContain("extra_39, and 5 more");
    expect(note).not.toContain("extra_40");
  });

  it("escapes control, C1 and bidi characters in arguments it quotes", () => {
    const { status, err } = cli("\u009b2J\u202e\u001b[31m");
    expect(status).toBe(2);
    expect(err).toContain('"\\u009b2J\\u202e\\u001b[31m" is neither a preset');
    expect(err).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
  });
});

describe("CLI as a process", () => {
  it("exits 2 with one line and no stack trace on bad input, 0 on good", async () => {
    const { spawnSync } = await import("node:child_process");
    const tsx = join(import.meta.dirname, "..", "..", "node_modules", ".bin", "tsx");
    const main = join(import.meta.dirname, "..", "..", "src", "cli", "main.ts");
    const bad = spawnSync(tsx, [main, "llama-2-7b", "--context", "abc"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    const good = spawnSync(tsx, [main, "mixtral-8x7b", "--json"], { encoding: "utf8" });
    expect(good.status).toBe(0);
    expect(JSON.parse(good.stdout).params.active).toBe("12879925248");
  });
});
