import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EPOCH_GPT4O_QUERY, epochQueryEnergy } from "../../../src/core/energy/epoch";
import { GOOGLE_GEMINI_PROMPT, geminiPromptTokens } from "../../../src/core/energy/google";
import { ML_ENERGY_POINTS, ML_ENERGY_WORKLOAD, modelMeasuredPoint, type ModelledPoint } from "../../../src/core/energy/measured";
import reference from "../../fixtures/reference/energy.json";

const measured = reference.ml_energy_leaderboard;
const GPU_IDS: Record<string, string> = { H100: "h100-sxm", B200: "b200" };
const modelled: ModelledPoint[] = ML_ENERGY_POINTS.map((point) => modelMeasuredPoint(point));
const label = (m: ModelledPoint) => `${m.point.model} on ${m.point.gpus}×${m.point.hardwareId} at batch ${m.point.maxBatch}`;

describe("ML.ENERGY leaderboard: measured GPU energy per output token", () => {
  it("the core's points are the leaderboard's rows, as published", () => {
    expect(ML_ENERGY_POINTS).toHaveLength(measured.rows.length);
    measured.rows.forEach((row, i) => {
      const point = ML_ENERGY_POINTS[i]!;
      const [gpus, gpu] = row.gpus.split("×");
      expect(point.model).toBe(row.model);
      expect(point.gpus).toBe(Number(gpus));
      expect(point.hardwareId).toBe(GPU_IDS[gpu!]);
      expect(point.maxBatch).toBe(row.max_batch);
      expect(point.joulesPerOutputToken).toBe(row.joules_per_output_token);
      expect(point.avgGpuPowerWatts).toBe((row as { avg_gpu_power_w?: number }).avg_gpu_power_w);
      expect(point.avgOutputTokens).toBe((row as { avg_output_tokens?: number }).avg_output_tokens);
    });
  });

  it("uses the published answer length for every point", () => {
    expect(ML_ENERGY_WORKLOAD.outputTokens).toBe(measured.rows[0]!.avg_output_tokens);
  });

  it.each(modelled.map((m) => [label(m), m.modelledJoulesPerOutputToken.toPrecision(3), m.point.joulesPerOutputToken, m.ratio.toFixed(2), m] as const))(
    "%s: modelled %s J vs measured %s J per output token, ratio %s, within 2×",
    (_label, _modelled, _measured, _ratio, m) => {
      expect(m.ratio).toBeGreaterThanOrEqual(0.5);
      expect(m.ratio).toBeLessThanOrEqual(2);
    },
  );

  it("every point is modelled with the same workload and efficiencies; only batch, GPU and power differ", () => {
    const shared = (m: ModelledPoint) => {
      const { gpuPower: _p, batch: _b, hardware: _h, computePrecision: _c, bandwidthEfficiency, memoryCapacity: _m, query: _q, ...rest } = m.assumptions;
      return { ...rest, bandwidthEfficiency: bandwidthEfficiency?.value };
    };
    for (const m of modelled) expect(shared(m)).toEqual(shared(modelled[0]!));
  });

  it("charges the measured power where published and the B200's TDP where not, and says so", () => {
    expect(modelled[0]!.query.power.watts).toBe(486);
    const b200 = modelled[3]!;
    expect(b200.query.power.source).toBe("tdp");
    expect(b200.query.power.watts).toBe(1000);
    expect(b200.assumptions.gpuPower?.note).toMatch(/TDP/);
    expect(b200.assumptions.scope?.note).toMatch(/GPU energy/);
  });

  it("the modelled time between tokens at batch 8 is within 2× of the measured median 7.32 ms", () => {
    const ratio = modelled[0]!.modelledInterTokenLatencyMs / measured.rows[0]!.median_inter_token_latency_ms!;
    expect(ratio).toBeGreaterThanOrEqual(0.5);
    expect(ratio).toBeLessThanOrEqual(2);
  });

  afterAll(() => {
    // The ratios, and how they move with the one unpublished input (prompt length) and with perfect overlap.
    const sensitivity = [100, 212, 500, 1000].map((promptTokens) => ({
      promptTokens,
      ratios: ML_ENERGY_POINTS.map((p) => Number(modelMeasuredPoint(p, { ...ML_ENERGY_WORKLOAD, promptTokens }).ratio.toFixed(3))),
      ratiosPerfectOverlap: ML_ENERGY_POINTS.map((p) => Number(modelMeasuredPoint(p, { ...ML_ENERGY_WORKLOAD, promptTokens }, { overlap: "perfect" }).ratio.toFixed(3))),
    }));
    const out = join(import.meta.dirname, "..", "..", "..", "test-output", "energy");
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, "ml-energy.json"), `${JSON.stringify({
      source: measured.source,
      workload: ML_ENERGY_WORKLOAD,
      points: modelled.map((m) => ({
        point: label(m),
        measuredJoulesPerOutputToken: m.point.joulesPerOutputToken,
        modelledJoulesPerOutputToken: Number(m.modelledJoulesPerOutputToken.toPrecision(4)),
        ratio: Number(m.ratio.toFixed(3)),
        modelledInterTokenLatencyMs: Number(m.modelledInterTokenLatencyMs.toPrecision(4)),
        decodeBound: m.query.decode?.bound,
        powerWatts: m.query.power.watts,
        powerSource: m.query.power.source,
      })),
      sensitivity,
    }, null, 2)}\n`);
  });
});

