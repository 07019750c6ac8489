// What the asset browser shows, as it lives in the URL (`?q=smoke&type=plate,texture&sort=name`),
// so back, forward and reload bring the same view back; and the same state as API queries.

/** The facets, in the order the filters list them; `param` is the name in the API's query. */
export const FACETS = [
  { facet: "project", title: "Project", param: "project_id" },
  { facet: "type", title: "Type", param: "type" },
  { facet: "status", title: "Status", param: "status" },
  { facet: "format", title: "Format", param: "format" },
  { facet: "tag", title: "Tags", param: "tag" },
];

/** Facets whose values are alternatives (any of them); several tags must all be present. */
export const isAnyOf = (facet) => facet !== "tag";

export const SORTS = [
  { value: "relevance", label: "Best match" },
  { value: "-created_at", label: "Newest" },
  { value: "created_at", label: "Oldest" },
  { value: "-updated_at", label: "Recently changed" },
  { value: "name", label: "Name A–Z" },
  { value: "-name", label: "Name Z–A" },
];

/** The order the API uses when none is asked for. */
export const defaultSort = (q) => (q ? "relevance" : "-created_at");

/** The state in a URL's query string: {q, sort, filters: Map facet → Set of values}. */
export function readState(search = location.search) {
  const params = new URLSearchParams(search);
  const q = (params.get("q") ?? "").trim();
  const filters = new Map();
  for (const { facet } of FACETS) {
    const values = params.getAll(facet).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
    if (values.length) filters.set(facet, new Set(values));
  }
  let sort = params.get("sort") ?? "";
  if (!SORTS.some((s) => s.value === sort) || (sort === "relevance" && !q)) sort = defaultSort(q);
  return { q, sort, filters };
}

/** The query string of a state; the default sort is left out. */
export function stateSearch({ q, sort, filters }) {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  for (const { facet } of FACETS) {
    const values = filters.get(facet);
    if (values?.size) params.set(facet, [...values].join(","));
  }
  if (sort !== defaultSort(q)) params.set("sort", sort);
  // Commas stay readable (`type=plate,texture`); no value has one of its own, the API lists with them.
  const text = params.toString().replaceAll("%2C", ",");
  return text ? `?${text}` : "";
}

/** The query of GET /api/v1/assets for a state; `without` leaves one facet's filter out. */
export function apiQuery({ q, sort, filters }, { without } = {}) {
  const query = { q: q || undefined, sort };
  for (const { facet, param } of FACETS) {
    const values = filters.get(facet);
    if (!values?.size || facet === without) continue;
    query[param] = [...values].join(",");
  }
  return query;
}

/** `state` with `value` of `facet` chosen, or not. */
export function withFilter(state, facet, value, chosen) {
  const filters = new Map([...state.filters].map(([name, values]) => [name, new Set(values)]));
  const values = filters.get(facet) ?? new Set();
  if (chosen) values.add(value); else values.delete(value);
  filters.set(facet, values);
  return { ...state, filters };
}

/** Whether any filter or search text narrows the list. */
export const isFiltered = ({ q, filters }) => Boolean(q) || [...filters.values()].some((set) => set.size);

/**
 * Whether `asset` (an event's data) belongs in the list the state shows. The search text is
 * checked the way the server reads it, roughly: every word starts a word of the name, tags or
 * description.
 */
export function matches({ q, filters }, asset) {
  const has = (facet, value) => !filters.get(facet)?.size || filters.get(facet).has(value);
  if (!has("project", asset.project_id) || !has("type", asset.type) || !has("status", asset.status)) return false;
  if (!has("format", asset.format ?? "")) return false;
  for (const tag of filters.get("tag") ?? []) if (!asset.tags?.includes(tag)) return false;
  if (!q) return true;
  const words = [asset.name, asset.description, ...(asset.tags ?? [])].join(" ").toLowerCase().split(/[^\p{L}\p{N}]+/u);
  return q.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).every((part) => words.some((word) => word.startsWith(part)));
}
