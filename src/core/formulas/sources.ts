import type { Citation } from "../formula";

/**
 * The works the formulas in this folder come from. Each formula narrows the
 * citation with its own `locator` (table, appendix, line).
 */

/** The blog post that started the project: GPT-4o's and Grok's answers, pasted. */
export const SEED_POST: Citation = {
  label: "splatlabs, “How many FLOPs”",
  reference: "splatlabs, “How many FLOPs: Why are LLMs so Power Hungry?” (blog post, categories: ai; tags: llm, math-soup)",
  url: "https://splatlabs.com/posts/how-many-flops/",
};

export const KAPLAN_2020: Citation = {
  label: "Kaplan et al. 2020",
  reference: "J. Kaplan, S. McCandlish, T. Henighan, T. B. Brown, B. Chess, R. Child, S. Gray, A. Radford, J. Wu, D. Amodei, “Scaling Laws for Neural Language Models”, arXiv:2001.08361 (2020)",
  url: "https://arxiv.org/abs/2001.08361",
};

export const BROWN_2020: Citation = {
  label: "Brown et al. 2020",
  reference: "T. B. Brown et al., “Language Models are Few-Shot Learners”, NeurIPS 2020, arXiv:2005.14165",
  url: "https://arxiv.org/abs/2005.14165",
};

export const HOFFMANN_2022: Citation = {
  label: "Hoffmann et al. 2022",
  reference: "J. Hoffmann et al., “Training Compute-Optimal Large Language Models” (Chinchilla), arXiv:2203.15556 (2022)",
  url: "https://arxiv.org/abs/2203.15556",
};

export const CHOWDHERY_2022: Citation = {
  label: "Chowdhery et al. 2022",
  reference: "A. Chowdhery et al., “PaLM: Scaling Language Modeling with Pathways”, arXiv:2204.02311 (2022)",
  url: "https://arxiv.org/abs/2204.02311",
};

export const NARAYANAN_2021: Citation = {
  label: "Narayanan et al. 2021",
  reference: "D. Narayanan et al., “Efficient Large-Scale Language Model Training on GPU Clusters Using Megatron-LM”, SC ’21, arXiv:2104.04473",
  url: "https://arxiv.org/abs/2104.04473",
};

/** The same citation with a locator inside the work (and a more precise label). */
export function cite(work: Citation, locator: string): Citation {
  return { ...work, label: `${work.label}, ${locator}`, locator };
}
