/**
 * The symbols the explainer uses, once: one symbol for one quantity on every
 * page, with the names the post and the papers give the same quantity and the
 * config.json key it is read from. The /notation/ page renders this table.
 */

/** One quantity: this site's symbol and the other names it goes by. */
export interface NotationSymbol {
  /** The symbol as TeX, e.g. "d_{\\text{attn}}". */
  latex: string;
  /** What it is, in a reader's words; `$…$` is inline TeX. */
  meaning: string;
  /** The same quantity in the post and the papers, as TeX with who writes it so. */
  elsewhere: ReadonlyArray<{ latex: string; who: string }>;
  /** The Hugging Face config.json key, when there is one. */
  configKey?: string;
}

export const NOTATION: readonly NotationSymbol[] = [
  {
    latex: "d",
    meaning: "hidden size: the width of the residual stream, of every token's vector between layers",
    elsewhere: [
      { latex: "E", who: "the post, GPT4o’s “embedding dimension”" },
      { latex: "d_{\\text{model}}", who: "Kaplan et al." },
      { latex: "h", who: "Megatron-LM" },
    ],
    configKey: "hidden_size",
  },
  {
    latex: "H",
    meaning: "query heads per attention layer",
    elsewhere: [{ latex: "n_\\text{heads}", who: "Kaplan et al." }],
    configKey: "num_attention_heads",
  },
  {
    latex: "H_{kv}",
    meaning: "key/value heads: $H$ for multi-head attention, fewer for grouped-query attention (GQA), 1 for multi-query",
    elsewhere: [],
    configKey: "num_key_value_heads",
  },
  {
    latex: "d_h",
    meaning: "width of one head (usually $d/H$)",
    elsewhere: [
      { latex: "k", who: "Chinchilla’s key_size" },
      { latex: "Q", who: "PaLM" },
    ],
    configKey: "head_dim",
  },
  {
    latex: "d_{\\text{attn}}",
    meaning: "attention width $H\\cdot d_h$: the width of the queries and of the attention output (equal to $d$ in most models, not in all)",
    elsewhere: [{ latex: "d_{\\text{attn}}", who: "Kaplan et al." }],
  },
  {
    latex: "d_{ff}",
    meaning: "MLP hidden width ($4d$ in GPT-style models)",
    elsewhere: [{ latex: "d_{\\text{ff}}", who: "Kaplan et al.; Chinchilla’s ffw_size" }],
    configKey: "intermediate_size",
  },
  {
    latex: "m",
    meaning: "matrices per MLP: 2 (up, down), or 3 when gated (gate, up, down)",
    elsewhere: [],
  },
  {
    latex: "L",
    meaning: "layers (transformer blocks)",
    elsewhere: [
      { latex: "n_{\\text{layer}}", who: "Kaplan et al." },
      { latex: "l", who: "Megatron-LM" },
    ],
    configKey: "num_hidden_layers",
  },
  {
    latex: "V",
    meaning: "vocabulary size: the rows of the embedding and of the LM head",
    elsewhere: [{ latex: "n_{\\text{vocab}}", who: "Kaplan et al." }],
    configKey: "vocab_size",
  },
  {
    latex: "S",
    meaning: "context length: the tokens a new token attends to (the prompt and what was generated so far)",
    elsewhere: [
      { latex: "n_{\\text{ctx}}", who: "Kaplan et al." },
      { latex: "s", who: "Megatron-LM" },
      { latex: "T", who: "PaLM" },
    ],
  },
  {
    latex: "N",
    meaning: "parameters that multiply each token: every weight matrix the token passes through, the LM head included, the embedding lookup (a read, not a product) left out",
    elsewhere: [
      { latex: "N", who: "Kaplan et al., without the LM head" },
      { latex: "N", who: "Grok, all parameters" },
    ],
  },
  {
    latex: "N_{\\text{active}}",
    meaning: "in a mixture of experts, the parameters one token uses: the shared weights and its $k$ routed experts ($N_{\\text{active}} = N$ for a dense model)",
    elsewhere: [],
  },
  {
    latex: "n_{\\text{exp}}",
    meaning: "routed experts per MoE layer",
    elsewhere: [],
    configKey: "num_local_experts, n_routed_experts",
  },
  {
    latex: "k",
    meaning: "experts each token is routed to (top-k)",
    elsewhere: [],
    configKey: "num_experts_per_tok",
  },
  {
    latex: "B",
    meaning: "batch: sequences decoded together in one step",
    elsewhere: [],
  },
  {
    latex: "D",
    meaning: "training tokens",
    elsewhere: [],
  },
];
