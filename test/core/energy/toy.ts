import type { HardwarePreset } from "../../../src/core/energy/hardware";
import type { ModelSpec } from "../../../src/core/model";

/**
 * A model small enough to count by hand: d = 64, L = 2, 4 heads of 16 (MHA),
 * a plain 256-wide MLP, no biases, no norm weights, tied embeddings, V = 1000.
 *   attention per layer 4·64² = 16,384; MLP per layer 2·64·256 = 32,768;
 *   layers 2 × 49,152 = 98,304; embedding (= LM head) 1000·64 = 64,000;
 *   total 162,304 parameters = 324,608 bytes in bf16.
 *   KV cache: 2 (K, V) × 2 layers × 64 × 2 bytes = 512 bytes per token.
 */
export const TOY: ModelSpec = {
  name: "toy",
  vocabSize: 1000,
  hiddenSize: 64,
  numLayers: 2,
  attention: { kind: "standard", numHeads: 4, numKvHeads: 4, headDim: 16, qkvBias: false, outBias: false, qkNorm: "none" },
  mlp: { gated: false, intermediateSize: 256, activation: "relu", bias: false },
  norm: { kind: "rmsnorm", affine: false, bias: false, perLayer: 2, final: true },
  positions: { kind: "rotary", fraction: 1 },
  tiedEmbeddings: true,
};

/** Round rates: at utilization 0.5 and efficiency 0.8, 5e8 FLOP/s and 8e7 B/s. */
export const TOY_GPU: HardwarePreset = {
  id: "toy-gpu",
  name: "Toy GPU",
  peakFlops: { bf16: 1e9, fp16: 1e9, fp8: null },
  hbmBytes: 1e6,
  hbmBandwidth: 1e8,
  tdpWatts: 100,
  interconnectBandwidth: 1e7,
  interconnect: "toy link",
  citation: { label: "toy", reference: "a made-up accelerator with round numbers" },
};
