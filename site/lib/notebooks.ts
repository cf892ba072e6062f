import { getCollection, type CollectionEntry } from "astro:content";

export type NotebookEntry = CollectionEntry<"notebooks">;

/** The published notebooks in file-name order. */
export async function notebooksInOrder(): Promise<NotebookEntry[]> {
  return (await getCollection("notebooks")).sort((a, b) => a.data.order - b.data.order);
}
