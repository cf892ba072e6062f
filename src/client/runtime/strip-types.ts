/**
 * TypeScript to JavaScript by erasing the types: every character of a type,
 * an `interface`, a `type` alias, a modifier… becomes a space, so the script
 * keeps each token at the line and column the reader wrote it, and errors
 * need no map back. Types are erased, not checked (Jupyter's tslab checks
 * them).
 *
 * The parser is the project's TypeScript grammar (src/client/grammar:
 * Lezer's without JSX), the one the cell editor highlights with, so the
 * browser downloads it once for both. What cannot be erased (an `enum`, a
 * `namespace`, a constructor's `public x` parameter property) is refused
 * with a message, as Node's own type stripping does.
 */
import type { SyntaxNode } from "@lezer/common";
import { parser } from "../grammar/parser";
import { CellSyntaxError } from "./cell-syntax-error";

const typescript = parser.configure({ dialect: "ts" });

/** Declarations that are types only: the whole statement goes. */
const TYPE_STATEMENTS = new Set(["TypeAliasDeclaration", "InterfaceDeclaration", "AmbientDeclaration"]);
/** Type syntax inside code: the node goes. */
const TYPE_NODES = new Set(["TypeAnnotation", "TypePredicate", "TypeParamList", "TypeArgList"]);
/** Class member modifiers that exist only in TypeScript. */
const TYPE_MODIFIERS = new Set(["Privacy", "readonly", "override", "Optional"]);

const NOT_ERASABLE: Record<string, string> = {
  EnumDeclaration: "an `enum` needs code that the browser does not generate; use an object (`const Colour = { Red: 0, Green: 1 } as const`), or run this cell in Jupyter",
  NamespaceDeclaration: "a `namespace` needs code that the browser does not generate; use an object or plain declarations, or run this cell in Jupyter",
  parameterProperty: "a constructor parameter with `public`, `private`, `protected` or `readonly` needs code that the browser does not generate; assign the field in the constructor's body, or run this cell in Jupyter",
};

