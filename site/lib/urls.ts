/**
 * Site paths, prefixed with the configured base so the site can live in a
 * sub-folder (e.g. a project page) without broken links.
 */
const base = import.meta.env.BASE_URL.replace(/\/?$/, "/");

/** A path inside the site: href("post/") → "/post/" (or "/base/post/"). */
export function href(path = ""): string {
  return base + path.replace(/^\//, "");
}

/** The page of a notebook (id = file name without .ipynb), optionally at an anchor. */
export function notebookHref(id: string, anchor?: string): string {
  return href(`notebooks/${id}/`) + (anchor ? `#${anchor}` : "");
}

/** The notebook file itself, for the download link. */
export function notebookFileHref(id: string): string {
  return href(`notebooks/${id}.ipynb`);
}
