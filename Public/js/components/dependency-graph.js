// A version's dependencies and dependents as an SVG graph laid out in columns by depth: the
// version in the middle, what it needs to the left, what needs it to the right, arrows pointing
// at what is needed. Missing targets are drawn dashed in red; their unresolved reference is
// shown only to those who may read sources. Each found node links to its asset.
import { h } from "../core/dom.js";

const NODE = { width: 200, height: 44 };
const GAP = { column: 96, row: 14 };
const MARGIN = { x: 12, top: 30, bottom: 12 };
const MAX_LABEL = 26;

const svg = (tag, attributes = {}, ...children) => h(tag, { ...attributes, xmlns: "svg" }, ...children);
const shorten = (text) => (text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text);

function endNode(end, column) {
  return {
    key: end.version_id, column, title: end.asset_name, subtitle: `v${end.version}`,
    href: `/assets/${end.asset_id}?version=${end.version}`,
  };
}

/** The nodes (by key, nearest column wins) and edges of both walks. */
function buildGraph(center, dependencies, dependents, showReferences) {
  const nodes = new Map([[center.version_id, { ...endNode(center, 0), center: true }]]);
  const edges = [];
  const place = (node) => {
    const known = nodes.get(node.key);
    if (!known || Math.abs(node.column) < Math.abs(known.column)) nodes.set(node.key, node);
  };
  const farEnd = (item, column) => {
    if (item.target) return endNode(item.target, column);
    const missing = item.missing;
    return {
      key: `${missing ? "missing" : "hidden"}:${item.id}`, column, missing,
      title: missing ? (showReferences ? item.reference : "Missing dependency") : "Not visible to you",
      subtitle: missing ? `missing · ${item.kind}` : item.kind,
    };
  };
  // A node's kind says what it is to the version nearer the middle: "texture", or "uses as plate".
  for (const item of dependencies) {
    const target = { ...farEnd(item, -(item.depth ?? 1)), kind: item.missing ? null : item.kind };
    place(target);
    edges.push({ from: item.source.version_id, to: target.key, missing: item.missing });
  }
  for (const item of dependents) {
    place({ ...endNode(item.source, item.depth ?? 1), kind: `uses as ${item.kind}` });
    edges.push({ from: item.source.version_id, to: item.target?.version_id ?? center.version_id, missing: false });
  }
  return { nodes: [...nodes.values()], edges: edges.filter((edge) => nodes.has(edge.from) && nodes.has(edge.to)) };
}

/** Positions: columns left to right, each column's nodes sorted by title and centred vertically. */
function layout(nodes) {
  const columns = new Map();
  for (const node of nodes) {
    if (!columns.has(node.column)) columns.set(node.column, []);
    columns.get(node.column).push(node);
  }
  const order = [...columns.keys()].sort((a, b) => a - b);
  const tallest = Math.max(...[...columns.values()].map((list) => list.length));
  const height = tallest * NODE.height + (tallest - 1) * GAP.row;
  order.forEach((column, index) => {
    const list = columns.get(column).sort((a, b) => a.title.localeCompare(b.title));
    const used = list.length * NODE.height + (list.length - 1) * GAP.row;
    list.forEach((node, row) => {
      node.x = MARGIN.x + index * (NODE.width + GAP.column);
      node.y = MARGIN.top + (height - used) / 2 + row * (NODE.height + GAP.row);
    });
  });
  return {
    width: MARGIN.x * 2 + order.length * NODE.width + (order.length - 1) * GAP.column,
    height: MARGIN.top + height + MARGIN.bottom,
    order,
  };
}

function edgePath(from, to) {
  const leftward = from.x > to.x;
  const x1 = leftward ? from.x : from.x + NODE.width, x2 = leftward ? to.x + NODE.width : to.x;
  const y1 = from.y + NODE.height / 2, y2 = to.y + NODE.height / 2;
  const bend = Math.max(30, Math.abs(x2 - x1) / 2) * (leftward ? -1 : 1);
  return `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`;
}

function nodeShape(node) {
  const body = [
    svg("title", {}, node.kind ? `${node.title} ${node.subtitle} (${node.kind})` : `${node.title} ${node.subtitle}`),
    svg("rect", { x: node.x, y: node.y, width: NODE.width, height: NODE.height, rx: 4 }),
    svg("text", { x: node.x + 10, y: node.y + 18, class: "graph-title" }, shorten(node.title)),
    svg("text", { x: node.x + 10, y: node.y + 34, class: "graph-subtitle" }, node.kind ? `${node.subtitle} · ${node.kind}` : node.subtitle),
  ];
  const classes = ["graph-node", node.center && "graph-center", node.missing && "graph-missing"].filter(Boolean).join(" ");
  if (node.href && !node.center) {
    return svg("a", { href: node.href, class: classes, "aria-label": `${node.title} ${node.subtitle}${node.kind ? `, ${node.kind}` : ""}` }, body);
  }
  return svg("g", {
    class: classes, "data-missing": node.missing ? "" : null, tabindex: node.missing ? "0" : null,
    role: node.missing ? "img" : null, "aria-label": node.missing ? `Missing dependency: ${node.title}` : null,
  }, body);
}

/**
 * Draws the graph into `container`.
 * @param {{center: {asset_id, asset_name, version, version_id}, dependencies: object[], dependents: object[],
 *   showReferences: boolean}} data items as `GET …/dependencies` returns them
 */
export function renderDependencyGraph(container, { center, dependencies, dependents, showReferences }) {
  const { nodes, edges } = buildGraph(center, dependencies, dependents, showReferences);
  const missing = nodes.filter((node) => node.missing).length;
  const summary = h("p", { class: "muted graph-summary" },
    `${dependencies.length} ${dependencies.length === 1 ? "dependency" : "dependencies"}`
    + (missing ? ` (${missing} missing)` : "") + ` · ${dependents.length} ${dependents.length === 1 ? "dependent" : "dependents"}`);
  if (nodes.length === 1) {
    container.replaceChildren(h("p", { class: "muted" }, `v${center.version} depends on nothing recorded and nothing depends on it.`));
    return;
  }
  const { width, height, order } = layout(nodes);
  const byKey = new Map(nodes.map((node) => [node.key, node]));
  const heading = (column) => (column < 0 ? (column === -1 ? "Depends on" : `Depth ${-column}`)
    : column > 0 ? (column === 1 ? "Used by" : `Depth ${column}`) : "This version");
  const graph = svg("svg", {
    class: "dependency-graph", width, height, viewBox: `0 0 ${width} ${height}`, role: "group", "aria-label": "Dependency graph",
  },
  svg("defs", {}, svg("marker", {
    id: "graph-arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse",
  }, svg("path", { d: "M0,0 L10,5 L0,10 z", class: "graph-arrowhead" }))),
  order.map((column, index) => svg("text", {
    x: MARGIN.x + index * (NODE.width + GAP.column), y: 16, class: "graph-heading",
  }, heading(column))),
  edges.map((edge) => svg("path", {
    d: edgePath(byKey.get(edge.from), byKey.get(edge.to)), class: edge.missing ? "graph-edge graph-edge-missing" : "graph-edge",
    "marker-end": "url(#graph-arrow)",
  })),
  nodes.map(nodeShape));
  container.replaceChildren(summary, h("div", { class: "graph-scroll" }, graph));
}