/** `source` with its types erased (same length, same lines); throws a CellSyntaxError where it does not parse. */
export function stripTypes(source: string): string {
  const chars = source.split("");
  const blank = (from: number, to: number): void => {
    for (let i = from; i < to; i++) if (chars[i] !== "\n" && chars[i] !== "\r") chars[i] = " ";
  };
  /** A statement that goes whole leaves a `;`, so the code around it does not join across it (ASI). */
  const blankStatement = (node: SyntaxNode): void => {
    blank(node.from, node.to);
    chars[node.from] = ";";
  };
  const late: Array<() => void> = [];
  /** Error nodes Lezer leaves where TypeScript is valid: [from, to) ranges already erased. */
  const understood: Array<[number, number]> = [];
  let problem: CellSyntaxError | undefined;
  const refuse = (offset: number, reason: string): false => {
    problem ??= CellSyntaxError.at(source, offset, reason);
    return false;
  };

  typescript.parse(source).iterate({
    enter(ref) {
      if (problem) return false;
      if (ref.type.isError) {
        if (understood.some(([from, to]) => ref.from >= from && ref.to <= to)) return false;
        return refuse(ref.from, unexpected(source, ref.from));
      }
      const node = ref.node;
      const name = ref.name;
      if (TYPE_NODES.has(name)) {
        blank(ref.from, ref.to);
        return false;
      }
      if (TYPE_STATEMENTS.has(name)) {
        blankStatement(node.parent?.name === "ExportDeclaration" ? node.parent : node);
        return false;
      }
      if (name in NOT_ERASABLE) return refuse(ref.from, NOT_ERASABLE[name]!);
      switch (name) {
        case "ImportDeclaration":
        case "ExportDeclaration":
          // `import type …`, `export type { … }`
          if (node.getChild("type")) {
            blankStatement(node);
            return false;
          }
          return undefined;
        case "ImportGroup":
        case "ExportGroup":
          // `{ a, type T }`: the type-only name goes, with its comma.
          for (let child = node.firstChild; child; child = child.nextSibling) {
            if (child.name !== "type") continue;
            let end = child.nextSibling;
            if (end?.nextSibling?.name === "as") end = end.nextSibling.nextSibling;
            const comma = end?.nextSibling?.name === "," ? end.nextSibling : undefined;
            blank(child.from, (comma ?? end ?? child).to);
          }
          return undefined;
        case "BinaryExpression": {
          // `x as T`, `x as const`, `x satisfies T`: from the keyword to the end.
          const keyword = node.getChild("as") ?? node.getChild("satisfies");
          if (keyword) blank(keyword.from, ref.to);
          return undefined;
        }
        case "PostfixExpression": {
          // `x!` (non-null assertion)
          const last = node.lastChild;
          if (last?.name === "LogicOp" && source.slice(last.from, last.to) === "!") blank(last.from, last.to);
          return undefined;
        }
        case "PropertyDeclaration":
        case "MethodDeclaration": {
          // A `declare` field, an `abstract` member or an overload signature (no body) emits nothing.
          if (node.getChild("declare") || node.getChild("abstract") || (name === "MethodDeclaration" && !node.getChild("Block"))) {
            blank(ref.from, ref.to);
            return false;
          }
          for (let child = node.firstChild; child; child = child.nextSibling) {
            const definite = child.name === "LogicOp" && name === "PropertyDeclaration" && source.slice(child.from, child.to) === "!";
            if (TYPE_MODIFIERS.has(child.name) || definite) blank(child.from, child.to);
          }
          return undefined;
        }
        case "CatchClause": {
          // `catch (error: unknown)`: TypeScript allows only `unknown` or `any` there, and Lezer's grammar no annotation.
          const binding = node.getChild("VariableDefinition");
          const close = node.getChild(")");
          if (binding && close && /^\s*:\s*(unknown|any)\s*$/.test(source.slice(binding.to, close.from))) {
            blank(binding.to, close.from);
            understood.push([binding.to, close.from]);
          }
          return undefined;
        }
        case "ParamList":
          for (let child = node.firstChild; child; child = child.nextSibling) {
            if (child.name === "Privacy" || child.name === "readonly") return refuse(child.from, NOT_ERASABLE.parameterProperty!);
            if (child.name === "Optional") blank(child.from, child.to);
            if (child.name === "this" && child.nextSibling?.name === "TypeAnnotation") {
              // `function f(this: T, …)`: the `this` parameter goes, with its comma.
              const comma = child.nextSibling.nextSibling?.name === "," ? child.nextSibling.nextSibling : child.nextSibling;
              blank(child.from, comma.to);
            }
          }
          return undefined;
        case "ClassDeclaration":
        case "ClassExpression": {
          const abstractKeyword = node.getChild("abstract");
          if (abstractKeyword) blank(abstractKeyword.from, abstractKeyword.to);
          const implementsKeyword = node.getChild("implements");
          const body = node.getChild("ClassBody");
          if (implementsKeyword && body) blank(implementsKeyword.from, body.from);
          return undefined;
        }
        case "FunctionDeclaration":
          // An overload signature: `function f(x: string): void;`
          if (!node.getChild("Block")) {
            blankStatement(node);
            return false;
          }
          return undefined;
        case "ArrowFunction": {
          // A return type over several lines would leave a line break before `=>`, which JavaScript refuses:
          // the `)` moves to the end of the erased type.
          const returnType = node.getChild("TypeAnnotation");
          const params = node.getChild("ParamList");
          if (returnType && params && source.slice(returnType.from, returnType.to).includes("\n")) {
            late.push(() => {
              chars[params.to - 1] = " ";
              chars[returnType.to - 1] = ")";
            });
          }
          return undefined;
        }
        default:
          return undefined;
      }
    },
  });
  if (problem) throw problem;
  for (const change of late) change();
  return chars.join("");
}

function unexpected(source: string, offset: number): string {
  const rest = source.slice(offset).trimStart();
  if (rest === "") return "Unexpected end of the cell";
  const token = /^(?:[\w$]+|\S)/.exec(rest)![0];
  return `Unexpected ${JSON.stringify(token)}`;
}
