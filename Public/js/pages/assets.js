// The asset browser (`/`): a virtual thumbnail grid fed by cursor pages, search as you type,
// facet filters with counts, sort; the view lives in the URL; new assets, versions and
// previews arrive live.
import "../core/shell.js";
import { $, h, debounce } from "../core/dom.js";
import { can } from "../core/session.js";
import { showError, problemText } from "../core/toast.js";
import { VirtualGrid } from "../components/virtual-grid.js";
import { assetCard, assetURL, typeLabel } from "../components/asset-card.js";
import { FacetList } from "../components/facet-list.js";
import { searchBox } from "../components/search-box.js";
import { renderFilterChips } from "../components/filter-chips.js";
import { FACETS, SORTS, defaultSort, readState, stateSearch, isFiltered, matches, withFilter } from "./assets/browser-state.js";
import { AssetFeed } from "./assets/asset-feed.js";
import { followProjects } from "./assets/live-assets.js";

const numbers = new Intl.NumberFormat("en-US");
const META_HEIGHT = 50; // name line + type/version/status line under the thumbnail

const elements = {
  grid: $("#grid"),
  search: $("#search"),
  sort: $("#sort"),
  count: $("#result-count"),
  facets: $("#facets"),
};
const chips = h("div", { class: "active-filters", role: "group", "aria-label": "Active filters", hidden: true });
const newBar = h("div", { class: "new-assets", hidden: true });
const empty = h("div", { class: "browser-empty", hidden: true });
elements.grid.before(chips, newBar);
elements.grid.after(empty);
elements.count.setAttribute("aria-live", "polite");

let state = readState();
let total = 0;
let projects = null;  // id → project, once loaded
let facets = {};
let arrivals = [];   // new assets waiting behind the "N new assets" bar
let arrivalsOutOfOrder = false; // a restored asset among them: its place is not the top
let searching = false; // the last history entry was made by typing, so typing replaces it
let anchor = history.state?.anchor ?? null; // where the user was when they left this entry

const grid = new VirtualGrid(elements.grid, {
  key: (asset) => asset.id,
  renderCell: (asset) => assetCard(asset, { projectName: projects?.get(asset.project_id)?.name }),
  minCellWidth: 176,
  gap: 10,
  cellHeight: (width) => Math.round(width * 0.75) + META_HEIGHT,
  onNearEnd: () => feed.more(),
  onActivate: (asset) => location.assign(assetURL(asset)),
});

const facetList = new FacetList(elements.facets, {
  label: facetLabel,
  onToggle: (facet, value) => go(withFilter(state, facet, value, !state.filters.get(facet)?.has(value))),
});

const feed = new AssetFeed({
  onView({ items, facets: counts, total: count, hasMore }) {
    arrivals = [];
    arrivalsOutOfOrder = false;
    showArrivals();
    grid.setItems(items);
    showTotal(count);
    showFacets(counts);
    showEmpty();
    grid.setFooter(hasMore ? loadingNote() : null);
    if (anchor) returnToAnchor(anchor);
    anchor = null;
  },
  onMore(items, hasMore) {
    grid.append(items);
    grid.setFooter(hasMore ? loadingNote() : null);
  },
  onFacets(counts, count) {
    showTotal(count);
    showFacets(counts);
    showEmpty();
  },
  onStatus(error, busy) {
    elements.grid.setAttribute("aria-busy", String(busy));
    elements.count.toggleAttribute("aria-busy", busy);
    if (error) {
      grid.setFooter(h("div", { class: "grid-error" }, h("span", {}, problemText(error)),
        h("button", { type: "button", onclick: () => (grid.items.length ? feed.more() : feed.load(state)) }, "Retry")));
      if (!grid.items.length) showError(error);
    }
  },
});

const search = searchBox(elements.search, {
  onSearch: (q) => {
    // Without a sort of their own choosing, the order follows the search: best match while searching.
    const followsSearch = state.sort === defaultSort(state.q) || (state.sort === "relevance" && !q);
    const sort = followsSearch ? defaultSort(q) : state.sort;
    go({ ...state, q, sort }, { typing: true });
  },
  onLeave: () => elements.grid.focus(),
});

// --- the view and the URL ---

/** Shows `next` and records it in the history; typing replaces its own entry instead of piling them up. */
function go(next, { typing = false } = {}) {
  state = next;
  const url = location.pathname + stateSearch(state);
  if (typing && searching) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
  searching = typing;
  showControls();
  feed.load(state);
}

addEventListener("popstate", () => {
  state = readState();
  searching = false;
  showControls();
  feed.load(state);
});

function showControls() {
  search.set(state.q);
  const sort = elements.sort;
  if (!sort.options.length) sort.append(...SORTS.map(({ value, label }) => h("option", { value }, label)));
  for (const option of sort.options) option.disabled = option.value === "relevance" && !state.q;
  sort.value = state.sort;
  showChips();
}

function showChips() {
  renderFilterChips(chips, activeFilters(), {
    onRemove: (facet, value) => {
      go(withFilter(state, facet, value, false));
      (chips.querySelector("button") ?? elements.search).focus();
    },
    onClear: clearFilters,
  });
}

function clearFilters() {
  go({ ...state, filters: new Map() });
  elements.search.focus();
}

elements.sort.addEventListener("change", () => go({ ...state, sort: elements.sort.value }));

function activeFilters() {
  return FACETS.flatMap(({ facet, title }) =>
    [...(state.filters.get(facet) ?? [])].map((value) => ({ facet, value, label: `${title}: ${facetLabel(facet, value)}` })));
}

function facetLabel(facet, value) {
  if (facet === "project") return projects?.get(value)?.name ?? "…";
  if (facet === "type") return typeLabel(value);
  return value;
}

