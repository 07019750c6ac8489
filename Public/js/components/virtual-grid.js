// A grid of equal cells that keeps only the rows on screen (plus a margin) in the DOM, so a
// library of 100,000 assets scrolls like one of 100. Rows are absolutely placed from the row
// height and the column count the container's width allows; cells are made by the caller and
// kept while visible, so an image already shown is not made again on every scroll.
//
// ARIA: the container is the role=grid; each rendered row is a role=row with aria-rowindex,
// each cell a role=gridcell. Focus stays on the container and aria-activedescendant names the
// selected cell, which is how a grid with far more cells than elements stays keyboard usable.
import { h } from "../core/dom.js";

const MARGIN_ROWS = 3;      // rows kept beyond each edge of the viewport
const NEAR_END_SCREENS = 2; // ask for more when fewer than this many screens of rows are left below

export class VirtualGrid {
  /**
   * @param {HTMLElement} element the scrolling container (role=grid, tabindex=0)
   * @param {object} options
   * @param {(item: any, index: number) => HTMLElement} options.renderCell makes a cell (role=gridcell, with an id)
   * @param {(item: any) => string} options.key a stable key per item
   * @param {number} [options.minCellWidth] narrowest a cell may get before a column is dropped
   * @param {number} [options.gap] space between cells, px
   * @param {(cellWidth: number) => number} [options.cellHeight] a cell's height for its width
   * @param {() => void} [options.onNearEnd] called when the user nears the last loaded row
   * @param {(item: any, index: number) => void} [options.onActivate] Enter on the selected cell
   */
  constructor(element, { renderCell, key, minCellWidth = 180, gap = 8, cellHeight = (w) => w, onNearEnd, onActivate }) {
    Object.assign(this, { element, renderCell, key, minCellWidth, gap, cellHeight, onNearEnd, onActivate });
    this.items = [];
    this.keys = new Set();
    this.selected = -1;
    this.columns = 1;
    this.rowHeight = 0;
    this.cellWidth = 0;
    this.cells = new Map(); // key → cell element, for the items on screen
    this.rows = new Map();  // row index → row element
    this.sizer = h("div", { class: "virtual-sizer", role: "presentation" });
    this.footer = h("div", { class: "virtual-footer", role: "presentation", hidden: true });
    element.append(this.sizer, this.footer);
    this.scheduled = false;
    element.addEventListener("scroll", () => this.schedule(), { passive: true });
    element.addEventListener("keydown", (event) => this.keydown(event));
    element.addEventListener("focus", () => { if (this.selected < 0 && this.items.length) this.select(this.firstVisible()); });
    new ResizeObserver(() => this.measure()).observe(element);
    this.measure();
  }

  /** Replaces every item (a new search): back to the top, nothing selected. */
  setItems(items) {
    this.items = [...items];
    this.keys = new Set(this.items.map(this.key));
    this.selected = -1;
    this.element.removeAttribute("aria-activedescendant");
    this.element.scrollTop = 0;
    this.refresh();
  }

  /** Adds items after the last (the next page); items already here are left out. */
  append(items) {
    for (const item of items) {
      if (this.keys.has(this.key(item))) continue;
      this.keys.add(this.key(item));
      this.items.push(item);
    }
    this.refresh();
  }

  /** Adds items before the first (new assets at the top); the selection stays on its item. */
  prepend(items) {
    items = items.filter((item) => !this.keys.has(this.key(item)));
    if (!items.length) return;
    for (const item of items) this.keys.add(this.key(item));
    this.items.unshift(...items);
    if (this.selected >= 0) this.selected += items.length;
    this.refresh();
  }

  /** Replaces the item with `item`'s key, re-making its cell if it is on screen. */
  update(item) {
    const index = this.indexOf(this.key(item));
    if (index < 0) return;
    this.items[index] = item;
    this.cells.delete(this.key(item));
    this.refresh();
  }

  /** Removes the item with this key. */
  remove(key) {
    const index = this.indexOf(key);
    if (index < 0) return;
    this.items.splice(index, 1);
    this.keys.delete(key);
    if (this.selected > index || this.selected >= this.items.length) this.selected -= 1;
    this.refresh();
  }

  /** Whether an item with this key is in the grid. */
  has(key) {
    return this.keys.has(key);
  }

  indexOf(key) {
    return this.keys.has(key) ? this.items.findIndex((item) => this.key(item) === key) : -1;
  }

  /** The cell element of an item, when it is on screen. */
  cellOf(key) {
    return this.cells.get(key) ?? null;
  }

  /** Shows `content` (or nothing) after the last row, in the flow below the rows: "Loading…", an error with a retry. */
  setFooter(content) {
    this.footer.replaceChildren(...(content ? [content] : []));
    this.footer.hidden = !content;
  }

  /** Selects the cell at `index`, scrolls it into view and names it as the active descendant. */
  select(index, { scroll = true } = {}) {
    if (!this.items.length) return;
    this.selected = Math.max(0, Math.min(index, this.items.length - 1));
    if (scroll) this.scrollToIndex(this.selected);
    this.render();
  }

  get selectedItem() {
    return this.items[this.selected] ?? null;
  }

  /** Row count for aria-rowcount when the whole list's size is known (-1: unknown). */
  setTotal(total) {
    this.total = total;
    this.element.setAttribute("aria-rowcount", total >= 0 ? String(Math.ceil(total / this.columns)) : "-1");
  }

