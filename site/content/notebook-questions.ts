/**
 * What each notebook answers, in one line, for the list of notebooks. Keyed by
 * the notebook's id (its file name without .ipynb); a notebook without an
 * entry is listed by its title alone.
 */
export const NOTEBOOK_QUESTIONS: Readonly<Record<string, string>> = {
  "01-the-question": "What does GPT4o’s formula count, term by term, and where does it go wrong?",
  "02-grok-2ns": "Which regime does Grok’s 2·N·S describe, and what does a KV cache cost instead?",
  "03-first-principles": "How many FLOPs does one token cost, counted from the matrix shapes and checked against a forward pass and the papers?",
  "04-real-models": "What do real models (dense, grouped-query, mixture-of-experts) spend per token at 8k and 128k of context?",
  "05-long-context": "Does a token still cost more at 128k when attention slides, chunks, picks the top keys or keeps a fixed state?",
  "06-the-answer": "How many FLOPs per token for the post’s own inputs, and how far off were the two chatbots?",
  "07-your-model": "How many FLOPs per token for a model you choose or a config.json you paste?",
  "08-power-hungry": "Why is it power hungry: how many seconds, joules and dollars does a token take on a real GPU?",
  "09-inference-arithmetic": "What do batching, bytes, parallelism, speculation, prefill, training and long answers do to the energy of serving?",
};

/** The one-line question of a notebook, or undefined. */
export function notebookQuestion(id: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(NOTEBOOK_QUESTIONS, id) ? NOTEBOOK_QUESTIONS[id] : undefined;
}
