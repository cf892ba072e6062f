import { defineCollection } from "astro:content";
import { z } from "astro/zod";
import { notebooksLoader } from "./loaders/notebooks";

const heading = z.object({ depth: z.number(), slug: z.string(), text: z.string(), html: z.string() });

/** The published notebooks: notebooks/*.ipynb, or HMF_NOTEBOOKS (the tests' fixture notebooks). */
const notebooks = defineCollection({
  loader: notebooksLoader({ dir: process.env.HMF_NOTEBOOKS ?? "notebooks", freshness: process.env.HMF_NOTEBOOK_FRESHNESS !== "off" }),
  schema: z.object({
    /** Position in file-name order, from 0. */
    order: z.number(),
    /** Path from the project root, e.g. "notebooks/03-first-principles.ipynb". */
    file: z.string(),
    title: z.string(),
    headings: z.array(heading),
    anchors: z.array(z.string()),
    styleHashes: z.array(z.string()),
    islands: z.array(z.string()),
  }),
});

export const collections = { notebooks };
