import { describe, expect, it } from "vitest";
import { ISLAND_MIME, IslandInputError, escapeHtml, type IslandDefinition } from "../../src/islands/island";
import { islandBundle } from "../../src/notebook/island";
import { notebookDocument, type ServerDocument } from "../../src/notebook/document";
import { prettyMarkup, textOf } from "./markup";

interface FakeProps {
  context: bigint;
  label: string;
}

/** A small island written against the contract in src/islands/island.ts: it doubles the context. */
const fake: IslandDefinition<FakeProps> = {
  name: "context-sweep",
  title: "Context sweep",
  parseProps(raw) {
    const props = raw as Record<string, unknown>;
    if (typeof props.context !== "string" || !/^\d+$/.test(props.context)) throw new IslandInputError("context", "must be a decimal string");
    if (typeof props.label !== "string") throw new IslandInputError("label", "must be a string");
    return { context: BigInt(props.context), label: props.label };
  },
  toQuery: (props) => ({ context: props.context.toString() }),
  fromQuery: (query, base) => ({ ...base, context: BigInt(query.context ?? base.context) }),
  renderControls: (props) => `<label>${escapeHtml(props.label)} <input name="context" value="${props.context}"></label>`,
  renderOutput(props, document) {
    const p = (document as ServerDocument).createElement("output");
    p.textContent = `2 × context = ${2n * props.context}`;
    return p.outerHTML;
  },
};

describe("islandBundle", () => {
  it("carries the payload, a static fallback built from the island's own rendering, and text/plain", async () => {
    const bundle = islandBundle(fake, { context: "4096", label: "Context <S>" });
    expect(Object.keys(bundle.data).sort()).toEqual([ISLAND_MIME, "text/html", "text/plain"].sort());
    expect(bundle.data[ISLAND_MIME]).toEqual({ island: "context-sweep", props: { context: "4096", label: "Context <S>" } });
    const html = textOf(bundle, "text/html");
    // 2 × 4096 = 8192.
    expect(html).toBe(
      '<div class="hmf-island-fallback"><label>Context &lt;S&gt; <input name="context" value="4096"></label><output>2 × context = 8192</output></div>',
    );
    expect(textOf(bundle, "text/plain")).toBe("Context sweep (interactive on the site; static view here)");
    await expect(prettyMarkup(html)).toMatchFileSnapshot("./__snapshots__/island-fallback.html");
  });

  it("copies the props, so later changes to the caller's object do not change the output", () => {
    const props = { context: "1", label: "x", nested: { list: [1, "2", true, null] } };
    const bundle = islandBundle(fake, props);
    props.nested.list.push(5);
    expect(bundle.data[ISLAND_MIME]).toEqual({ island: "context-sweep", props: { context: "1", label: "x", nested: { list: [1, "2", true, null] } } });
  });

  it("renders the fallback with the document it is given", () => {
    const document = notebookDocument();
    let seen: unknown;
    const spy: IslandDefinition<FakeProps> = { ...fake, renderOutput: (props, doc) => ((seen = doc), fake.renderOutput(props, doc)) };
    islandBundle(spy, { context: "1", label: "x" }, document);
    expect(seen).toBe(document);
  });

  it("names the prop that cannot travel as JSON or that the island refuses", () => {
    expect(() => islandBundle(fake, { context: 4096n, label: "x" })).toThrow(
      'props.context: a bigint cannot travel as JSON; pass it as a decimal string ("4096")',
    );
    expect(() => islandBundle(fake, { context: "1", label: "x", f: () => 1 })).toThrow("props.f: a function is not JSON");
    expect(() => islandBundle(fake, { context: "1", label: "x", when: new Date(0) })).toThrow("props.when: a Date is not JSON");
    expect(() => islandBundle(fake, { context: "1", label: "x", ratio: Number.POSITIVE_INFINITY })).toThrow("props.ratio: Infinity is not a finite number");
    expect(() => islandBundle(fake, { context: "1", label: undefined })).toThrow("props.label: is undefined, which JSON does not have; leave the key out or use null");
    expect(() => islandBundle(fake, { context: "1", label: "x", list: [1, undefined] })).toThrow("props.list[1]: is undefined");
    const refused = (() => {
      try {
        islandBundle(fake, { context: "-1", label: "x" });
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(IslandInputError);
    expect((refused as IslandInputError).field).toBe("context");
    expect((refused as IslandInputError).message).toBe('context: must be a decimal string (island "context-sweep")');
    expect(() => islandBundle(fake, [] as never)).toThrow('props: island "context-sweep" takes an object of props; got an array');
  });
});
