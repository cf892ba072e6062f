/// <reference types="vite/client" />
/**
 * A read-only copy of exactly the files the notebooks read with node:fs
 * (notebooks/data/: notebook 04 imports a Hugging Face config.json), for
 * `readFileSync` in the browser runtime. Paths are from the repository root,
 * as under tslab. Nothing here comes from the test suite.
 */
const FILES = import.meta.glob<string>(["/notebooks/data/*.json"], { query: "?raw", import: "default", eager: true });

export function fileSystem(): Record<string, unknown> {
  const read = (path: unknown, encoding?: unknown): string => {
    const key = `/${String(path).replace(/^\.?\//, "")}`;
    const text = FILES[key];
    if (text === undefined) {
      const error = new Error(`ENOENT: no such file in the browser's copy of the project: '${String(path)}' (available: ${Object.keys(FILES).map((name) => name.slice(1)).join(", ")})`);
      (error as Error & { code: string }).code = "ENOENT";
      throw error;
    }
    if (encoding === undefined) throw new Error("readFileSync without an encoding returns a Buffer, which the browser runtime does not have; pass \"utf8\"");
    return text;
  };
  const existsSync = (path: unknown): boolean => FILES[`/${String(path).replace(/^\.?\//, "")}`] !== undefined;
  const fs = { readFileSync: read, existsSync };
  return { ...fs, default: fs };
}
