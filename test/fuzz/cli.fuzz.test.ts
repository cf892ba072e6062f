import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixture } from "../fixtures/load";

/**
 * Hostile config files through the real CLI process (tsx src/cli/main.ts):
 * whatever the file holds, the CLI exits 0 with a report or 2 with one line
 * naming the problem, never with a stack trace, and nothing from the file
 * reaches the terminal raw (no ESC, CR, C1 controls or bidi overrides).
 */
const ROOT = join(import.meta.dirname, "..", "..");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const MAIN = join(ROOT, "src", "cli", "main.ts");
const dir = mkdtempSync(join(tmpdir(), "hmf-cli-fuzz-"));

/** Raw characters that would act on a terminal; \n separates lines and is allowed. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const llama = fixture<Record<string, unknown>>("configs/llama-2-7b-hf.json");
const ESCAPES = "\u001b[31mred\u001b[0m\r\u009b2J\u202e<script>alert(1)</script>\nnote: forged";

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

function cli(args: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(TSX, [MAIN, ...args], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      resolve({ status, stdout, stderr });
    });
  });
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const padded = (text: string, bytes: number) => `${text}${" ".repeat(bytes - Buffer.byteLength(text))}`;

interface Payload {
  name: string;
  /** The file (or path) the CLI is given, and extra arguments. */
  args: () => string[];
  status: 0 | 2;
  /** For exit 2: the one stderr line must match. For exit 0: stdout must match. */
  expected: RegExp;
}

const PAYLOADS: Payload[] = [
  { name: "1,000,001 bytes", args: () => [file("over.json", padded(JSON.stringify(llama), 1_000_001))], status: 2, expected: /is 1,000,001 bytes; a config\.json may be at most 1,000,000 bytes/ },
  { name: "exactly 1,000,000 bytes", args: () => [file("limit.json", padded(JSON.stringify(llama), 1_000_000))], status: 0, expected: /6,738,415,616/ },
  { name: "a field nested 10,000 deep", args: () => [file("deep-field.json", JSON.stringify(llama).replace('"hidden_size":4096', `"hidden_size":${"[".repeat(10_000)}${"]".repeat(10_000)}`))], status: 2, expected: /hidden_size: expected an integer, got a list/ },
  { name: "the config nested 100,000 deep", args: () => [file("deep-config.json", `${"[".repeat(100_000)}${JSON.stringify(llama)}${"]".repeat(100_000)}`)], status: 2, expected: /config: expected a JSON object, got a list/ },
  { name: "escapes in the model name", args: () => [file("name.json", JSON.stringify({ ...llama, _name_or_path: ESCAPES }))], status: 0, expected: /^\\u001b\[31mred\\u001b\[0m\\u000d\\u009b2J\\u202e<script>alert\(1\)<\/script>\\u000anote: forged {2}\(/ },
  { name: "escapes in the model name, --json", args: () => [file("name-json.json", JSON.stringify({ ...llama, _name_or_path: ESCAPES })), "--json"], status: 0, expected: /"name": "\\u001b\[31mred/ },
  { name: "escapes in an unknown key", args: () => [file("key.json", JSON.stringify({ ...llama, [ESCAPES]: 1 }))], status: 0, expected: /note: keys not used by the count: "\\u001b\[31mred/ },
  { name: "escapes in hidden_act", args: () => [file("act.json", JSON.stringify({ ...llama, hidden_act: ESCAPES }))], status: 2, expected: /hidden_act: unknown activation "\\u001b\[31mred/ },
  { name: "escapes in model_type", args: () => [file("type.json", JSON.stringify({ ...llama, model_type: ESCAPES }))], status: 2, expected: /model_type: unsupported model_type "\\u001b\[31mred/ },
  { name: "escape bytes in invalid JSON", args: () => [file("broken.json", `{"model_type": \u001b[31m"llama"\r}`)], status: 2, expected: /config: is not valid JSON \(.*\\u001b/ },
  { name: "escapes in the file name", args: () => [file(`cfg${"\u001b[31m\r"}.json`, JSON.stringify({ ...llama, hidden_size: 0 }))], status: 2, expected: /cfg\\u001b\[31m\\r\.json": hidden_size: must be at least 1, got 0/ },
  { name: "10^15 layers", args: () => [file("layers.json", JSON.stringify({ ...llama, num_hidden_layers: 1e15 }))], status: 2, expected: /num_hidden_layers: 1000000000000000 is above 10,000, the largest layer count the counts accept/ },
  { name: "__proto__ payload", args: () => [file("proto.json", `{"__proto__": {"polluted": true, "hidden_size": 1}, ${JSON.stringify(llama).slice(1)}`)], status: 0, expected: /6,738,415,616/ },
  { name: "binary garbage", args: () => [file("garbage.json", Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)))], status: 2, expected: /config: is not valid JSON/ },
  { name: "an empty file", args: () => [file("empty.json", "")], status: 2, expected: /config: is not valid JSON/ },
  { name: "a directory", args: () => { mkdirSync(join(dir, "dir.json"), { recursive: true }); return [join(dir, "dir.json")]; }, status: 2, expected: /dir\.json" is not a file/ },
];

const outcomes: Array<{ payload: string; status: number; line: string }> = [];

describe.concurrent(`the CLI on ${PAYLOADS.length} hostile files`, () => {
  for (const payload of PAYLOADS) {
    it(`${payload.name}: exit ${payload.status}, ${payload.status === 2 ? "one clean line" : "a clean report"}`, async () => {
      const args = payload.args();
      const run = await cli(args);
      const line = payload.status === 2 ? run.stderr.trimEnd() : run.stdout.split("\n")[0] ?? "";
      outcomes.push({ payload: payload.name, status: run.status, line: line.length > 200 ? `${line.slice(0, 200)}…` : line });
      expect(run.status, run.stderr).toBe(payload.status);
      expect(RAW_CONTROL.test(run.stdout), "raw control character on stdout").toBe(false);
      expect(RAW_CONTROL.test(run.stderr), "raw control character on stderr").toBe(false);
      expect(run.stderr).not.toMatch(/\n\s+at |internal error/);
      if (payload.status === 2) {
        expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
        expect(run.stderr).toMatch(/^error: /);
        expect(run.stderr).toMatch(payload.expected);
        expect(run.stdout).toBe("");
      } else {
        expect(run.stdout).toMatch(payload.expected);
        if (args.includes("--json")) {
          // Escaped for the terminal, the JSON still parses to the config's exact text.
          expect(JSON.parse(run.stdout).model.name).toBe(ESCAPES);
        }
      }
    });
  }
});

afterAll(() => {
  const out = join(ROOT, "test-output", "fuzz");
  mkdirSync(out, { recursive: true });
  outcomes.sort((a, b) => a.payload.localeCompare(b.payload));
  writeFileSync(join(out, "cli.json"), `${JSON.stringify({ payloads: outcomes.length, outcomes }, null, 2)}\n`);
});
