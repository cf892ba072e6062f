import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Outcome } from "./check";

/** Figures for one mutation kind. */
interface KindFigures {
  inputs: number;
  imported: number;
  rejected: number;
  /** Rejections by the field they named. */
  fields: Record<string, number>;
  /** One message per distinct message shape (numbers and quoted text generalized), with how often it came. */
  messages: Record<string, { count: number; example: string }>;
  /** Slowest single input, ms, and what it was (recorded, never asserted: speed is for the benchmarks). */
  slowestMs: number;
  slowest: string;
  /** Median time of an input, ms. */
  medianMs: number;
}

/** Tallies fuzz outcomes by kind and writes them as JSON for the report. */
export class FuzzSummary {
  private readonly kinds = new Map<string, KindFigures>();
  private readonly times = new Map<string, number[]>();

  record(kind: string, outcome: Outcome, what: string): void {
    const figures = this.kinds.get(kind) ?? { inputs: 0, imported: 0, rejected: 0, fields: {}, messages: {}, slowestMs: 0, slowest: "", medianMs: 0 };
    this.kinds.set(kind, figures);
    figures.inputs++;
    const times = this.times.get(kind) ?? [];
    this.times.set(kind, times);
    times.push(outcome.ms);
    if (outcome.ms > figures.slowestMs) {
      figures.slowestMs = Math.round(outcome.ms * 10) / 10;
      figures.slowest = what.length > 160 ? `${what.slice(0, 160)}…` : what;
    }
    if (outcome.imported) {
      figures.imported++;
      return;
    }
    figures.rejected++;
    const field = outcome.field ?? "?";
    figures.fields[field] = (figures.fields[field] ?? 0) + 1;
    const message = outcome.message ?? "";
    const shape = shapeOf(message.slice(field.length + 2));
    const entry = figures.messages[shape] ?? { count: 0, example: message.length > 300 ? `${message.slice(0, 300)}…` : message };
    entry.count++;
    figures.messages[shape] = entry;
  }

  inputs(kind?: string): number {
    if (kind !== undefined) return this.kinds.get(kind)?.inputs ?? 0;
    let total = 0;
    for (const figures of this.kinds.values()) total += figures.inputs;
    return total;
  }

  toJSON(): object {
    for (const [kind, times] of this.times) {
      const sorted = [...times].sort((a, b) => a - b);
      (this.kinds.get(kind) as KindFigures).medianMs = Math.round((sorted[Math.floor(sorted.length / 2)] ?? 0) * 100) / 100;
    }
    const kinds = Object.fromEntries([...this.kinds].sort(([a], [b]) => a.localeCompare(b)));
    let imported = 0;
    for (const figures of this.kinds.values()) imported += figures.imported;
    return { inputs: this.inputs(), imported, rejected: this.inputs() - imported, kinds };
  }

  write(file: string, extra: object = {}): string {
    const dir = join(import.meta.dirname, "..", "..", "test-output", "fuzz");
    mkdirSync(dir, { recursive: true });
    const path = join(dir, file);
    writeFileSync(path, `${JSON.stringify({ ...extra, ...this.toJSON() }, null, 2)}\n`);
    return path;
  }
}

/** A message with its particulars generalized, so equal complaints about different values count together. */
function shapeOf(message: string): string {
  return message
    .replace(/"(?:[^"\\]|\\.)*"…?/g, '"…"')
    .replace(/-?\d[\d,.]*(e[+-]?\d+)?/gi, "N")
    .replace(/\((known|supported|expected one of)[^)]*\)/g, "($1 …)")
    .slice(0, 160);
}
