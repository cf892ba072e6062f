import type { APIRoute, GetStaticPaths } from "astro";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { notebooksInOrder } from "../../lib/notebooks";

/** Each notebook's .ipynb, byte for byte, next to its page: the "download this notebook" link. */
export const getStaticPaths = (async () =>
  (await notebooksInOrder()).map((entry) => ({ params: { slug: entry.id }, props: { file: entry.data.file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const body = readFileSync(resolve(process.cwd(), String(props.file)));
  return new Response(body, { headers: { "Content-Type": "application/x-ipynb+json" } });
};
