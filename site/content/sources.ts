/**
 * Every work the explainer cites, once: the core's citations (the formulas'
 * papers, the energy measurements, the datasheets, the model configs) and the
 * few works only the prose cites. Each notebook ends with a "References"
 * markdown cell listing the sources its text names
 * (`npm run notebooks:references` writes it from this list). Links are only
 * links: nothing is fetched from them at build or read time.
 */
import type { Citation } from "../../src/core/formula";
import { CHOWDHERY_2022, HOFFMANN_2022, KAPLAN_2020, NARAYANAN_2021, SEED_POST } from "../../src/core/formulas/sources";
import { ML_ENERGY_SOURCE } from "../../src/core/energy/measured";
import { EPOCH_GPT4O_QUERY } from "../../src/core/energy/epoch";
import { GOOGLE_GEMINI_PROMPT } from "../../src/core/energy/google";
import { HARDWARE_PRESETS } from "../../src/core/energy/hardware";
import { DEEPSEEK_V3_SERVICE, FLASH_MLA_H800 } from "../../src/core/inference/moe";
import { LLAMA3_405B_TRAINING } from "../../src/core/inference/training";
import { PRESETS } from "../../src/core/presets";
import { LONG_CONTEXT_PRESET_IDS } from "../../src/core/long-context";

/** A cited work with its address, and how a notebook shows that it cites it. */
export interface Source extends Citation {
  id: string;
  url: string;
  /** Cited when a markdown cell's prose matches this. */
  prose?: RegExp;
  /** Cited when a code cell's source matches this (a preset or GPU the cell uses). */
  code?: RegExp;
}

function withUrl(id: string, citation: Citation, match: Pick<Source, "prose" | "code">): Source {
  if (!citation.url) throw new Error(`source ${id} (${citation.label}) has no URL`);
  return { id, label: citation.label, reference: citation.reference, url: citation.url, ...match };
}

const quoted = (id: string): RegExp => new RegExp(`["']${id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}["']`);

