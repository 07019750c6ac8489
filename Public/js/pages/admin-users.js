// /admin/users: accounts and their roles. Administrators create accounts, change a role or a
// display name (PATCH with If-Match: a stale row is reloaded, not overwritten), disable and
// enable accounts, set a new password, and see and revoke an account's API keys.
import "../core/shell.js";
import { api } from "../core/api.js";
import { h, clear, $, formatDate } from "../core/dom.js";
import { session } from "../core/session.js";
import { showError, toast } from "../core/toast.js";
import { formField } from "../components/form-field.js";
import { dialogForm } from "../components/dialog-form.js";
import { apiKeyTable } from "../components/api-key-table.js";

const ROLES = ["administrator", "producer", "artist", "client"];
const region = $("#users");
const body = h("tbody");
const rows = new Map(); // user id → row

/** PATCH with the row's ETag; 412 means someone else changed it first, so show theirs. */
async function update(user, changes) {
  try {
    return await api.send("PATCH", `/api/v1/users/${user.id}`, { json: changes, headers: { "If-Match": user.etag } });
  } catch (error) {
    if (error.status === 412) toast(`${user.username} was changed meanwhile; showing the account as it is now.`, { kind: "error" });
    else showError(error);
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

/** A row whose controls are updated in place, so focus stays where the keyboard left it. */
function userRow(first) {
  let user = first;
  const displayName = h("input", { type: "text", name: "display_name", "aria-label": `Display name of ${user.username}` });
  const role = h("select", { name: "role", "aria-label": `Role of ${user.username}` }, ROLES.map((value) => h("option", { value }, value)));
  const status = h("span", { class: "badge" });
  const toggle = h("button", { type: "button", dataset: { action: "toggle-disabled" } });
  const row = h("tr", { dataset: { userId: user.id } },
    h("td", {}, h("strong", {}, user.username), user.id === session.userID ? h("span", { class: "muted" }, " (you)") : null),
    h("td", {}, displayName), h("td", {}, role), h("td", {}, status),
    h("td", { class: "muted" }, formatDate(user.created_at)),
    h("td", { class: "row user-actions" }, toggle, h("button", { type: "button", onclick: () => passwordDialog(user) }, "Set password…"),
      h("button", { type: "button", dataset: { action: "api-keys" }, onclick: () => keysDialog(user) }, "API keys…")));

  const render = (next) => {
    user = next;
    row.dataset.disabled = String(user.disabled);
    displayName.value = user.display_name;
    role.value = user.role;
    status.dataset.state = user.disabled ? "failed" : "succeeded";
    status.textContent = user.disabled ? "disabled" : "enabled";
    toggle.textContent = user.disabled ? "Enable" : "Disable";
    toggle.classList.toggle("danger", !user.disabled);
  };
  displayName.addEventListener("change", async () => render(await update(user, { display_name: displayName.value.trim() })));
  role.addEventListener("change", async () => render(await update(user, { role: role.value })));
  toggle.addEventListener("click", async () => render(await setDisabled(user, !user.disabled)));
  render(user);
  return row;
}

const field = (label, attributes) => formField(label, { idPrefix: "dialog", ...attributes });

function passwordDialog(user) {
  dialogForm(`New password for ${user.username}`,
    [h("input", { type: "text", autocomplete: "username", value: user.username, hidden: true, tabindex: "-1", "aria-hidden": "true" }),
     field("Password (at least 12 characters)", { type: "password", name: "password", autocomplete: "new-password", required: true }),
     h("p", { class: "muted" }, "Their sessions and tokens are signed out; their API keys keep working.")],
    "Set password", async ({ password }) => {
      await api.send("POST", `/api/v1/users/${user.id}/password`, { json: { password } });
      toast(`Password of ${user.username} set.`);
    });
}

/** The account's API keys, to revoke one (a leaked key, a retired script) without disabling the account. */
function keysDialog(user) {
  const keys = apiKeyTable(`/api/v1/users/${user.id}/api-keys`);
  const title = `API keys of ${user.username}`;
  const dialog = h("dialog", { "aria-label": title, class: "api-keys-dialog" },
    h("h2", {}, title),
    h("p", { class: "muted" }, "Keys act as the account, with its role. New keys are made by the account itself, which alone sees the secret."),
    keys.element,
    h("div", { class: "row" }, h("span", { class: "spacer" }), h("button", { type: "button", onclick: () => dialog.close() }, "Close")));
  dialog.addEventListener("close", () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  keys.load();
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
