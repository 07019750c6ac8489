// /admin/users: accounts and their roles. Administrators create accounts, change a role or a
// display name (PATCH with If-Match: a stale row is reloaded, not overwritten), disable and
// enable accounts, and set a new password.
import "../core/shell.js";
import { api } from "../core/api.js";
import { h, clear, $, formatDate } from "../core/dom.js";
import { session } from "../core/session.js";
import { showError, toast } from "../core/toast.js";
import { formField } from "../components/form-field.js";
import { problemForm } from "../components/problem-form.js";

const ROLES = ["administrator", "producer", "artist", "client"];
const region = $("#users");
const body = h("tbody");
const rows = new Map(); // user id → row

function roleSelect(user, onChange) {
  const select = h("select", { "aria-label": `Role of ${user.username}`, name: "role" },
    ROLES.map((role) => h("option", { value: role, selected: role === user.role }, role)));
  select.addEventListener("change", () => onChange({ role: select.value }));
  return select;
}

function displayNameInput(user, onChange) {
  const input = h("input", { type: "text", value: user.display_name, "aria-label": `Display name of ${user.username}`, name: "display_name" });
  input.addEventListener("change", () => onChange({ display_name: input.value.trim() }));
  return input;
}

/** PATCH with the row's ETag; 412 means someone else changed it first, so show theirs. */
async function update(user, changes) {
  try {
    return await api.send("PATCH", `/api/v1/users/${user.id}`, { json: changes, headers: { "If-Match": user.etag } });
  } catch (error) {
    if (error.status === 412) {
      toast(`${user.username} was changed meanwhile; showing the current account.`, { kind: "error" });
      return api.get(`/api/v1/users/${user.id}`);
    }
    showError(error);
    return api.get(`/api/v1/users/${user.id}`);
  }
}

async function setDisabled(user, disabled) {
  try {
    return await api.send("POST", `/api/v1/users/${user.id}/${disabled ? "disable" : "enable"}`);
  } catch (error) {
    showError(error);
    return user;
  }
}

function userRow(user) {
  const replace = (next) => { const row = userRow(next); rows.get(user.id).replaceWith(row); rows.set(user.id, row); };
  const change = async (changes) => replace(await update(user, changes));
  const row = h("tr", { dataset: { userId: user.id, disabled: String(user.disabled) } },
    h("td", {}, h("strong", {}, user.username), user.id === session.userID ? h("span", { class: "muted" }, " (you)") : null),
    h("td", {}, displayNameInput(user, change)),
    h("td", {}, roleSelect(user, change)),
    h("td", {}, h("span", { class: "badge", dataset: { state: user.disabled ? "failed" : "succeeded" } }, user.disabled ? "disabled" : "enabled")),
    h("td", { class: "muted" }, formatDate(user.created_at)),
    h("td", { class: "row user-actions" },
      h("button", { type: "button", class: user.disabled ? "" : "danger", onclick: async () => replace(await setDisabled(user, !user.disabled)) },
        user.disabled ? "Enable" : "Disable"),
      h("button", { type: "button", onclick: () => passwordDialog(user) }, "Set password…")));
  return row;
}

/** A modal form; it closes once `send` succeeds and is removed when closed. */
function dialogForm(title, fields, submitLabel, send) {
  const dialog = h("dialog", { "aria-label": title });
  const form = h("form", { class: "dialog-form" }, h("h2", {}, title), fields,
    h("div", { class: "row" }, h("span", { class: "spacer" }),
      h("button", { type: "button", onclick: () => dialog.close() }, "Cancel"),
      h("button", { type: "submit", class: "primary" }, submitLabel)));
  problemForm(form, async (values) => { await send(values); dialog.close(); });
  dialog.append(form);
  dialog.addEventListener("close", () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
}

const field = (label, attributes) => formField(label, { idPrefix: "dialog", ...attributes });

function passwordDialog(user) {
  dialogForm(`New password for ${user.username}`,
    [field("Password (at least 12 characters)", { type: "password", name: "password", autocomplete: "new-password", required: true }),
     h("p", { class: "muted" }, "Their sessions and tokens are signed out; their API keys keep working.")],
    "Set password", async ({ password }) => {
      await api.send("POST", `/api/v1/users/${user.id}/password`, { json: { password } });
      toast(`Password of ${user.username} set.`);
    });
}

function newUserDialog() {
  const key = crypto.randomUUID(); // one key per dialog: a double submit creates one account
  dialogForm("New account", [
    field("Username", { type: "text", name: "username", autocomplete: "off", required: true }),
    field("Display name", { type: "text", name: "display_name" }),
    field("Role", { tag: "select", name: "role", options: ROLES.map((role) => h("option", { value: role, selected: role === "artist" }, role)) }),
    field("Password (at least 12 characters)", { type: "password", name: "password", autocomplete: "new-password", required: true }),
  ], "Create account", async (values) => {
    const user = await api.send("POST", "/api/v1/users", {
      json: { ...values, display_name: values.display_name || undefined }, headers: { "Idempotency-Key": key },
    });
    if (!rows.has(user.id)) { const row = userRow(user); rows.set(user.id, row); body.prepend(row); }
    toast(`Account ${user.username} created.`);
  });
}

async function load(role) {
  rows.clear();
  clear(body);
  try {
    for await (const user of api.page("/api/v1/users", { role: role || undefined, limit: 200 })) {
      const row = userRow(user);
      rows.set(user.id, row);
      body.append(row);
    }
  } catch (error) {
    showError(error);
  }
}

function toolbar() {
  const filter = h("select", { "aria-label": "Show role" }, h("option", { value: "" }, "all roles"), ROLES.map((role) => h("option", { value: role }, role)));
  filter.addEventListener("change", () => load(filter.value));
  return h("div", { class: "row users-toolbar" }, h("h1", {}, "Users and roles"), h("span", { class: "spacer" }), filter,
    h("button", { type: "button", class: "primary", id: "new-user", onclick: newUserDialog }, "New account…"));
}

clear(region).append(toolbar(),
  h("table", { class: "data users-table" },
    h("thead", {}, h("tr", {}, ["Username", "Display name", "Role", "Status", "Created", ""].map((t) => h("th", { scope: "col" }, t)))),
    body));
load("");