export const SOURCES: readonly Source[] = [
  withUrl("seed-post", SEED_POST, { prose: /\bthe post\b|splatlabs|GPT4o|Grok/i }),
  withUrl("kaplan-2020", KAPLAN_2020, { prose: /Kaplan/ }),
  withUrl("hoffmann-2022", HOFFMANN_2022, { prose: /Chinchilla|Hoffmann/ }),
  withUrl("chowdhery-2022", CHOWDHERY_2022, { prose: /PaLM|Chowdhery/ }),
  withUrl("narayanan-2021", NARAYANAN_2021, { prose: /Megatron|Narayanan/ }),
  {
    id: "shoeybi-2019",
    label: "Shoeybi et al. 2019",
    reference: "M. Shoeybi et al., “Megatron-LM: Training Multi-Billion Parameter Language Models Using Model Parallelism”, arXiv:1909.08053 (2019)",
    url: "https://arxiv.org/abs/1909.08053",
    prose: /tensor parallel|Megatron-LM\]\(https:\/\/arxiv\.org\/abs\/1909/,
  },
  {
    id: "huang-2019",
    label: "Huang et al. 2019",
    reference: "Y. Huang et al., “GPipe: Efficient Training of Giant Neural Networks using Pipeline Parallelism”, NeurIPS 2019, arXiv:1811.06965",
    url: "https://arxiv.org/abs/1811.06965",
    prose: /GPipe/,
  },
  {
    id: "pope-2022",
    label: "Pope et al. 2022",
    reference: "R. Pope et al., “Efficiently Scaling Transformer Inference”, MLSys 2023, arXiv:2211.05102",
    url: "https://arxiv.org/abs/2211.05102",
    prose: /Pope/,
  },
  {
    id: "kipply-2022",
    label: "kipply 2022",
    reference: "C. Chen (kipply), “Transformer Inference Arithmetic” (blog post, 2022)",
    url: "https://kipp.ly/transformer-inference-arithmetic/",
    prose: /kipply/,
  },
  {
    id: "scaling-book",
    label: "Austin et al. 2025, “How to Scale Your Model”",
    reference: "J. Austin et al., “How to Scale Your Model”, chapter “All About Transformer Inference” (Google DeepMind, 2025)",
    url: "https://jax-ml.github.io/scaling-book/inference/",
    prose: /scaling book|scaling-book/i,
  },
  {
    id: "leviathan-2023",
    label: "Leviathan et al. 2023",
    reference: "Y. Leviathan, M. Kalman, Y. Matias, “Fast Inference from Transformers via Speculative Decoding”, ICML 2023, arXiv:2211.17192",
    url: "https://arxiv.org/abs/2211.17192",
    prose: /Leviathan|speculative decoding/i,
  },
  {
    id: "calflops",
    label: "calflops",
    reference: "X. Ye, calflops: a FLOPs and parameter calculator for neural networks in PyTorch (calculate-flops.pytorch, README: Llama-2-7B, 128 tokens)",
    url: "https://github.com/MrYxJ/calculate-flops.pytorch",
    prose: /calflops/,
  },
  withUrl("ml-energy", ML_ENERGY_SOURCE, { prose: /ML\.ENERGY/, code: /\bML_ENERGY_/ }),
  {
    id: "ml-energy-v3-analysis",
    label: "ML.ENERGY, v3 leaderboard analysis",
    reference: "ML.ENERGY, “Diagnosing inference energy consumption with the ML.ENERGY Leaderboard v3.0” (blog post)",
    url: "https://ml.energy/blog/measurement/energy/diagnosing-inference-energy-consumption-with-the-mlenergy-leaderboard-v30",
    prose: /ML\.ENERGY's v3 analysis/,
  },
  withUrl("epoch-2025", EPOCH_GPT4O_QUERY.citation, { prose: /Epoch/, code: /\bepochQueryEnergy\b|\bEPOCH_/ }),
  withUrl("google-2025", GOOGLE_GEMINI_PROMPT.citation, { prose: /Gemini|Google/, code: /\bgeminiPromptTokens\b|\bGOOGLE_GEMINI/ }),
  withUrl("llama-3-training", LLAMA3_405B_TRAINING.citation, { code: /\bLLAMA3_405B_TRAINING\b/ }),
  withUrl("deepseek-inference", DEEPSEEK_V3_SERVICE.citation, { prose: /inference system overview/, code: /\bDEEPSEEK_V3_SERVICE\b/ }),
  withUrl("flashmla", FLASH_MLA_H800.citation, { prose: /FlashMLA/, code: /\bFLASH_MLA_H800\b/ }),
  ...HARDWARE_PRESETS.map((hardware) => withUrl(`gpu:${hardware.id}`, hardware.citation, { code: new RegExp(`${quoted(hardware.id).source}|HARDWARE_PRESETS`) })),
  ...PRESETS.filter((preset) => preset.citation.url && preset.id !== "post-hypothetical").map((preset) =>
    withUrl(`model:${preset.id}`, preset.citation, {
      // Named in the code, or through a list of the core's that holds it.
      code: new RegExp(`${quoted(preset.id).source}|\\bPRESETS\\.${LONG_CONTEXT_PRESET_IDS.includes(preset.id) ? "|\\bLONG_CONTEXT_PRESET_IDS\\b" : ""}`),
    }),
  ),
];

/**
 * The sources a notebook cites: its prose names them, or its code uses their
 * model or GPU. One entry per address, in the order of SOURCES.
 */
export function citedSources(prose: string, code: string): Source[] {
  const cited = SOURCES.filter((source) => (source.prose?.test(prose) ?? false) || (source.code?.test(code) ?? false));
  return cited.filter((source, index) => cited.findIndex((other) => other.url === source.url) === index);
}

/** A source by id, for a link written `[text](source:id)`; an unknown id names where it was written. */
export function sourceById(id: string, where: string): Source {
  const source = SOURCES.find((candidate) => candidate.id === id);
  if (!source) throw new Error(`${where}: source:${id} is not in site/content/sources.ts (ids: ${SOURCES.filter((s) => !s.id.includes(":")).map((s) => s.id).join(", ")})`);
  return source;
}

/** The heading every notebook's last cell starts with. */
export const REFERENCES_HEADING = "## References";

/**
 * The references cell's Markdown: one item per source, its label linked to its
 * address; the works first, then the model configurations and datasheets.
 */
export function referencesMarkdown(sources: readonly Source[]): string {
  const item = (source: Source): string => `- [${escapeMarkdown(source.label)}](${source.url}): ${escapeMarkdown(source.reference)}`;
  const isData = (source: Source): boolean => source.id.startsWith("model:") || source.id.startsWith("gpu:");
  const works = sources.filter((source) => !isData(source)).map(item);
  const data = sources.filter(isData).map(item);
  const parts = [REFERENCES_HEADING, works.join("\n")];
  if (data.length) parts.push("Model configurations and datasheets:", data.join("\n"));
  return parts.filter((part) => part !== "").join("\n\n");
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\[\]*_`$])/g, "\\$1");
}
