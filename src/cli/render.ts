import { formatSI, groupDigits } from "../core/format";
import type { ModelReport, FlopJson } from "../core/report";
import { MATMUL_TERMS, ELEMENTWISE_TERMS, TERM_INFO, type FlopTerm } from "../core/terms";
import type { ParamBreakdown } from "../core/params";

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
  lines.push(`${report.model.name}  (${source})`);
  lines.push(`context S = ${S} tokens · batch ${report.batch} · ${report.dtype} · FLOP = 2 per multiply-add`);
  lines.push("");

  lines.push(row(["Parameters", "total", "active per token"]));
  for (const key of Object.keys(PARAM_LABELS) as Array<keyof ParamBreakdown>) {
    const total = report.params.breakdown[key];
    if (total === "0") continue;
    lines.push(row([`  ${PARAM_LABELS[key]}`, groupDigits(total), groupDigits(report.params.activeBreakdown[key])]));
  }
  lines.push(row(["  total", withSI(report.params.total), withSI(report.params.active)]));
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
  for (const note of notes) lines.push(`note: ${note}`);
  return lines.join("\n");
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
