import type { EnergyJson, PhaseEnergyJson } from "../core/energy/json";
import { formatFloat, formatSI, groupDigits } from "../core/format";
import type { ModelReport, FlopJson } from "../core/report";
import { MATMUL_TERMS, ELEMENTWISE_TERMS, TERM_INFO, type FlopTerm } from "../core/terms";
import type { ParamBreakdown } from "../core/params";
import { oneLine } from "./terminal";

const PARAM_LABELS: Readonly<Record<keyof ParamBreakdown, string>> = {
  embedding: "token embedding",
  positions: "position weights",
  attention: "attention",
  mlp: "MLP (dense layers)",
  sharedExperts: "shared experts",
  experts: "routed experts",
  router: "router",
  norms: "norms",
  lmHead: "LM head",
};

/** The human-readable report: aligned columns, grouped digits, SI in brackets. */
export function renderReport(report: ModelReport, source: string, notes: readonly string[]): string {
  const lines: string[] = [];
  const S = groupDigits(report.context);
  lines.push(`${oneLine(report.model.name)}  (${oneLine(source)})`);
  lines.push(`context S = ${S} tokens · batch ${report.batch} · ${report.dtype} · FLOP = 2 per multiply-add`);
  lines.push("");

  lines.push(row(["Parameters", "total", "active per token"]));
  for (const key of Object.keys(PARAM_LABELS) as Array<keyof ParamBreakdown>) {
    const total = report.params.breakdown[key];
    if (total === "0") continue;
    lines.push(row([`  ${PARAM_LABELS[key]}`, groupDigits(total), groupDigits(report.params.activeBreakdown[key])]));
  }
  lines.push(row(["  total", withSI(report.params.total), withSI(report.params.active)]));
  if (report.params.multiTokenPrediction !== "0") {
    lines.push(row(["  multi-token prediction (apart, not in decode)", groupDigits(report.params.multiTokenPrediction), ""]));
  }
  lines.push("");

  const { decode, decodeNoCache, prefill, train, trainRecompute } = report.flops;
  lines.push(row([`FLOPs per generated token at S = ${S}`, "with KV cache", "no cache (recompute S)"]));
  for (const term of [...MATMUL_TERMS, ...ELEMENTWISE_TERMS] as FlopTerm[]) {
    const cached = decode.terms[term];
    const recomputed = decodeNoCache.terms[term];
    if (cached === undefined && recomputed === undefined) continue;
    lines.push(row([`  ${TERM_INFO[term].label}`, groupDigits(cached ?? "0"), groupDigits(recomputed ?? "0")]));
  }
  lines.push(row(["  total", withSI(decode.total), withSI(decodeNoCache.total)]));
  lines.push("");

  lines.push(`Prefill of ${S} tokens (causal, last logits): ${perSequence(prefill)}`);
  lines.push(`Training on ${S} tokens (forward + 2× backward): ${perSequence(train)}`);
  lines.push(`  with full activation recomputation: ${perSequence(trainRecompute)}`);
  lines.push("");

  lines.push("Memory");
  lines.push(row([`  weights (${report.dtype})`, bytes(report.memory.weightsBytes), ""]));
  lines.push(row([`  KV cache per token`, bytes(report.memory.kvCacheBytesPerToken), ""]));
  lines.push(row([`  KV cache, ${report.batch} × ${S} tokens`, bytes(report.memory.kvCacheBytes), ""]));
  if (report.memory.recurrentStateBytesPerSequence !== "0") {
    lines.push(row([`  recurrent state per sequence (any length)`, bytes(report.memory.recurrentStateBytesPerSequence), ""]));
  }
  for (const note of notes) lines.push(`note: ${oneLine(note)}`);
  return lines.join("\n");
}

/** The "Time, energy and cost per token" section: decode and prefill side by side, then every assumption. */
export function renderEnergy(energy: EnergyJson, report: ModelReport): string {
  const { decode, prefill, power } = energy;
  const S = groupDigits(report.context);
  const lines: string[] = [];
  lines.push(`Time, energy and cost per token on ${energy.gpus} × ${energy.hardware.name} (batch ${report.batch}, ${report.dtype})`);
  lines.push(row(["", `decode at S = ${S}`, `prefill of ${S}-token prompts`]));
  lines.push(row(["  step time", `${seconds(decode.stepSeconds)}, ${decode.bound}-bound`, `${seconds(prefill.stepSeconds)}, ${prefill.bound}-bound`]));
  lines.push(row(["  tokens per step", `${groupDigits(decode.tokensPerStep)} output`, `${groupDigits(prefill.tokensPerStep)} prompt`]));
  lines.push(row(["  tokens per second", rate(decode.tokensPerSecond), rate(prefill.tokensPerSecond)]));
  lines.push(row(["  energy per token", `${formatFloat(decode.joulesPerToken, 3)} J`, `${formatFloat(prefill.joulesPerToken, 3)} J`]));
  lines.push(row(["  cost per million tokens", `$${formatFloat(decode.usdPerMillionTokens, 3)}`, `$${formatFloat(prefill.usdPerMillionTokens, 3)}`]));
  lines.push(row(["  time: compute | memory | network", phaseTimes(decode), phaseTimes(prefill)]));
  if (!decode.fitsInMemory) lines.push("  warning: all weights and this KV cache do not fit in the GPUs' HBM; the times assume they do");
  lines.push(`  power charged: ${formatFloat(power.watts, 3)} W (${power.source === "measured" ? "measured" : "TDP"} ${formatFloat(power.wattsPerGpu, 3)} W per GPU)`);
  for (const [name, assumption] of Object.entries(energy.assumptions)) {
    const unit = assumption.unit === undefined ? "" : ` ${assumption.unit}`;
    lines.push(`assumption: ${name} = ${String(assumption.value)}${unit} — ${assumption.note}`);
  }
  return lines.join("\n");
}

/** Tokens per second: whole and grouped from 100 up ("32,911"), three significant digits below. */
function rate(value: number): string {
  return value >= 100 ? groupDigits(Math.round(value)) : formatFloat(value, 3);
}

function phaseTimes(phase: PhaseEnergyJson): string {
  return `${seconds(phase.computeSeconds)} | ${seconds(phase.memorySeconds)} | ${seconds(phase.communicationSeconds)}`;
}

/** A duration in the unit that keeps it readable: "7.20 ms", "996 ms", "1.20 s", "35.0 µs". */
function seconds(value: number): string {
  if (value === 0) return "0 s";
  if (value >= 1) return `${formatFloat(value, 3)} s`;
  if (value >= 1e-3) return `${formatFloat(value * 1e3, 3)} ms`;
  if (value >= 1e-6) return `${formatFloat(value * 1e6, 3)} µs`;
  return `${formatFloat(value * 1e9, 3)} ns`;
}

function perSequence(count: FlopJson): string {
  return `${withSI(count.total)} FLOPs (${formatSI(BigInt(count.perToken.split(".")[0] as string), { unit: "FLOP" })} per token)`;
}

function withSI(value: string): string {
  return `${groupDigits(value)} (${formatSI(BigInt(value))})`;
}

function bytes(value: string): string {
  return `${groupDigits(value)} B (${formatSI(BigInt(value), { unit: "B", binary: true })})`;
}

const WIDTHS = [38, 28, 34];

function row(cells: readonly string[]): string {
  return cells
    .map((cell, i) => (i === 0 ? cell.padEnd(WIDTHS[0] as number) : cell.padStart(WIDTHS[i] as number)))
    .join("")
    .trimEnd();
}
