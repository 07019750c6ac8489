// /projects: the projects the user belongs to (every project for administrators), with
// creating for producers and administrators, and archiving where they manage the project.
import "../core/shell.js";
import { api, idempotencyKey } from "../core/api.js";
import { h, $, clear, formatDate } from "../core/dom.js";
import { can } from "../core/session.js";
import { toast, showError } from "../core/toast.js";
import { projectStatusControl } from "../components/project-status.js";
import { formField } from "../components/form-field.js";
import { problemForm } from "../components/problem-form.js";
import { clearFieldErrors } from "../components/field-errors.js";

const root = $("#projects");
const PAGE = 100;

const filter = h("select", { id: "projects-status", "aria-label": "Show projects" },
  h("option", { value: "active" }, "Active"), h("option", { value: "archived" }, "Archived"), h("option", { value: "active,archived" }, "All"));
const body = h("tbody", {});
const more = h("button", { type: "button", id: "projects-more", hidden: true }, "Show more");
const empty = h("p", { class: "muted", hidden: true }, "No projects here.");
let cursor = null;

root.append(
  h("div", { class: "row projects-toolbar" }, filter, h("span", { class: "spacer" }),
    can("create_project") ? h("button", { type: "button", id: "project-new", class: "primary", onclick: openCreate }, "New project") : null),
  h("table", { class: "data projects-table" },
    h("thead", {}, h("tr", {},
      h("th", { scope: "col" }, "Name"), h("th", { scope: "col" }, "Code"), h("th", { scope: "col" }, "Status"),
      h("th", { scope: "col" }, "Created"), h("th", { scope: "col" }, h("span", { class: "muted" }, "Actions")))),
    body),
  empty, more);

const dialog = createDialog();
filter.addEventListener("change", () => load(true));
more.addEventListener("click", () => load(false));
load(true);

async function load(fresh) {
  if (fresh) { clear(body); cursor = null; }
  root.setAttribute("aria-busy", "true");
  try {
    const page = await api.get("/api/v1/projects", { query: { status: filter.value, limit: PAGE, cursor } });
    body.append(...page.items.map(row));
    cursor = page.next_cursor;
  } catch (error) {
    showError(error);
  } finally {
    root.removeAttribute("aria-busy");
  }
  more.hidden = !cursor;
  empty.hidden = body.rows.length > 0;
}

function row(project) {
  const status = h("td", {});
  const actions = h("td", { class: "actions" });
  const tr = h("tr", { dataset: { projectId: project.id, status: project.status } },
    h("td", {}, h("a", { href: `/projects/${project.id}` }, project.name)),
    h("td", { class: "mono" }, project.code),
    status,
    h("td", {}, formatDate(project.created_at)),
    actions);
  const show = (current) => {
    tr.dataset.status = current.status;
    clear(status).append(h("span", { class: "badge", dataset: { state: current.status } }, current.status));
    clear(actions);
    if (can("manage_project")) actions.append(projectStatusControl(current, show));
    // A project that no longer matches the filter leaves the list.
    if (!filter.value.split(",").includes(current.status)) tr.remove();
  };
  show(project);
  return tr;
}

function createDialog() {
  if (!can("create_project")) return null;
  const title = h("h2", { id: "project-create-title" }, "New project");
  const form = h("form", { id: "project-form", class: "project-form" },
    title,
    formField("Name", { name: "name", idPrefix: "project", required: true, maxlength: 200, autocomplete: "off" }),
    formField("Code (optional: made from the name)", { name: "code", idPrefix: "project", maxlength: 32, autocomplete: "off", class: "mono" }),
    formField("Description (optional)", { name: "description", idPrefix: "project", tag: "textarea", rows: 3 }),
    h("div", { class: "row" }, h("span", { class: "spacer" }),
      h("button", { type: "button", onclick: () => element.close() }, "Cancel"),
      h("button", { type: "submit", class: "primary" }, "Create")));
  const element = h("dialog", { id: "project-create", "aria-labelledby": title.id }, form);
  problemForm(form, async (values) => {
    const json = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v));
    // One key per opening of the dialog: a double submit, or a retry after a lost answer, makes one project.
    const created = await api.send("POST", "/api/v1/projects", { json, headers: { "Idempotency-Key": form.dataset.key } });
    element.close();
    toast(`Project ${created.name} (${created.code}) created.`);
    if (filter.value.split(",").includes(created.status)) body.prepend(row(created));
    empty.hidden = true;
  });
  document.body.append(element);
  return { element, form };
}

function openCreate() {
  const { element, form } = dialog;
  form.reset();
  clearFieldErrors(form);
  form.dataset.key = idempotencyKey();
  element.showModal();
  form.elements.name.focus();
}