  /** Scrolls just enough to show the cell at `index`, or puts its row at the top. */
  scrollToIndex(index, { top: atTop = false } = {}) {
    const top = Math.floor(index / this.columns) * this.rowHeight;
    const view = this.element;
    if (atTop || top < view.scrollTop) view.scrollTop = top;
    else if (top + this.rowHeight > view.scrollTop + view.clientHeight) view.scrollTop = top + this.rowHeight - view.clientHeight;
  }

  firstVisible() {
    return Math.min(this.items.length - 1, Math.ceil(this.element.scrollTop / Math.max(1, this.rowHeight)) * this.columns);
  }

  // Columns and row height follow the container's width; the first visible item stays in view.
  measure() {
    const style = getComputedStyle(this.element);
    const width = this.element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    if (width <= 0) return;
    const anchor = this.rowHeight ? this.firstVisible() : 0;
    const columns = Math.max(1, Math.floor((width + this.gap) / (this.minCellWidth + this.gap)));
    const cellWidth = (width - this.gap * (columns - 1)) / columns;
    const rowHeight = Math.round(this.cellHeight(cellWidth)) + this.gap;
    if (columns === this.columns && rowHeight === this.rowHeight && cellWidth === this.cellWidth) return;
    Object.assign(this, { columns, cellWidth, rowHeight });
    this.element.style.setProperty("--columns", String(columns));
    this.element.style.setProperty("--cell-height", `${rowHeight - this.gap}px`);
    this.element.setAttribute("aria-colcount", String(columns));
    if (this.total !== undefined) this.setTotal(this.total);
    this.dropRows();
    this.refresh();
    if (anchor > 0) this.element.scrollTop = Math.floor(anchor / columns) * rowHeight;
  }

  refresh() {
    const rows = Math.ceil(this.items.length / this.columns);
    this.sizer.style.height = `${rows * this.rowHeight}px`;
    this.render();
  }

  schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => { this.scheduled = false; this.render(); });
  }

  dropRows() {
    for (const row of this.rows.values()) row.remove();
    this.rows.clear();
  }

  // Makes the DOM match the rows in view: rows out of range go, missing ones come, and a row
  // whose items changed gets its cells again (from the cache when they were on screen).
  render() {
    if (!this.rowHeight) return;
    const view = this.element;
    const rowCount = Math.ceil(this.items.length / this.columns);
    const screen = Math.ceil(view.clientHeight / this.rowHeight);
    const lastVisible = Math.ceil((view.scrollTop + view.clientHeight) / this.rowHeight);
    const first = Math.max(0, Math.floor(view.scrollTop / this.rowHeight) - MARGIN_ROWS);
    const last = Math.min(rowCount - 1, lastVisible + MARGIN_ROWS);
    for (const [index, row] of this.rows) {
      if (index < first || index > last) { row.remove(); this.rows.delete(index); }
    }
    const live = new Map();
    for (let index = first; index <= last; index += 1) this.renderRow(index, live);
    this.cells = live;
    this.markSelection();
    if (this.onNearEnd && this.items.length && rowCount - lastVisible <= NEAR_END_SCREENS * screen) this.onNearEnd();
  }

  renderRow(index, live) {
    const start = index * this.columns;
    const items = this.items.slice(start, start + this.columns);
    let row = this.rows.get(index);
    if (!row) {
      row = h("div", { class: "virtual-row", role: "row" });
      this.rows.set(index, row);
      this.sizer.append(row);
    }
    row.style.transform = `translateY(${index * this.rowHeight}px)`;
    row.setAttribute("aria-rowindex", String(index + 1));
    const cells = items.map((item, column) => {
      const key = this.key(item);
      const cell = live.get(key) ?? this.cells.get(key) ?? this.renderCell(item, start + column);
      cell.setAttribute("aria-colindex", String(column + 1));
      live.set(key, cell);
      return cell;
    });
    const same = row.children.length === cells.length && cells.every((cell, i) => row.children[i] === cell);
    if (!same) row.replaceChildren(...cells);
  }

  markSelection() {
    const selectedKey = this.selected >= 0 ? this.key(this.items[this.selected]) : null;
    for (const [key, cell] of this.cells) cell.setAttribute("aria-selected", String(key === selectedKey));
    const cell = selectedKey ? this.cells.get(selectedKey) : null;
    if (cell) this.element.setAttribute("aria-activedescendant", cell.id);
    else this.element.removeAttribute("aria-activedescendant");
  }

  keydown(event) {
    if (event.target !== this.element || event.altKey || event.metaKey) return;
    const columns = this.columns;
    const page = Math.max(1, Math.floor(this.element.clientHeight / this.rowHeight)) * columns;
    const at = this.selected < 0 ? this.firstVisible() : this.selected;
    const moves = {
      ArrowRight: at + 1,
      ArrowLeft: at - 1,
      ArrowDown: at + columns,
      ArrowUp: at - columns,
      PageDown: at + page,
      PageUp: at - page,
      Home: event.ctrlKey ? 0 : at - (at % columns),
      End: event.ctrlKey ? this.items.length - 1 : at - (at % columns) + columns - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      // Up from the first row stays put rather than wrapping to the end.
      const target = this.selected < 0 ? at : moves[event.key];
      if (target >= 0) this.select(Math.min(target, this.items.length - 1));
    } else if (event.key === "Enter" && this.selectedItem) {
      event.preventDefault();
      this.onActivate?.(this.selectedItem, this.selected);
    } else if (event.key === "Escape" && this.selected >= 0) {
      this.selected = -1;
      this.markSelection();
    }
  }
}
