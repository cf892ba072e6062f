import type { EnergyJson, PhaseEnergyJson } from "../core/energy/json";
import { formatDuration, formatEnergy, formatMoney, formatPercent, formatSI, formatSignificant, groupDigits } from "../core/format";
import type { FlopCount } from "../core/flops";
import type { ModelFigures } from "../core/report";
import { MATMUL_TERMS, ELEMENTWISE_TERMS, TERM_INFO, type FlopTerm } from "../core/terms";
import { PARAM_LABELS, type ParamBreakdown } from "../core/params";
import { oneLine } from "./terminal";

/** The human-readable report: aligned columns, grouped digits, SI in brackets, from the exact counts. */
export function renderReport(report: ModelFigures, source: string, notes: readonly string[]): string {
  const lines: string[] = [];
  const S = groupDigits(report.context);
  lines.push(`${oneLine(report.model.name)}  (${oneLine(source)})`);
  lines.push(`context S = ${S} tokens · batch ${report.batch} · ${report.dtype} · FLOP = 2 per multiply-add`);
  lines.push("");

  lines.push(row(["Parameters", "total", "active per token"]));
  for (const key of Object.keys(PARAM_LABELS) as Array<keyof ParamBreakdown>) {
    const total = report.params.breakdown[key];
    if (total === 0n) continue;
    lines.push(row([`  ${PARAM_LABELS[key]}`, groupDigits(total), groupDigits(report.params.activeBreakdown[key])]));
  }
  lines.push(row(["  total", withSI(report.params.total), withSI(report.params.active)]));
  if (report.params.multiTokenPrediction > 0n) {
    lines.push(row(["  multi-token prediction (apart, not in decode)", groupDigits(report.params.multiTokenPrediction), ""]));
  }
  lines.push("");

  const { decode, decodeNoCache, prefill, train, trainRecompute } = report.flops;
  lines.push(row([`FLOPs per generated token at S = ${S}`, "with KV cache", "no cache (recompute S)"]));
  for (const term of [...MATMUL_TERMS, ...ELEMENTWISE_TERMS] as FlopTerm[]) {
    const cached = decode.terms[term];
    const recomputed = decodeNoCache.terms[term];
    if (cached === 0n && recomputed === 0n) continue;
    lines.push(row([`  ${TERM_INFO[term].label}`, groupDigits(cached), groupDigits(recomputed)]));
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
  if (report.memory.recurrentStateBytesPerSequence > 0n) {
    lines.push(row([`  recurrent state per sequence (any length)`, bytes(report.memory.recurrentStateBytesPerSequence), ""]));
  }
  for (const note of notes) lines.push(`note: ${oneLine(note)}`);
  return lines.join("\n");
}

/** The "Time, energy and cost per token" section: decode and prefill side by side, then every assumption. */
export function renderEnergy(energy: EnergyJson, report: Pick<ModelFigures, "context" | "batch" | "dtype">): string {
  const { decode, prefill, power } = energy;
  const S = groupDigits(report.context);
  const lines: string[] = [];
  lines.push(`Time, energy and cost per token on ${energy.gpus} × ${energy.hardware.name} (batch ${report.batch}, ${report.dtype})`);
  lines.push(row(["", `decode at S = ${S}`, `prefill of ${S}-token prompts`]));
  lines.push(row(["  step time", `${formatDuration(decode.stepSeconds)}, ${decode.bound}-bound`, `${formatDuration(prefill.stepSeconds)}, ${prefill.bound}-bound`]));
  lines.push(row(["  tokens per step", `${groupDigits(decode.tokensPerStep)} output`, `${groupDigits(prefill.tokensPerStep)} prompt`]));
  lines.push(row(["  tokens per second", formatSignificant(decode.tokensPerSecond), formatSignificant(prefill.tokensPerSecond)]));
  lines.push(row(["  energy per token", formatEnergy(decode.joulesPerToken), formatEnergy(prefill.joulesPerToken)]));
  lines.push(row(["  cost per million tokens", formatMoney(decode.usdPerMillionTokens), formatMoney(prefill.usdPerMillionTokens)]));
  lines.push(row(["  time: compute | memory | network", phaseTimes(decode), phaseTimes(prefill)]));
  lines.push(row(["  achieved MFU | MBU", utilization(decode), utilization(prefill)]));
  if (!decode.fitsInMemory) lines.push("  warning: all weights and this KV cache do not fit in the GPUs' HBM; the times assume they do");
  if (energy.computeBoundBatch !== undefined) {
    lines.push(energy.computeBoundBatch === null
      ? "  decode's weight matmuls stay memory-bound at every batch up to 2^20"
      : `  decode's weight matmuls turn compute-bound at batch ${groupDigits(energy.computeBoundBatch.batch)} (the whole step there: ${energy.computeBoundBatch.stepBound}-bound)`);
  }
  const spec = energy.speculative;
  if (spec !== undefined) {
    lines.push(`  speculative decoding with ${oneLine(spec.draft)}, ${spec.draftTokens} draft tokens, acceptance ${spec.acceptance}: ${formatSignificant(spec.tokensPerIteration)} tokens per iteration`);
    lines.push(row(["", "speculative", "plain decode"]));
    lines.push(row(["    tokens per second", formatSignificant(spec.tokensPerSecond), formatSignificant(spec.baseline.tokensPerSecond)]));
    lines.push(row(["    energy per token", formatEnergy(spec.joulesPerToken), formatEnergy(spec.baseline.joulesPerToken)]));
    lines.push(row(["    FLOPs per token", formatSI(spec.flopsPerToken), formatSI(spec.baseline.flopsPerToken)]));
    lines.push(`    speed-up ×${formatSignificant(spec.speedup)}`);
  }
  lines.push(`  power charged: ${formatSignificant(power.watts)} W (${power.source === "measured" ? "measured" : "TDP"} ${formatSignificant(power.wattsPerGpu)} W per GPU)`);
  for (const [name, assumption] of Object.entries(energy.assumptions)) {
    const unit = assumption.unit === undefined ? "" : ` ${assumption.unit}`;
    lines.push(`assumption: ${name} = ${String(assumption.value)}${unit} — ${assumption.note}`);
  }
  return lines.join("\n");
}

/** Achieved shares of peak FLOP/s and bandwidth: "0.29% | 58.8%". */
function utilization(phase: PhaseEnergyJson): string {
  return `${formatPercent(phase.mfu)} | ${formatPercent(phase.mbu)}`;
}

function phaseTimes(phase: PhaseEnergyJson): string {
  return `${formatDuration(phase.computeSeconds)} | ${formatDuration(phase.memorySeconds)} | ${formatDuration(phase.communicationSeconds)}`;
}

function perSequence(count: FlopCount): string {
  const tokens = BigInt(count.tokens);
  // Per token, rounded half up: SI shows three significant digits of it.
  return `${withSI(count.total)} FLOPs (${formatSI((count.total + tokens / 2n) / tokens, { unit: "FLOP" })} per token)`;
}

function withSI(value: bigint): string {
  return `${groupDigits(value)} (${formatSI(value)})`;
}

function bytes(value: bigint): string {
  return `${groupDigits(value)} B (${formatSI(value, { unit: "B", binary: true })})`;
}

const WIDTHS = [38, 28, 34];

function row(cells: readonly string[]): string {
  return cells
    .map((cell, i) => (i === 0 ? cell.padEnd(WIDTHS[0] as number) : cell.padStart(WIDTHS[i] as number)))
    .join("")
    .trimEnd();
}
