import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { NOTEBOOK_QUESTIONS, notebookQuestion } from "../../../site/content/notebook-questions";

describe("the list of notebooks", () => {
  const ids = readdirSync("notebooks").filter((name) => name.endsWith(".ipynb")).map((name) => name.replace(/\.ipynb$/, ""));

  it("says in one line what every notebook answers, and names no notebook that does not exist", () => {
    for (const id of ids) expect(notebookQuestion(id), id).toMatch(/\?$/);
    expect(Object.keys(NOTEBOOK_QUESTIONS).sort()).toEqual([...ids].sort());
  });
});
