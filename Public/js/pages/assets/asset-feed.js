// The asset list as cursor pages of GET /api/v1/assets: the first page of a view with its facet
// counts, then the next page whenever the grid asks. A new view aborts every request of the
// one before, and an answer is only handed on while its view is still the current one, so
// results never arrive out of order.
import { api } from "../../core/api.js";
import { FACETS, apiQuery, isAnyOf } from "./browser-state.js";

const PATH = "/api/v1/assets";

export class AssetFeed {
  /**
   * @param {object} handlers
   * @param {(view: {items: any[], facets: object, total: number, hasMore: boolean}) => void} handlers.onView the first page of a view
   * @param {(items: any[], hasMore: boolean) => void} handlers.onMore a further page
   * @param {(facets: object, total: number) => void} handlers.onFacets counts again (after live changes)
   * @param {(error: Error|null, busy: boolean) => void} handlers.onStatus loading, failed, or done
   * @param {number} [pageSize]
   */
  constructor({ onView, onMore, onFacets, onStatus }, pageSize = 100) {
    Object.assign(this, { onView, onMore, onFacets, onStatus, pageSize });
    this.controller = null;
    this.cursor = null;
    this.busy = false;
  }

  /** Starts a view: the first page and the facet counts of `state`. */
  async load(state) {
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    this.state = state;
    this.cursor = null;
    this.setBusy(true);
    try {
      const query = { ...apiQuery(state), limit: this.pageSize, facets: "true" };
      const [page, facets] = await Promise.all([
        api.get(PATH, { query, signal: controller.signal }),
        this.otherValues(state, controller.signal),
      ]);
      if (controller !== this.controller) return;
      this.cursor = page.next_cursor;
      this.setBusy(false);
      const merged = { ...page.facets, ...facets };
      this.onView({ items: page.items, facets: merged, total: totalOf(page.facets), hasMore: Boolean(this.cursor) });
    } catch (error) {
      this.fail(error, controller);
    }
  }

  /** The next page of the current view; the page on its way when there is one. */
  more() {
    if (this.loadingMore) return this.loadingMore;
    if (this.busy || !this.cursor || !this.controller) return Promise.resolve();
    this.loadingMore = this.nextPage().finally(() => { this.loadingMore = null; });
    return this.loadingMore;
  }

  async nextPage() {
    const controller = this.controller;
    this.setBusy(true);
    try {
      const query = { ...apiQuery(this.state), limit: this.pageSize, cursor: this.cursor };
      const page = await api.get(PATH, { query, signal: controller.signal });
      if (controller !== this.controller) return;
      this.cursor = page.next_cursor;
      this.setBusy(false);
      this.onMore(page.items, Boolean(this.cursor));
    } catch (error) {
      this.fail(error, controller);
    }
  }

  /** Counts the facets of the current view again, leaving the loaded items as they are. */
  async recount() {
    const controller = this.controller;
    if (!controller || !this.state) return;
    try {
      const query = { ...apiQuery(this.state), limit: 1, facets: "true" };
      const [page, facets] = await Promise.all([
        api.get(PATH, { query, signal: controller.signal }),
        this.otherValues(this.state, controller.signal),
      ]);
      if (controller === this.controller) this.onFacets({ ...page.facets, ...facets }, totalOf(page.facets));
    } catch { /* the counts stay as they were; the next view counts again */ }
  }

  get hasMore() {
    return Boolean(this.cursor);
  }

  // A facet whose values are alternatives is counted without its own filter, so choosing
  // "plate" still shows how many textures there are to add to it.
  async otherValues(state, signal) {
    const wanted = FACETS.filter(({ facet }) => isAnyOf(facet) && state.filters.get(facet)?.size);
    const answers = await Promise.all(wanted.map(({ facet }) =>
      api.get(PATH, { query: { ...apiQuery(state, { without: facet }), limit: 1, facets: facet }, signal })));
    return Object.fromEntries(wanted.map(({ facet }, i) => [facet, answers[i].facets?.[facet] ?? []]));
  }

  setBusy(busy) {
    this.busy = busy;
    this.onStatus(null, busy);
  }

  fail(error, controller) {
    if (error.name === "AbortError" || controller !== this.controller) return;
    this.busy = false;
    this.onStatus(error, false);
  }
}

/** Every asset has one type, so the type counts add up to the number of results. */
const totalOf = (facets) => (facets?.type ?? []).reduce((sum, { count }) => sum + count, 0);