function showFacets(counts = facets) {
  facets = counts;
  facetList.render(FACETS.map(({ facet, title }) => ({ facet, title, values: facets?.[facet] ?? [] })), state.filters);
}

function showTotal(count) {
  total = count;
  elements.count.textContent = `${numbers.format(count)} ${count === 1 ? "asset" : "assets"}`;
  grid.setTotal(count);
}

function loadingNote() {
  return h("span", { class: "muted" }, "Loading…");
}

// An empty library says how to fill it; an empty search says how to widen it.
function showEmpty() {
  empty.hidden = total > 0 || grid.items.length > 0;
  if (empty.hidden) return;
  if (isFiltered(state)) {
    empty.replaceChildren(h("h2", {}, "No assets match"),
      h("p", {}, "Try fewer words or filters."),
      h("button", { type: "button", onclick: () => { search.set(""); go({ ...state, q: "", sort: defaultSort(""), filters: new Map() }); } },
        "Clear search and filters"));
  } else if (!projects) {
    empty.replaceChildren();
  } else if (!projects.size) {
    empty.replaceChildren(h("h2", {}, "No projects yet"),
      can("create_project")
        ? h("p", {}, "Assets live in projects: ", h("a", { href: "/projects" }, "create the first project"), ", then upload to it.")
        : h("p", {}, "You are not a member of any project yet. Ask a producer to add you to one."));
  } else {
    empty.replaceChildren(h("h2", {}, "The library is empty"),
      can("upload_content")
        ? h("p", {}, "Drop files on the ", h("a", { href: "/upload" }, "upload page"), " to add the first assets.")
        : h("p", {}, "Nothing has been added to your projects yet."));
  }
}

// --- back from an asset: the grid where it was ---

// A WebSocket keeps this page out of the back/forward cache, so coming back reloads it; the
// history entry remembers the asset in view (or selected) and the grid pages on until it is
// back, within reason.
addEventListener("pagehide", () => {
  const item = grid.selectedItem ?? grid.items[grid.firstVisible()];
  if (item) history.replaceState({ anchor: { id: item.id, selected: Boolean(grid.selectedItem) } }, "");
});

async function returnToAnchor({ id, selected }) {
  const view = feed.state;
  for (let pages = 0; !grid.has(id) && feed.hasMore && pages < 20 && feed.state === view; pages += 1) await feed.more();
  const index = grid.indexOf(id);
  if (index < 0 || feed.state !== view) return;
  grid.scrollToIndex(index, { top: true });
  if (selected) {
    grid.select(index, { scroll: false });
    elements.grid.focus();
  }
}

// --- live changes ---

const recountSoon = debounce(() => feed.recount(), 1500);

function onAssetEvent({ type, data }) {
  const incoming = data.asset;
  const known = grid.items[grid.indexOf(incoming.id)];
  switch (type) {
    case "asset.created":
    case "asset.restored":
      if (!known) arrived({ ...incoming, previews: { state: "pending" } }, type === "asset.created");
      break;
    case "asset.deleted":
      if (known) { grid.remove(incoming.id); showTotal(Math.max(0, total - 1)); }
      arrivals = arrivals.filter((asset) => asset.id !== incoming.id);
      showArrivals();
      recountSoon();
      break;
    case "asset.version_added":
      if (known) grid.update({ ...incoming, previews: { state: "pending" } });
      recountSoon();
      break;
    case "asset.preview_ready":
    case "asset.preview_failed": {
      const previews = type === "asset.preview_ready" ? { state: "ready" } : { state: data.state, reason: data.reason };
      if (known && data.version?.number === incoming.latest_version) grid.update({ ...incoming, previews });
      for (const asset of arrivals) if (asset.id === incoming.id) asset.previews = previews;
      break;
    }
    default: // asset.updated, asset.version_status_changed, asset.version_inspected: new name, tags, status
      if (known) grid.update({ ...incoming, previews: known.previews });
      if (type !== "asset.version_inspected") recountSoon();
  }
}

// A new asset that fits the view joins the top of a newest-first list when the user is there;
// otherwise it waits behind a bar, so nothing moves under the pointer.
function arrived(asset, isNew) {
  if (!matches(state, asset)) return recountSoon();
  arrivals = [asset, ...arrivals.filter((a) => a.id !== asset.id)];
  arrivalsOutOfOrder ||= !isNew;
  showTotal(total + 1);
  if (isNew && state.sort === "-created_at" && elements.grid.scrollTop < grid.rowHeight / 2) showNewArrivals();
  else showArrivals();
  recountSoon();
}

function showNewArrivals() {
  const fresh = arrivals;
  arrivals = [];
  showArrivals();
  grid.prepend(fresh);
  showEmpty();
}

function showArrivals() {
  newBar.hidden = !arrivals.length;
  if (!arrivals.length) return newBar.replaceChildren();
  const text = `${numbers.format(arrivals.length)} new ${arrivals.length === 1 ? "asset" : "assets"}`;
  newBar.replaceChildren(h("button", { type: "button", class: "new-assets-show", onclick: showArrivalsNow }, `${text} — show`));
}

function showArrivalsNow() {
  elements.grid.scrollTop = 0;
  if (state.sort === "-created_at" && !arrivalsOutOfOrder) showNewArrivals();
  else feed.load(state);
  elements.grid.focus();
}

// --- start ---

// The first page does not wait for the projects; their names label the filters when they come.
showControls();
feed.load(state);
try {
  projects = await followProjects(onAssetEvent);
} catch (error) {
  projects = new Map();
  showError(error);
}
showChips();
showFacets();
showEmpty();
