import type { Citation } from "./formula";
import type { ModelSpec } from "./model";
import { SEED_POST } from "./formulas/sources";
import { GROK_SIZED_SHAPE, POST_INPUTS } from "./post";

/** A well-known model, its description and where the figures come from. */
export interface Preset {
  /** Stable identifier used by the CLI, URLs and notebooks, e.g. "llama-2-7b". */
  id: string;
  spec: ModelSpec;
  citation: Citation;
  /** The Hugging Face repository whose config.json the description was imported from. */
  hfRepo?: string;
  /** Published parameter counts (decimal strings), with what they were checked against. */
  published?: { total?: string; active?: string; note: string };
  /** True for inputs that describe no real model (the blog post's hypothetical). */
  hypothetical?: boolean;
}

/**
 * Presets imported from the models' own config.json files (see test/fixtures/configs),
 * then further well-known models described from their papers.
 */
export const PRESETS: readonly Preset[] = [
  {
    id: "gpt2",
    spec: { name: "GPT-2 (124M)", vocabSize: 50257, hiddenSize: 768, numLayers: 12, attention: { kind: "standard", numHeads: 12, numKvHeads: 12, headDim: 64, qkvBias: true, outBias: true, qkNorm: "none" }, mlp: { gated: false, intermediateSize: 3072, activation: "gelu_tanh", bias: true }, norm: { kind: "layernorm", affine: true, bias: true, perLayer: 2, final: true }, positions: { kind: "learned", maxPositions: 1024 }, tiedEmbeddings: true },
    citation: { label: "GPT-2 (124M) config.json", reference: "Radford et al. 2019, Language Models are Unsupervised Multitask Learners; Hugging Face openai-community/gpt2, config.json", url: "https://huggingface.co/openai-community/gpt2" },
    hfRepo: "openai-community/gpt2",
    published: { total: "124439808", active: "124439808", note: "124,439,808 — model.parameters() of the HF checkpoint; nanoGPT reports 124M" },
  },
  {
    id: "llama-2-7b",
    spec: { name: "Llama 2 7B", vocabSize: 32000, hiddenSize: 4096, numLayers: 32, attention: { kind: "standard", numHeads: 32, numKvHeads: 32, headDim: 128, qkvBias: false, outBias: false, qkNorm: "none" }, mlp: { gated: true, intermediateSize: 11008, activation: "silu", bias: false }, norm: { kind: "rmsnorm", affine: true, bias: false, perLayer: 2, final: true }, positions: { kind: "rotary", fraction: 1 }, tiedEmbeddings: false },
    citation: { label: "Llama 2 7B config.json", reference: "Touvron et al. 2023, Llama 2: Open Foundation and Fine-Tuned Chat Models; Hugging Face meta-llama/Llama-2-7b-hf, config.json", url: "https://huggingface.co/meta-llama/Llama-2-7b-hf" },
    hfRepo: "meta-llama/Llama-2-7b-hf",
    published: { total: "6738415616", active: "6738415616", note: "6,738,415,616 — calflops README Params(Total); note: safetensors total_size/2 = 6,738,419,712 includes 32 rotary inv_freq buffers" },
  },
  {
    id: "llama-3.1-8b",
    spec: { name: "Llama 3.1 8B", vocabSize: 128256, hiddenSize: 4096, numLayers: 32, attention: { kind: "standard", numHeads: 32, numKvHeads: 8, headDim: 128, qkvBias: false, outBias: false, qkNorm: "none" }, mlp: { gated: true, intermediateSize: 14336, activation: "silu", bias: false }, norm: { kind: "rmsnorm", affine: true, bias: false, perLayer: 2, final: true }, positions: { kind: "rotary", fraction: 1 }, tiedEmbeddings: false },
    citation: { label: "Llama 3.1 8B config.json", reference: "Llama Team 2024, The Llama 3 Herd of Models; Hugging Face meta-llama/Llama-3.1-8B, config.json", url: "https://huggingface.co/meta-llama/Llama-3.1-8B" },
    hfRepo: "meta-llama/Llama-3.1-8B",
    published: { total: "8030261248", active: "8030261248", note: "8.03B (model card); 8,030,261,248 widely reported" },
  },
  {
    id: "mistral-7b",
    spec: { name: "Mistral 7B v0.1", vocabSize: 32000, hiddenSize: 4096, numLayers: 32, attention: { kind: "standard", numHeads: 32, numKvHeads: 8, headDim: 128, qkvBias: false, outBias: false, qkNorm: "none", slidingWindow: { size: 4096, layers: "all" }}, mlp: { gated: true, intermediateSize: 14336, activation: "silu", bias: false }, norm: { kind: "rmsnorm", affine: true, bias: false, perLayer: 2, final: true }, positions: { kind: "rotary", fraction: 1 }, tiedEmbeddings: false },
    citation: { label: "Mistral 7B v0.1 config.json", reference: "Jiang et al. 2023, Mistral 7B; Hugging Face mistralai/Mistral-7B-v0.1, config.json", url: "https://huggingface.co/mistralai/Mistral-7B-v0.1" },
    hfRepo: "mistralai/Mistral-7B-v0.1",
    published: { total: "7241732096", active: "7241732096", note: "7.24B (paper Table 1)" },
  },
  {
    id: "mixtral-8x7b",
    spec: { name: "Mixtral 8x7B", vocabSize: 32000, hiddenSize: 4096, numLayers: 32, attention: { kind: "standard", numHeads: 32, numKvHeads: 8, headDim: 128, qkvBias: false, outBias: false, qkNorm: "none" }, mlp: { gated: true, intermediateSize: 14336, activation: "silu", bias: false }, norm: { kind: "rmsnorm", affine: true, bias: false, perLayer: 2, final: true }, positions: { kind: "rotary", fraction: 1 }, tiedEmbeddings: false, moe: { numExperts: 8, expertsPerToken: 2, expertIntermediateSize: 14336, numSharedExperts: 0, sharedExpertIntermediateSize: 0, sharedExpertGate: false, routerBias: false, firstDenseLayers: 0 }},
    citation: { label: "Mixtral 8x7B config.json", reference: "Jiang et al. 2024, Mixtral of Experts; Hugging Face mistralai/Mixtral-8x7B-v0.1, config.json", url: "https://huggingface.co/mistralai/Mixtral-8x7B-v0.1" },
    hfRepo: "mistralai/Mixtral-8x7B-v0.1",
    published: { total: "46702792704", active: "12879925248", note: "46.7B total / 12.9B active per token (Mistral release)" },
  },
  {
    id: "qwen2.5-7b",
    spec: { name: "Qwen2.5 7B", vocabSize: 152064, hiddenSize: 3584, numLayers: 28, attention: { kind: "standard", numHeads: 28, numKvHeads: 4, headDim: 128, qkvBias: true, outBias: false, qkNorm: "none" }, mlp: { gated: true, intermediateSize: 18944, activation: "silu", bias: false }, norm: { kind: "rmsnorm", affine: true, bias: false, perLayer: 2, final: true }, positions: { kind: "rotary", fraction: 1 }, tiedEmbeddings: false },
    citation: { label: "Qwen2.5 7B config.json", reference: "Qwen Team 2024, Qwen2.5 Technical Report; Hugging Face Qwen/Qwen2.5-7B, config.json", url: "https://huggingface.co/Qwen/Qwen2.5-7B" },
    hfRepo: "Qwen/Qwen2.5-7B",
    published: { total: "7615616512", active: "7615616512", note: "7.61B total; 6.53B non-embedding (model card; non-embedding excludes embedding and lm_head)" },
  },
  {
    id: "qwen3-8b",
    spec: { name: "Qwen3 8B", vocabSize: 151936, hiddenSize: 4096, numLayers: 36, attention: { kind: "standard", numHeads: 32, numKvHeads: 8, headDim: 128, qkvBias: false, outBias: false, qkNorm: "head" }, mlp: { gated: true, intermediateSize: 12288, activation: "silu", bias: false }, norm: { kind: "rmsnorm", affine: true, bias: false, perLayer: 2, final: true }, positions: { kind: "rotary", fraction: 1 }, tiedEmbeddings: false },
    citation: { label: "Qwen3 8B config.json", reference: "Qwen Team 2025, Qwen3 Technical Report; Hugging Face Qwen/Qwen3-8B, config.json", url: "https://huggingface.co/Qwen/Qwen3-8B" },
    hfRepo: "Qwen/Qwen3-8B",
    published: { total: "8190735360", active: "8190735360", note: "8.2B (model card)" },
  },
  {
    id: "llama-3.2-1b",
    spec: { name: "Llama 3.2 1B", vocabSize: 128256, hiddenSize: 2048, numLayers: 16, attention: { kind: "standard", numHeads: 32, numKvHeads: 8, headDim: 64, qkvBias: false, outBias: false, qkNorm: "none" }, mlp: { gated: true, intermediateSize: 8192, activation: "silu", bias: false }, norm: { kind: "rmsnorm", affine: true, bias: false, perLayer: 2, final: true }, positions: { kind: "rotary", fraction: 1 }, tiedEmbeddings: true },
    citation: { label: "Llama 3.2 1B config.json", reference: "Meta 2024, Llama 3.2 model card; Hugging Face meta-llama/Llama-3.2-1B, config.json", url: "https://huggingface.co/meta-llama/Llama-3.2-1B" },
    hfRepo: "meta-llama/Llama-3.2-1B",
    published: { total: "1235814400", active: "1235814400", note: "1.23B (model card); 1,235,814,400 in the checkpoint" },
  },
  {
    id: "qwen3-0.6b",
    spec: { name: "Qwen3 0.6B", vocabSize: 151936, hiddenSize: 1024, numLayers: 28, attention: { kind: "standard", numHeads: 16, numKvHeads: 8, headDim: 128, qkvBias: false, outBias: false, qkNorm: "head" }, mlp: { gated: true, intermediateSize: 3072, activation: "silu", bias: false }, norm: { kind: "rmsnorm", affine: true, bias: false, perLayer: 2, final: true }, positions: { kind: "rotary", fraction: 1 }, tiedEmbeddings: true },
    citation: { label: "Qwen3 0.6B config.json", reference: "Qwen Team 2025, Qwen3 Technical Report; Hugging Face Qwen/Qwen3-0.6B, config.json", url: "https://huggingface.co/Qwen/Qwen3-0.6B" },
    hfRepo: "Qwen/Qwen3-0.6B",
    published: { total: "596049920", active: "596049920", note: "0.6B, 0.44B non-embedding (model card); 596,049,920 in the checkpoint" },
  },
  {
    id: "gemma-2-2b",
    spec: { name: "Gemma 2 2B", vocabSize: 256000, hiddenSize: 2304, numLayers: 26, attention: { kind: "standard", numHeads: 8, numKvHeads: 4, headDim: 256, qkvBias: false, outBias: false, qkNorm: "none", slidingWindow: { size: 4096, layers: "even" }, logitSoftcap: 50 }, mlp: { gated: true, intermediateSize: 9216, activation: "gelu_tanh", bias: false }, norm: { kind: "rmsnorm", affine: true, bias: false, perLayer: 4, final: true }, positions: { kind: "rotary", fraction: 1 }, tiedEmbeddings: true, finalLogitSoftcap: 30 },
    citation: { label: "Gemma 2 2B config.json", reference: "Gemma Team 2024, Gemma 2: Improving Open Language Models at a Practical Size; Hugging Face google/gemma-2-2b, config.json", url: "https://huggingface.co/google/gemma-2-2b" },
    hfRepo: "google/gemma-2-2b",
    published: { total: "2614341888", active: "2614341888", note: "2.6B (tech report, Table 2: 590M embedding, 2,024M non-embedding); 2,614,341,888 in the checkpoint" },
  },
  {
    id: "qwen3-30b-a3b",
    spec: { name: "Qwen3 30B-A3B (MoE)", vocabSize: 151936, hiddenSize: 2048, numLayers: 48, attention: { kind: "standard", numHeads: 32, numKvHeads: 4, headDim: 128, qkvBias: false, outBias: false, qkNorm: "head" }, mlp: { gated: true, intermediateSize: 6144, activation: "silu", bias: false }, norm: { kind: "rmsnorm", affine: true, bias: false, perLayer: 2, final: true }, positions: { kind: "rotary", fraction: 1 }, tiedEmbeddings: false, moe: { numExperts: 128, expertsPerToken: 8, expertIntermediateSize: 768, numSharedExperts: 0, sharedExpertIntermediateSize: 0, sharedExpertGate: false, routerBias: false, firstDenseLayers: 0 }},
    citation: { label: "Qwen3 30B-A3B (MoE) config.json", reference: "Qwen Team 2025, Qwen3 Technical Report; Hugging Face Qwen/Qwen3-30B-A3B, config.json", url: "https://huggingface.co/Qwen/Qwen3-30B-A3B" },
    hfRepo: "Qwen/Qwen3-30B-A3B",
    published: { total: "30532122624", active: "3353032704", note: "30.5B total / 3.3B activated (model card)" },
  },
  {
    id: "gemma-2-9b",
    spec: { name: "Gemma 2 9B", vocabSize: 256000, hiddenSize: 3584, numLayers: 42, attention: { kind: "standard", numHeads: 16, numKvHeads: 8, headDim: 256, qkvBias: false, outBias: false, qkNorm: "none", slidingWindow: { size: 4096, layers: "even" }, logitSoftcap: 50 }, mlp: { gated: true, intermediateSize: 14336, activation: "gelu_tanh", bias: false }, norm: { kind: "rmsnorm", affine: true, bias: false, perLayer: 4, final: true }, positions: { kind: "rotary", fraction: 1 }, tiedEmbeddings: true, finalLogitSoftcap: 30 },
    citation: { label: "Gemma 2 9B config.json", reference: "Gemma Team 2024, Gemma 2: Improving Open Language Models at a Practical Size; Hugging Face google/gemma-2-9b, config.json", url: "https://huggingface.co/google/gemma-2-9b" },
    hfRepo: "google/gemma-2-9b",
    published: { total: "9241705984", active: "9241705984", note: "9.24B (HF); note the tech report's split (embedding 917,962,752) uses a padded vocabulary of 256,128 while config.json says 256,000" },
  },
  {
    id: "deepseek-v3",
    spec: { name: "DeepSeek-V3 (MoE, MLA)", vocabSize: 129280, hiddenSize: 7168, numLayers: 61, attention: { kind: "mla", numHeads: 128, qLoraRank: 1536, kvLoraRank: 512, qkNopeHeadDim: 128, qkRopeHeadDim: 64, vHeadDim: 128, bias: false }, mlp: { gated: true, intermediateSize: 18432, activation: "silu", bias: false }, norm: { kind: "rmsnorm", affine: true, bias: false, perLayer: 2, final: true }, positions: { kind: "rotary", fraction: 1 }, tiedEmbeddings: false, moe: { numExperts: 256, expertsPerToken: 8, expertIntermediateSize: 2048, numSharedExperts: 1, sharedExpertIntermediateSize: 2048, sharedExpertGate: false, routerBias: true, firstDenseLayers: 3 }, multiTokenPrediction: { layers: 1 } },
    citation: { label: "DeepSeek-V3 (MoE, MLA) config.json", reference: "DeepSeek-AI 2024, DeepSeek-V3 Technical Report; Hugging Face deepseek-ai/DeepSeek-V3, config.json", url: "https://huggingface.co/deepseek-ai/DeepSeek-V3" },
    hfRepo: "deepseek-ai/DeepSeek-V3",
    published: { total: "671026419200", active: "37552297472", note: "671B total / 37B activated (README); HF weights are 685B = 671B main + 14B multi-token-prediction module (counted apart here: 11.6B, plus the copies of the embedding and LM head the checkpoint stores with it)" },
  },
  {
    id: "falcon-7b",
    spec: { name: "Falcon 7B", vocabSize: 65024, hiddenSize: 4544, numLayers: 32, attention: { kind: "standard", numHeads: 71, numKvHeads: 1, headDim: 64, qkvBias: false, outBias: false, qkNorm: "none" }, mlp: { gated: false, intermediateSize: 18176, activation: "gelu", bias: false }, norm: { kind: "layernorm", affine: true, bias: true, perLayer: 1, final: true }, positions: { kind: "rotary", fraction: 1 }, tiedEmbeddings: true, parallelBlock: true },
    citation: { label: "Falcon 7B config.json", reference: "Almazrouei et al. 2023, The Falcon Series of Open Language Models; Hugging Face tiiuae/falcon-7b, config.json", url: "https://huggingface.co/tiiuae/falcon-7b" },
    hfRepo: "tiiuae/falcon-7b",
    published: { total: "6921720704", active: "6921720704", note: "7B (model card); 6.92B from the checkpoint. Old-format config: model_type RefinedWebModel" },
  },
  {
    id: "pythia-6.9b",
    spec: { name: "Pythia 6.9B", vocabSize: 50432, hiddenSize: 4096, numLayers: 32, attention: { kind: "standard", numHeads: 32, numKvHeads: 32, headDim: 128, qkvBias: true, outBias: true, qkNorm: "none" }, mlp: { gated: false, intermediateSize: 16384, activation: "gelu", bias: true }, norm: { kind: "layernorm", affine: true, bias: true, perLayer: 2, final: true }, positions: { kind: "rotary", fraction: 0.25 }, tiedEmbeddings: false, parallelBlock: true },
    citation: { label: "Pythia 6.9B config.json", reference: "Biderman et al. 2023, Pythia: A Suite for Analyzing Large Language Models; Hugging Face EleutherAI/pythia-6.9b, config.json", url: "https://huggingface.co/EleutherAI/pythia-6.9b" },
    hfRepo: "EleutherAI/pythia-6.9b",
    published: { total: "6857302016", active: "6857302016", note: "6,857,302,016 total (Pythia paper, Table 1)" },
  },
  {
    id: "phi-3-mini",
    spec: { name: "Phi-3 mini 4k", vocabSize: 32064, hiddenSize: 3072, numLayers: 32, attention: { kind: "standard", numHeads: 32, numKvHeads: 32, headDim: 96, qkvBias: false, outBias: false, qkNorm: "none", slidingWindow: { size: 2047, layers: "all" }}, mlp: { gated: true, intermediateSize: 8192, activation: "silu", bias: false }, norm: { kind: "rmsnorm", affine: true, bias: false, perLayer: 2, final: true }, positions: { kind: "rotary", fraction: 1 }, tiedEmbeddings: false },
    citation: { label: "Phi-3 mini 4k config.json", reference: "Abdin et al. 2024, Phi-3 Technical Report; Hugging Face microsoft/Phi-3-mini-4k-instruct, config.json", url: "https://huggingface.co/microsoft/Phi-3-mini-4k-instruct" },
    hfRepo: "microsoft/Phi-3-mini-4k-instruct",
    published: { total: "3821079552", active: "3821079552", note: "3.8B (model card)" },
  },
  {
    id: "olmo-2-7b",
    spec: { name: "OLMo 2 7B", vocabSize: 100352, hiddenSize: 4096, numLayers: 32, attention: { kind: "standard", numHeads: 32, numKvHeads: 32, headDim: 128, qkvBias: false, outBias: false, qkNorm: "full" }, mlp: { gated: true, intermediateSize: 11008, activation: "silu", bias: false }, norm: { kind: "rmsnorm", affine: true, bias: false, perLayer: 2, final: true }, positions: { kind: "rotary", fraction: 1 }, tiedEmbeddings: false },
    citation: { label: "OLMo 2 7B config.json", reference: "OLMo Team 2024, 2 OLMo 2 Furious; Hugging Face allenai/OLMo-2-1124-7B, config.json", url: "https://huggingface.co/allenai/OLMo-2-1124-7B" },
    hfRepo: "allenai/OLMo-2-1124-7B",
    published: { total: "7298617344", active: "7298617344", note: "7.3B (model card)" },
  },
  // The open frontier of 2025: imported from their config.json files (test/fixtures/configs, see SOURCES.md).
  {
    id: "gpt-oss-120b",
    spec: {"name": "gpt-oss-120b (MoE, sinks, sliding)", "vocabSize": 201088, "hiddenSize": 2880, "numLayers": 36, "attention": {"kind": "standard", "numHeads": 64, "numKvHeads": 8, "headDim": 64, "qkvBias": true, "outBias": true, "qkNorm": "none", "slidingWindow": {"size": 128, "layers": "even"}, "sinks": true}, "mlp": {"gated": true, "intermediateSize": 2880, "activation": "silu", "bias": true}, "norm": {"kind": "rmsnorm", "affine": true, "bias": false, "perLayer": 2, "final": true}, "positions": {"kind": "rotary", "fraction": 1}, "tiedEmbeddings": false, "moe": {"numExperts": 128, "expertsPerToken": 4, "expertIntermediateSize": 2880, "numSharedExperts": 0, "sharedExpertIntermediateSize": 0, "sharedExpertGate": false, "routerBias": true, "firstDenseLayers": 0}},
    citation: { label: "gpt-oss-120b config.json", reference: "OpenAI 2025, gpt-oss-120b & gpt-oss-20b Model Card; Hugging Face openai/gpt-oss-120b, config.json", url: "https://huggingface.co/openai/gpt-oss-120b" },
    hfRepo: "openai/gpt-oss-120b",
    published: { total: "116830000000", active: "5130000000", note: "116.83B total / 5.13B active (model card Table 1; its active count leaves out the input embedding, which is counted here: 5.71B with it)" },
  },
  {
    id: "gpt-oss-20b",
    spec: {"name": "gpt-oss-20b (MoE, sinks, sliding)", "vocabSize": 201088, "hiddenSize": 2880, "numLayers": 24, "attention": {"kind": "standard", "numHeads": 64, "numKvHeads": 8, "headDim": 64, "qkvBias": true, "outBias": true, "qkNorm": "none", "slidingWindow": {"size": 128, "layers": "even"}, "sinks": true}, "mlp": {"gated": true, "intermediateSize": 2880, "activation": "silu", "bias": true}, "norm": {"kind": "rmsnorm", "affine": true, "bias": false, "perLayer": 2, "final": true}, "positions": {"kind": "rotary", "fraction": 1}, "tiedEmbeddings": false, "moe": {"numExperts": 32, "expertsPerToken": 4, "expertIntermediateSize": 2880, "numSharedExperts": 0, "sharedExpertIntermediateSize": 0, "sharedExpertGate": false, "routerBias": true, "firstDenseLayers": 0}},
    citation: { label: "gpt-oss-20b config.json", reference: "OpenAI 2025, gpt-oss-120b & gpt-oss-20b Model Card; Hugging Face openai/gpt-oss-20b, config.json", url: "https://huggingface.co/openai/gpt-oss-20b" },
    hfRepo: "openai/gpt-oss-20b",
    published: { total: "20910000000", active: "3610000000", note: "20.91B total / 3.61B active (model card Table 1; without the input embedding: 4.19B with it)" },
  },
  {
    id: "llama-4-scout",
    spec: {"name": "Llama 4 Scout 17B-16E (text)", "vocabSize": 202048, "hiddenSize": 5120, "numLayers": 48, "attention": {"kind": "standard", "numHeads": 40, "numKvHeads": 8, "headDim": 128, "qkvBias": false, "outBias": false, "qkNorm": "none", "chunked": {"size": 8192, "layers": [0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, 16, 17, 18, 20, 21, 22, 24, 25, 26, 28, 29, 30, 32, 33, 34, 36, 37, 38, 40, 41, 42, 44, 45, 46]}}, "mlp": {"gated": true, "intermediateSize": 16384, "activation": "silu", "bias": false}, "norm": {"kind": "rmsnorm", "affine": true, "bias": false, "perLayer": 2, "final": true}, "positions": {"kind": "rotary", "fraction": 1}, "tiedEmbeddings": false, "moe": {"numExperts": 16, "expertsPerToken": 1, "expertIntermediateSize": 8192, "numSharedExperts": 1, "sharedExpertIntermediateSize": 8192, "sharedExpertGate": false, "routerBias": false, "firstDenseLayers": 0}},
    citation: { label: "Llama 4 Scout config.json (text_config)", reference: "Meta 2025, Llama 4 model card; Hugging Face meta-llama/Llama-4-Scout-17B-16E, config.json", url: "https://huggingface.co/meta-llama/Llama-4-Scout-17B-16E" },
    hfRepo: "meta-llama/Llama-4-Scout-17B-16E",
    published: { total: "109000000000", active: "17000000000", note: "109B total / 17B active for the multimodal model (model card); the text model counted here is 107.77B" },
  },
  {
    id: "llama-4-maverick",
    spec: {"name": "Llama 4 Maverick 17B-128E (text)", "vocabSize": 202048, "hiddenSize": 5120, "numLayers": 48, "attention": {"kind": "standard", "numHeads": 40, "numKvHeads": 8, "headDim": 128, "qkvBias": false, "outBias": false, "qkNorm": "none", "chunked": {"size": 8192, "layers": [0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, 16, 17, 18, 20, 21, 22, 24, 25, 26, 28, 29, 30, 32, 33, 34, 36, 37, 38, 40, 41, 42, 44, 45, 46]}}, "mlp": {"gated": true, "intermediateSize": 16384, "activation": "silu", "bias": false}, "norm": {"kind": "rmsnorm", "affine": true, "bias": false, "perLayer": 2, "final": true}, "positions": {"kind": "rotary", "fraction": 1}, "tiedEmbeddings": false, "moe": {"numExperts": 128, "expertsPerToken": 1, "expertIntermediateSize": 8192, "numSharedExperts": 1, "sharedExpertIntermediateSize": 8192, "sharedExpertGate": false, "routerBias": false, "firstDenseLayers": 0, "denseLayers": [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38, 40, 42, 44, 46]}},
    citation: { label: "Llama 4 Maverick config.json (text_config)", reference: "Meta 2025, Llama 4 model card; Hugging Face meta-llama/Llama-4-Maverick-17B-128E, config.json", url: "https://huggingface.co/meta-llama/Llama-4-Maverick-17B-128E" },
    hfRepo: "meta-llama/Llama-4-Maverick-17B-128E",
    published: { total: "400000000000", active: "17000000000", note: "400B total / 17B active (model card)" },
  },
  {
    id: "gemma-3-27b",
    spec: {"name": "Gemma 3 27B (text)", "vocabSize": 262208, "hiddenSize": 5376, "numLayers": 62, "attention": {"kind": "standard", "numHeads": 32, "numKvHeads": 16, "headDim": 128, "qkvBias": false, "outBias": false, "qkNorm": "head", "slidingWindow": {"size": 1024, "layers": [0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 12, 13, 14, 15, 16, 18, 19, 20, 21, 22, 24, 25, 26, 27, 28, 30, 31, 32, 33, 34, 36, 37, 38, 39, 40, 42, 43, 44, 45, 46, 48, 49, 50, 51, 52, 54, 55, 56, 57, 58, 60, 61]}}, "mlp": {"gated": true, "intermediateSize": 21504, "activation": "gelu_tanh", "bias": false}, "norm": {"kind": "rmsnorm", "affine": true, "bias": false, "perLayer": 4, "final": true}, "positions": {"kind": "rotary", "fraction": 1}, "tiedEmbeddings": true},
    citation: { label: "Gemma 3 27B config.json (text_config)", reference: "Gemma Team 2025, Gemma 3 Technical Report, Table 1; Hugging Face google/gemma-3-27b-it, config.json", url: "https://huggingface.co/google/gemma-3-27b-it" },
    hfRepo: "google/gemma-3-27b-it",
    published: { note: "25,600M non-embedding parameters and a 417M vision encoder (technical report Table 1); the text model counted here" },
  },
  {
    id: "kimi-k2",
    spec: {"name": "Kimi K2 (MoE, MLA)", "vocabSize": 163840, "hiddenSize": 7168, "numLayers": 61, "attention": {"kind": "mla", "numHeads": 64, "qLoraRank": 1536, "kvLoraRank": 512, "qkNopeHeadDim": 128, "qkRopeHeadDim": 64, "vHeadDim": 128, "bias": false}, "mlp": {"gated": true, "intermediateSize": 18432, "activation": "silu", "bias": false}, "norm": {"kind": "rmsnorm", "affine": true, "bias": false, "perLayer": 2, "final": true}, "positions": {"kind": "rotary", "fraction": 1}, "tiedEmbeddings": false, "moe": {"numExperts": 384, "expertsPerToken": 8, "expertIntermediateSize": 2048, "numSharedExperts": 1, "sharedExpertIntermediateSize": 2048, "sharedExpertGate": false, "routerBias": true, "firstDenseLayers": 1}},
    citation: { label: "Kimi K2 config.json", reference: "Kimi Team 2025, Kimi K2: Open Agentic Intelligence; Hugging Face moonshotai/Kimi-K2-Instruct, config.json", url: "https://huggingface.co/moonshotai/Kimi-K2-Instruct" },
    hfRepo: "moonshotai/Kimi-K2-Instruct",
    published: { total: "1040000000000", active: "32000000000", note: "1.04T total / 32B activated (Kimi K2 report); counted here 1.026T" },
  },
  {
    id: "glm-4.5",
    spec: {"name": "GLM-4.5 (MoE)", "vocabSize": 151552, "hiddenSize": 5120, "numLayers": 92, "attention": {"kind": "standard", "numHeads": 96, "numKvHeads": 8, "headDim": 128, "qkvBias": true, "outBias": false, "qkNorm": "head"}, "mlp": {"gated": true, "intermediateSize": 12288, "activation": "silu", "bias": false}, "norm": {"kind": "rmsnorm", "affine": true, "bias": false, "perLayer": 2, "final": true}, "positions": {"kind": "rotary", "fraction": 0.5}, "tiedEmbeddings": false, "moe": {"numExperts": 160, "expertsPerToken": 8, "expertIntermediateSize": 1536, "numSharedExperts": 1, "sharedExpertIntermediateSize": 1536, "sharedExpertGate": false, "routerBias": true, "firstDenseLayers": 3}, "multiTokenPrediction": {"layers": 1} },
    citation: { label: "GLM-4.5 config.json", reference: "GLM-4.5 Team 2025, GLM-4.5: Agentic, Reasoning, and Coding (ARC) Foundation Models; Hugging Face zai-org/GLM-4.5, config.json", url: "https://huggingface.co/zai-org/GLM-4.5" },
    hfRepo: "zai-org/GLM-4.5",
    published: { total: "355000000000", active: "32000000000", note: "355B total / 32B activated (report); counted here 352.8B, and the checkpoint's MTP layer apart (3.99B)" },
  },
  {
    id: "phi-2",
    spec: {"name": "Phi-2", "vocabSize": 51200, "hiddenSize": 2560, "numLayers": 32, "attention": {"kind": "standard", "numHeads": 32, "numKvHeads": 32, "headDim": 80, "qkvBias": true, "outBias": true, "qkNorm": "none"}, "mlp": {"gated": false, "intermediateSize": 10240, "activation": "gelu_tanh", "bias": true}, "norm": {"kind": "layernorm", "affine": true, "bias": true, "perLayer": 1, "final": true}, "positions": {"kind": "rotary", "fraction": 0.4}, "tiedEmbeddings": false, "lmHeadBias": true, "parallelBlock": true},
    citation: { label: "Phi-2 config.json", reference: "Microsoft 2023, Phi-2: The surprising power of small language models; Hugging Face microsoft/phi-2, config.json", url: "https://huggingface.co/microsoft/phi-2" },
    hfRepo: "microsoft/phi-2",
    published: { total: "2779683840", active: "2779683840", note: "2,779,683,840 (sum of the checkpoint's parameters; 2.7B in the announcement)" },
  },
  {
    id: "bloom-176b",
    spec: {"name": "BLOOM 176B", "vocabSize": 250880, "hiddenSize": 14336, "numLayers": 70, "attention": {"kind": "standard", "numHeads": 112, "numKvHeads": 112, "headDim": 128, "qkvBias": true, "outBias": true, "qkNorm": "none"}, "mlp": {"gated": false, "intermediateSize": 57344, "activation": "gelu_tanh", "bias": true}, "norm": {"kind": "layernorm", "affine": true, "bias": true, "perLayer": 2, "final": true}, "positions": {"kind": "alibi"}, "tiedEmbeddings": true, "embeddingNorm": true},
    citation: { label: "BLOOM config.json", reference: "BigScience Workshop 2022, BLOOM: A 176B-Parameter Open-Access Multilingual Language Model; Hugging Face bigscience/bloom, config.json and model card", url: "https://huggingface.co/bigscience/bloom" },
    hfRepo: "bigscience/bloom",
    published: { total: "176247271424", active: "176247271424", note: "176,247,271,424 (model card)" },
  },
  {
    id: "deepseek-v3.2",
    spec: {"name": "DeepSeek-V3.2-Exp (MoE, MLA, sparse attention)", "vocabSize": 129280, "hiddenSize": 7168, "numLayers": 61, "attention": {"kind": "mla", "numHeads": 128, "qLoraRank": 1536, "kvLoraRank": 512, "qkNopeHeadDim": 128, "qkRopeHeadDim": 64, "vHeadDim": 128, "bias": false, "indexer": {"numHeads": 64, "headDim": 128, "topK": 2048}}, "mlp": {"gated": true, "intermediateSize": 18432, "activation": "silu", "bias": false}, "norm": {"kind": "rmsnorm", "affine": true, "bias": false, "perLayer": 2, "final": true}, "positions": {"kind": "rotary", "fraction": 1}, "tiedEmbeddings": false, "moe": {"numExperts": 256, "expertsPerToken": 8, "expertIntermediateSize": 2048, "numSharedExperts": 1, "sharedExpertIntermediateSize": 2048, "sharedExpertGate": false, "routerBias": true, "firstDenseLayers": 3}, "multiTokenPrediction": {"layers": 1} },
    citation: { label: "DeepSeek-V3.2-Exp config.json", reference: "DeepSeek-AI 2025, DeepSeek-V3.2-Exp: Boosting Long-Context Efficiency with DeepSeek Sparse Attention; Hugging Face deepseek-ai/DeepSeek-V3.2-Exp, config.json", url: "https://huggingface.co/deepseek-ai/DeepSeek-V3.2-Exp" },
    hfRepo: "deepseek-ai/DeepSeek-V3.2-Exp",
    published: { note: "671B main model plus the lightning indexer (0.85B here); the repository lists 685B with the MTP module" },
  },
  {
    id: "qwen3-next-80b-a3b",
    spec: {"name": "Qwen3-Next 80B-A3B (Gated DeltaNet + gated attention, MoE)", "vocabSize": 151936, "hiddenSize": 2048, "numLayers": 48, "attention": {"kind": "standard", "numHeads": 16, "numKvHeads": 2, "headDim": 256, "qkvBias": false, "outBias": false, "qkNorm": "head", "outputGate": true}, "mlp": {"gated": true, "intermediateSize": 5120, "activation": "silu", "bias": false}, "norm": {"kind": "rmsnorm", "affine": true, "bias": false, "perLayer": 2, "final": true}, "positions": {"kind": "rotary", "fraction": 0.25}, "tiedEmbeddings": false, "moe": {"numExperts": 512, "expertsPerToken": 10, "expertIntermediateSize": 512, "numSharedExperts": 1, "sharedExpertIntermediateSize": 512, "sharedExpertGate": true, "routerBias": false, "firstDenseLayers": 0}, "linearAttention": {"kind": "gated-deltanet", "layers": [0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, 16, 17, 18, 20, 21, 22, 24, 25, 26, 28, 29, 30, 32, 33, 34, 36, 37, 38, 40, 41, 42, 44, 45, 46], "numKeyHeads": 16, "numValueHeads": 32, "keyHeadDim": 128, "valueHeadDim": 128, "convKernel": 4}},
    citation: { label: "Qwen3-Next-80B-A3B config.json", reference: "Qwen Team 2025, Qwen3-Next model card; Hugging Face Qwen/Qwen3-Next-80B-A3B-Instruct, config.json", url: "https://huggingface.co/Qwen/Qwen3-Next-80B-A3B-Instruct" },
    hfRepo: "Qwen/Qwen3-Next-80B-A3B-Instruct",
    published: { total: "80000000000", active: "3000000000", note: "80B total / 3B activated (model card); counted here 79.67B, and 3.25B activated without embedding and LM head" },
  },
  {
    id: "falcon-h1-tiny-90m",
    spec: {"name": "Falcon-H1 Tiny 90M (Mamba-2 + attention)", "vocabSize": 32768, "hiddenSize": 512, "numLayers": 24, "attention": {"kind": "standard", "numHeads": 8, "numKvHeads": 2, "headDim": 64, "qkvBias": false, "outBias": false, "qkNorm": "none"}, "mlp": {"gated": true, "intermediateSize": 768, "activation": "silu", "bias": false}, "norm": {"kind": "rmsnorm", "affine": true, "bias": false, "perLayer": 2, "final": true}, "positions": {"kind": "rotary", "fraction": 1}, "tiedEmbeddings": true, "ssm": {"kind": "mamba2", "numHeads": 24, "headDim": 32, "stateSize": 64, "numGroups": 1, "convKernel": 4, "convBias": true, "projBias": false, "gatedNorm": false}},
    citation: { label: "Falcon-H1-Tiny-90M config.json", reference: "TII 2025, Falcon-H1: A Family of Hybrid-Head Language Models; Hugging Face tiiuae/Falcon-H1-Tiny-90M-Instruct, config.json", url: "https://huggingface.co/tiiuae/Falcon-H1-Tiny-90M-Instruct" },
    hfRepo: "tiiuae/Falcon-H1-Tiny-90M-Instruct",
    published: { note: "90M (the model's name); counted here 91,131,072" },
  },
  {
    id: "gpt3-175b",
    spec: {
      name: "GPT-3 175B", vocabSize: 50257, hiddenSize: 12288, numLayers: 96,
      attention: { kind: "standard", numHeads: 96, numKvHeads: 96, headDim: 128, qkvBias: true, outBias: true, qkNorm: "none" },
      mlp: { gated: false, intermediateSize: 49152, activation: "gelu_tanh", bias: true },
      norm: { kind: "layernorm", affine: true, bias: true, perLayer: 2, final: true },
      positions: { kind: "learned", maxPositions: 2048 }, tiedEmbeddings: true,
    },
    citation: { label: "Brown et al. 2020, Table 2.1", reference: "Brown et al. 2020, Language Models are Few-Shot Learners", locator: "Table 2.1 (n_layers 96, d_model 12288, n_heads 96, d_head 128, n_ctx 2048); GPT-2 architecture otherwise (Section 2.1)", url: "https://arxiv.org/abs/2005.14165" },
    published: { total: "174600000000", note: "174.6B (Table D.1); the alternating sparse attention of GPT-3 does not change the parameter count" },
  },
  {
    id: "chinchilla-70b",
    spec: {
      name: "Chinchilla 70B", vocabSize: 32000, hiddenSize: 8192, numLayers: 80,
      attention: { kind: "standard", numHeads: 64, numKvHeads: 64, headDim: 128, qkvBias: true, outBias: true, qkNorm: "none" },
      mlp: { gated: false, intermediateSize: 32768, activation: "gelu", bias: true },
      norm: { kind: "layernorm", affine: true, bias: true, perLayer: 2, final: true },
      positions: { kind: "relative" }, tiedEmbeddings: true,
    },
    citation: { label: "Hoffmann et al. 2022, Table 4", reference: "Hoffmann et al. 2022, Training Compute-Optimal Large Language Models", locator: "Table 4 (layers 80, heads 64, key/value size 128, d_model 8192); parameter accounting as nanoGPT's scaling_laws notebook reproduces Table A9", url: "https://arxiv.org/abs/2203.15556" },
    published: { total: "70000000000", note: "70B (Table 4)" },
  },
  {
    id: "gopher-280b",
    spec: {
      name: "Gopher 280B", vocabSize: 32000, hiddenSize: 16384, numLayers: 80,
      attention: { kind: "standard", numHeads: 128, numKvHeads: 128, headDim: 128, qkvBias: true, outBias: true, qkNorm: "none" },
      mlp: { gated: false, intermediateSize: 65536, activation: "gelu", bias: true },
      norm: { kind: "layernorm", affine: true, bias: true, perLayer: 2, final: true },
      positions: { kind: "relative" }, tiedEmbeddings: true,
    },
    citation: { label: "Rae et al. 2021, Table 1", reference: "Rae et al. 2021, Scaling Language Models: Methods, Analysis & Insights from Training Gopher", locator: "Table 1 (layers 80, heads 128, key/value size 128, d_model 16384)", url: "https://arxiv.org/abs/2112.11446" },
    published: { total: "280000000000", note: "280B (Table 1)" },
  },
  {
    id: "palm-540b",
    spec: {
      name: "PaLM 540B", vocabSize: 256000, hiddenSize: 18432, numLayers: 118,
      attention: { kind: "standard", numHeads: 48, numKvHeads: 1, headDim: 256, qkvBias: false, outBias: false, qkNorm: "none" },
      mlp: { gated: true, intermediateSize: 73728, activation: "silu", bias: false },
      norm: { kind: "layernorm", affine: true, bias: false, perLayer: 1, final: true },
      positions: { kind: "rotary", fraction: 1 }, tiedEmbeddings: true, parallelBlock: true,
    },
    citation: { label: "Chowdhery et al. 2022, Table 1 and Section 2", reference: "Chowdhery et al. 2022, PaLM: Scaling Language Modeling with Pathways", locator: "Table 1 (118 layers, 48 heads, d_model 18432, head size 256); Section 2: SwiGLU, parallel layers, multi-query attention, RoPE, shared input-output embeddings, no biases, 256k vocabulary", url: "https://arxiv.org/abs/2204.02311" },
    published: { total: "540350000000", note: "540.35B (Appendix B uses N = 540.35B)" },
  },
  {
    id: "llama-3.1-70b",
    spec: {
      name: "Llama 3.1 70B", vocabSize: 128256, hiddenSize: 8192, numLayers: 80,
      attention: { kind: "standard", numHeads: 64, numKvHeads: 8, headDim: 128, qkvBias: false, outBias: false, qkNorm: "none" },
      mlp: { gated: true, intermediateSize: 28672, activation: "silu", bias: false },
      norm: { kind: "rmsnorm", affine: true, bias: false, perLayer: 2, final: true },
      positions: { kind: "rotary", fraction: 1 }, tiedEmbeddings: false,
    },
    citation: { label: "Llama 3.1 70B", reference: "Llama Team 2024, The Llama 3 Herd of Models, Table 3; Hugging Face meta-llama/Llama-3.1-70B config.json", url: "https://huggingface.co/meta-llama/Llama-3.1-70B" },
    hfRepo: "meta-llama/Llama-3.1-70B",
    published: { total: "70553706496", note: "70.6B (model card); 70,553,706,496 from the checkpoint" },
  },
  {
    id: "llama-3.1-405b",
    spec: {
      name: "Llama 3.1 405B", vocabSize: 128256, hiddenSize: 16384, numLayers: 126,
      attention: { kind: "standard", numHeads: 128, numKvHeads: 8, headDim: 128, qkvBias: false, outBias: false, qkNorm: "none" },
      mlp: { gated: true, intermediateSize: 53248, activation: "silu", bias: false },
      norm: { kind: "rmsnorm", affine: true, bias: false, perLayer: 2, final: true },
      positions: { kind: "rotary", fraction: 1 }, tiedEmbeddings: false,
    },
    citation: { label: "Llama 3.1 405B", reference: "Llama Team 2024, The Llama 3 Herd of Models, Table 3 (126 layers, model dimension 16,384, FFN dimension 53,248, 128 heads, 8 KV heads, vocabulary 128,000 + 256)", url: "https://arxiv.org/abs/2407.21783" },
    hfRepo: "meta-llama/Llama-3.1-405B",
    published: { total: "405000000000", note: "405B (paper, rounded)" },
  },
  {
    id: "deepseek-v2-lite",
    spec: {
      name: "DeepSeek-V2-Lite (MoE, MLA)", vocabSize: 102400, hiddenSize: 2048, numLayers: 27,
      attention: { kind: "mla", numHeads: 16, qLoraRank: null, kvLoraRank: 512, qkNopeHeadDim: 128, qkRopeHeadDim: 64, vHeadDim: 128, bias: false },
      mlp: { gated: true, intermediateSize: 10944, activation: "silu", bias: false },
      moe: { numExperts: 64, expertsPerToken: 6, expertIntermediateSize: 1408, numSharedExperts: 2, sharedExpertIntermediateSize: 1408, sharedExpertGate: false, routerBias: false, firstDenseLayers: 1 },
      norm: { kind: "rmsnorm", affine: true, bias: false, perLayer: 2, final: true },
      positions: { kind: "rotary", fraction: 1 }, tiedEmbeddings: false,
    },
    citation: { label: "DeepSeek-V2-Lite", reference: "DeepSeek-AI 2024, DeepSeek-V2: A Strong, Economical, and Efficient Mixture-of-Experts Language Model, Appendix B; Hugging Face deepseek-ai/DeepSeek-V2-Lite config.json", url: "https://huggingface.co/deepseek-ai/DeepSeek-V2-Lite" },
    hfRepo: "deepseek-ai/DeepSeek-V2-Lite",
    published: { total: "15700000000", active: "2400000000", note: "15.7B total, 2.4B activated (paper, Appendix B; its activated figure leaves out the 0.21B embedding, which counts here)" },
  },
  {
    id: "post-hypothetical",
    spec: {
      name: `The post's GPT-4-class inputs (E=${POST_INPUTS.E}, V=200k, L=${POST_INPUTS.L})`, vocabSize: POST_INPUTS.V, hiddenSize: POST_INPUTS.E, numLayers: POST_INPUTS.L,
      attention: { kind: "standard", numHeads: POST_INPUTS.H, numKvHeads: POST_INPUTS.H, headDim: POST_INPUTS.E / POST_INPUTS.H, qkvBias: false, outBias: false, qkNorm: "none" },
      mlp: { gated: false, intermediateSize: 4 * POST_INPUTS.E, activation: "gelu", bias: false },
      norm: { kind: "layernorm", affine: true, bias: false, perLayer: 2, final: true },
      positions: { kind: "rotary", fraction: 1 }, tiedEmbeddings: false,
    },
    citation: { label: "splatlabs, How many FLOPs", reference: "The seed blog post: E = 4096, V = 200,000, L = 100 and H = 8 (its REPL line); the MLP width and norms are not given, so the plain transformer GPT4o's formula describes is assumed: 8 heads of E/H = 512, a 4E two-layer MLP", url: SEED_POST.url },
    hypothetical: true,
  },
  {
    id: "grok-sized-1e11",
    spec: {
      name: "A 10¹¹-parameter model built like the post's (E=8192, L=124)", vocabSize: POST_INPUTS.V, hiddenSize: GROK_SIZED_SHAPE.E, numLayers: GROK_SIZED_SHAPE.L,
      attention: { kind: "standard", numHeads: GROK_SIZED_SHAPE.H, numKvHeads: GROK_SIZED_SHAPE.H, headDim: GROK_SIZED_SHAPE.E / GROK_SIZED_SHAPE.H, qkvBias: false, outBias: false, qkNorm: "none" },
      mlp: { gated: false, intermediateSize: 4 * GROK_SIZED_SHAPE.E, activation: "gelu", bias: false },
      norm: { kind: "layernorm", affine: true, bias: false, perLayer: 2, final: true },
      positions: { kind: "rotary", fraction: 1 }, tiedEmbeddings: false,
    },
    citation: { label: "this project, for Grok's N = 10¹¹", reference: "Grok's conservative N = 10¹¹ as a model built like the post's (multi-head attention with heads of 512, a 4E two-layer MLP, V = 200,000): E = 8192 and L = 124 give 12·L·E² = 99,857,989,632 non-embedding weights, so Grok's 2·N·S can be compared like for like" },
    hypothetical: true,
  },
];

/** The preset with this id; an unknown id throws an error that lists the valid ones. */
export function presetById(id: string): Preset {
  const preset = PRESETS.find((p) => p.id === id);
  if (!preset) throw new RangeError(`unknown preset "${id.slice(0, 60)}" (known: ${PRESETS.map((p) => p.id).join(", ")})`);
  return preset;
}
