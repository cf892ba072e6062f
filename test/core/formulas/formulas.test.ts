import katex from "katex";
import { describe, expect, it } from "vitest";
import { evaluateFormula, exampleValues, type Formula } from "../../../src/core/formula";
import { FORMULAS, formulaById } from "../../../src/core/formulas";

/** True when every unescaped { has its } and none closes early. */
function bracesBalanced(latex: string): boolean {
  let depth = 0;
  for (let i = 0; i < latex.length; i++) {
    const char = latex[i];
    if (char === "\\") {
      i++; // skip the escaped character: \{ and \} are literal braces
      continue;
    }
    if (char === "{") depth++;
    if (char === "}" && --depth < 0) return false;
  }
  return depth === 0;
}

function latexOf(formula: Formula): string[] {
  return [formula.latex, ...formula.terms.map((term) => term.latex), ...formula.variables.map((variable) => variable.latex)];
}

describe("bracesBalanced", () => {
  it("tells balanced from unbalanced LaTeX", () => {
    expect(bracesBalanced("d_{\\text{model}}")).toBe(true);
    expect(bracesBalanced("\\{ x \\}")).toBe(true);
    expect(bracesBalanced("d_{\\text{model}")).toBe(false);
    expect(bracesBalanced("}{")).toBe(false);
  });
});

describe("FORMULAS", () => {
  it("has unique ids", () => {
    const ids = FORMULAS.map((formula) => formula.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  describe.each(FORMULAS.map((formula) => [formula.id, formula] as const))("%s", (_id, formula) => {
    it("has non-empty, brace-balanced LaTeX that KaTeX renders", () => {
      for (const latex of latexOf(formula)) {
        expect(latex.trim()).not.toBe("");
        expect(bracesBalanced(latex), latex).toBe(true);
        expect(() => katex.renderToString(latex, { throwOnError: true, strict: "error" }), latex).not.toThrow();
      }
    });

    it("describes itself: title, quantity, source, notes, variables with meanings and examples", () => {
      expect(formula.title).not.toBe("");
      expect(formula.quantity).not.toBe("");
      expect(formula.source.label).not.toBe("");
      expect(formula.source.reference).not.toBe("");
      if (formula.source.url !== undefined) expect(formula.source.url).toMatch(/^https:\/\//);
      expect(formula.notes?.length ?? 0).toBeGreaterThan(0);
      expect(formula.variables.length).toBeGreaterThan(0);
      for (const variable of formula.variables) {
        expect(variable.meaning).not.toBe("");
        expect(typeof variable.example).toBe("bigint");
      }
      expect(new Set(formula.variables.map((variable) => variable.name)).size).toBe(formula.variables.length);
    });

    it("has terms with unique ids, labels and claims", () => {
      expect(formula.terms.length).toBeGreaterThan(0);
      expect(new Set(formula.terms.map((term) => term.id)).size).toBe(formula.terms.length);
      for (const term of formula.terms) {
        expect(term.label).not.toBe("");
        expect(term.claim).not.toBe("");
      }
    });

    it("evaluates its example values, and its total is the sum of its terms", () => {
      const values = exampleValues(formula);
      const result = evaluateFormula(formula, values);
      expect(result.formula).toBe(formula.id);
      expect(result.terms.map((term) => term.id)).toEqual(formula.terms.map((term) => term.id));
      const sum = formula.terms.reduce((total, term) => total + term.evaluate(values), 0n);
      expect(result.total).toBe(sum);
      expect(result.total).toBe(result.terms.reduce((total, term) => total + term.value, 0n));
      for (const term of result.terms) expect(term.value).toBeGreaterThan(0n);
    });

    it("reads only its declared variables, and every one of them matters", () => {
      const values = exampleValues(formula);
      const declared = new Set(formula.variables.map((variable) => variable.name));
      const guarded = new Proxy(values, {
        get(target, key) {
          if (typeof key === "string" && !declared.has(key)) throw new Error(`term read undeclared variable ${key}`);
          return Reflect.get(target, key);
        },
      });
      for (const term of formula.terms) expect(() => term.evaluate(guarded)).not.toThrow();

      const total = evaluateFormula(formula, values).total;
      for (const variable of formula.variables) {
        const doubled = { ...values, [variable.name]: 2n * (values[variable.name] ?? 0n) };
        expect(evaluateFormula(formula, doubled).total, variable.name).not.toBe(total);
      }
    });

    it("rejects a missing variable by name", () => {
      const [first] = formula.variables;
      if (!first) throw new Error("no variables");
      const values: Record<string, bigint> = { ...exampleValues(formula) };
      delete values[first.name];
      expect(() => evaluateFormula(formula, values)).toThrow(new RegExp(`variable ${first.name}\\b`));
    });
  });
});

describe("formulaById", () => {
  it("finds every formula by its id", () => {
    for (const formula of FORMULAS) expect(formulaById(formula.id)).toBe(formula);
  });

  it("names the unknown id and lists the valid ones", () => {
    expect(() => formulaById("gpt5")).toThrow(/unknown formula id "gpt5"/);
    expect(() => formulaById("gpt5")).toThrow(/gpt4o, gpt4o-repl, grok/);
    try {
      formulaById("nope");
    } catch (error) {
      for (const formula of FORMULAS) expect((error as Error).message).toContain(formula.id);
    }
  });
});
