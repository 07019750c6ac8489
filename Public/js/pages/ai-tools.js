// /ai-tools: the tool catalogue, grouped by category. Each card opens the tool's form and says
// what a run costs now: its usual run time and the pool's queue.
import "../core/shell.js";
import { api } from "../core/api.js";
import { h, clear, $ } from "../core/dom.js";
import { showError } from "../core/toast.js";
import { toolEstimate } from "../components/tool-estimate.js";

const region = $("#tools");

async function allTools() {
  const tools = [];
  for await (const tool of api.page("/api/v1/ai-tools", { limit: 500 })) tools.push(tool);
  return tools;
}

function card(tool) {
  const estimate = h("span", { class: "tool-estimate muted" }, "…");
  const inputs = (tool.manifest?.inputs ?? []).map((input) => h("span", { class: "tag" }, `${input.name}: ${input.type}`));
  const element = h("li", { class: "tool-card", dataset: { toolName: tool.name } },
    h("a", { class: "tool-card-link", href: `/ai-tools/${encodeURIComponent(tool.name)}` },
      h("span", { class: "tool-card-title" }, tool.title),
      h("span", { class: "muted tool-card-version" }, `v${tool.current_version}`)),
    h("p", { class: "tool-card-description" }, tool.description || "No description."),
    h("div", { class: "tool-card-inputs" }, inputs),
    estimate);
  element.estimate = estimate;
  return element;
}

/** The list answer has no estimate; each tool's own answer has, so cards fill in as those arrive. */
async function fillEstimate(element, name) {
  try {
    const tool = await api.get(`/api/v1/ai-tools/${encodeURIComponent(name)}`);
    const line = toolEstimate(tool.estimate);
    element.estimate.replaceWith(line);
    element.estimate = line;
  } catch {
    element.estimate.textContent = "";
  }
}

function render(tools) {
  const byCategory = Map.groupBy(tools, (tool) => tool.category || "general");
  const categories = [...byCategory.keys()].sort();
  if (!tools.length) { clear(region).append(h("p", { class: "muted" }, "No tools are registered yet.")); return; }
  clear(region).append(...categories.map((category) => h("section", { class: "tool-category", dataset: { category }, "aria-labelledby": `category-${category}` },
    h("h2", { id: `category-${category}` }, category),
    h("ul", { class: "tool-grid" }, byCategory.get(category).sort((a, b) => a.title.localeCompare(b.title)).map(card)))));
  for (const element of region.querySelectorAll(".tool-card")) fillEstimate(element, element.dataset.toolName);
}

region.setAttribute("aria-busy", "true");
try {
  render(await allTools());
} catch (error) {
  showError(error);
} finally {
  region.removeAttribute("aria-busy");
}
