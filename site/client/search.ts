/** Pagefind's browser API, as much of it as this page uses. */
interface Pagefind {
  options(options: { baseUrl: string }): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(query: string, options?: object, debounceMs?: number): Promise<{ results: Array<{ data(): Promise<PagefindResult> }> } | null>;
}

interface PagefindResult {
  url: string;
  excerpt: string;
  meta: { title?: string };
}

const MAX_RESULTS = 8;

/**
 * Live search over the site, with Pagefind's index (built after the site,
 * under /pagefind/). Results are links with an excerpt; the list is announced
 * politely to screen readers.
 */
export async function startSearch(input: HTMLInputElement, results: HTMLElement): Promise<void> {
  const base = document.documentElement.dataset.base ?? "/";
  const url = new URL(`${base}pagefind/pagefind.js`, window.location.href).href;
  const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
  await pagefind.options({ baseUrl: base });
  await pagefind.init();
  const run = async (): Promise<void> => {
    const query = input.value.trim();
    if (query === "") {
      results.replaceChildren();
      return;
    }
    const search = await pagefind.debouncedSearch(query, {}, 150);
    if (search === null) return; // superseded by a newer keystroke
    const found = await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()));
    render(results, query, found);
  };
  input.addEventListener("input", () => void run());
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      input.value = "";
      results.replaceChildren();
    }
  });
  void run();
}

function render(results: HTMLElement, query: string, found: PagefindResult[]): void {
  if (found.length === 0) {
    const none = document.createElement("p");
    none.textContent = `Nothing found for “${query}”.`;
    results.replaceChildren(none);
    return;
  }
  const list = document.createElement("ul");
  for (const result of found) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = result.url;
    link.textContent = result.meta.title ?? result.url;
    const excerpt = document.createElement("p");
    // Pagefind's excerpt is text from the site's own pages with <mark> around the matches; keep only the marks.
    excerpt.append(...markedText(result.excerpt));
    item.append(link, excerpt);
    list.append(item);
  }
  results.replaceChildren(list);
}

function markedText(excerpt: string): Node[] {
  return excerpt.split(/(<mark>.*?<\/mark>)/).map((part) => {
    const marked = /^<mark>(.*)<\/mark>$/.exec(part);
    if (!marked) return document.createTextNode(decode(part));
    const mark = document.createElement("mark");
    mark.textContent = decode(marked[1] ?? "");
    return mark;
  });
}

function decode(html: string): string {
  return html.replace(/<[^>]*>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
}