describe("Epoch AI: 0.3 Wh per GPT-4o query", () => {
  const stated = reference.epoch_ai_gpt4o_query.assumptions;

  it("the core's inputs are Epoch's stated assumptions", () => {
    expect(EPOCH_GPT4O_QUERY.activeParams).toBe(BigInt(stated.active_params));
    expect(EPOCH_GPT4O_QUERY.outputTokens).toBe(stated.output_tokens);
    expect(EPOCH_GPT4O_QUERY.peakFlops).toBe(Number(/(\d+) TFLOP\/s/.exec(stated.gpu)![1]) * 1e12);
    expect(EPOCH_GPT4O_QUERY.utilization).toBe(stated.utilization);
    expect(EPOCH_GPT4O_QUERY.gpuPowerWatts).toBe(stated.gpu_power_w);
    expect(EPOCH_GPT4O_QUERY.loadFactor).toBe(stated.partial_load_factor);
    expect(EPOCH_GPT4O_QUERY.pue).toBe(stated.pue);
    expect(EPOCH_GPT4O_QUERY.estimateWattHours).toBe(reference.epoch_ai_gpt4o_query.estimate_wh_per_query);
  });

  it("reproduces 0.3 Wh: 1e14 FLOPs / (989e12 × 0.1) s × 1275 W × 0.7 × 1.2 = 0.3008 Wh", () => {
    const result = epochQueryEnergy();
    expect(result.flops).toBe(100_000_000_000_000n); // 2 × 1e11 × 500
    expect(result.gpuSeconds).toBeCloseTo(1e14 / 9.89e13, 12);
    // 1.011122 s × 1071 W = 1082.91 J = 0.300809 Wh
    expect(result.wattHours).toBeCloseTo(1071e14 / (9.89e13 * 3600), 12);
    expect(Math.abs(result.wattHours - reference.epoch_ai_gpt4o_query.estimate_wh_per_query) / 0.3).toBeLessThan(0.005);
  });
});

describe("Google: 0.24 Wh per median Gemini prompt, without token counts", () => {
  it("keeps Google's figure and split", () => {
    const google = reference.google_gemini_prompt;
    expect(GOOGLE_GEMINI_PROMPT.wattHours).toBe(google.median_text_prompt_wh);
    const share = (name: string) => Number(new RegExp(`${name} (\\d+)%`).exec(google.scope)![1]) / 100;
    expect(GOOGLE_GEMINI_PROMPT.shares.accelerators).toBe(share("accelerators"));
    expect(GOOGLE_GEMINI_PROMPT.shares.hostCpuAndDram).toBe(share("host CPU and DRAM"));
    expect(GOOGLE_GEMINI_PROMPT.shares.idleCapacity).toBe(share("idle provisioned capacity"));
    expect(GOOGLE_GEMINI_PROMPT.shares.dataCentreOverhead).toBe(share("data-centre overhead"));
  });

  it("says how many tokens 0.24 Wh would be at a given energy per token", () => {
    const [h100Batch512, h100Batch8, facility] = geminiPromptTokens([
      { label: "H100 batch 512 (ML.ENERGY)", joulesPerToken: 0.0702, scope: "accelerator" },
      { label: "H100 batch 8 (ML.ENERGY)", joulesPerToken: 0.4548, scope: "accelerator" },
      { label: "a facility-level 0.3 J per token", joulesPerToken: 0.3, scope: "facility" },
    ]);
    // Accelerators' share: 0.24 Wh × 3600 × 0.58 = 501.12 J.
    expect(h100Batch512!.budgetJoules).toBeCloseTo(501.12, 9);
    expect(h100Batch512!.tokens).toBeCloseTo(501.12 / 0.0702, 6); // ≈ 7,138 tokens
    expect(h100Batch8!.tokens).toBeCloseTo(501.12 / 0.4548, 6); //   ≈ 1,102 tokens
    expect(facility!.tokens).toBeCloseTo(864 / 0.3, 6); //            2,880 tokens
  });

  it("rejects an unknown scope and a non-positive energy per token", () => {
    expect(() => geminiPromptTokens([{ label: "x", joulesPerToken: 0.1, scope: "gpu" as never }])).toThrow(/cases\[0\]\.scope/);
    expect(() => geminiPromptTokens([{ label: "x", joulesPerToken: 0, scope: "facility" }])).toThrow(/joulesPerToken/);
  });
});
