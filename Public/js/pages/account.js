// /account: change one's password, and one's personal API keys (for DCC panels, farm scripts
// and CI): list, create (the key is shown once, with a copy button) and revoke.
import "../core/shell.js";
import { api } from "../core/api.js";
import { h, clear, $ } from "../core/dom.js";
import { session } from "../core/session.js";
import { toast } from "../core/toast.js";
import { apiKeyTable } from "../components/api-key-table.js";
import { copyButton } from "../components/copy-button.js";
import { formField as field } from "../components/form-field.js";
import { problemForm, FormProblem } from "../components/problem-form.js";

const MIN_PASSWORD = 12;

// --- password ---

function passwordSection() {
  const form = h("form", { id: "password-form", class: "account-form", "aria-label": "Change password" },
    // For password managers, which file the new password under the account's username.
    h("input", { type: "text", autocomplete: "username", value: session.username, hidden: true, tabindex: "-1", "aria-hidden": "true" }),
    field("Current password", { type: "password", name: "current_password", autocomplete: "current-password", required: true }),
    field(`New password (at least ${MIN_PASSWORD} characters)`, { type: "password", name: "new_password", autocomplete: "new-password", minlength: MIN_PASSWORD, required: true }),
    field("New password again", { type: "password", name: "confirm_password", autocomplete: "new-password", required: true }),
    h("button", { type: "submit", class: "primary" }, "Change password"));
  problemForm(form, async (values) => {
    if (values.new_password !== values.confirm_password) {
      throw new FormProblem([{ field: "confirm_password", message: "does not match the new password" }]);
    }
    await api.send("POST", "/api/v1/me/password", { json: { current_password: values.current_password, new_password: values.new_password } });
    form.reset();
    toast("Password changed. Your other sessions and tokens were signed out; API keys keep working.");
  });
  clear($("#password")).append(h("h2", {}, "Password"), form);
}

// --- API keys ---

const keys = apiKeyTable("/api/v1/me/api-keys");

/** The new secret, shown once: it is stored as a hash and no route gives it back. */
function newKeyPanel(key) {
  const input = h("input", { type: "text", readonly: true, value: key.key, class: "mono new-key-value", "aria-label": "New API key", spellcheck: "false" });
  const panel = h("div", { class: "new-key", role: "status" },
    h("p", {}, h("strong", {}, `Key “${key.name}” created. `), "Copy it now: it is shown only this once."),
    h("div", { class: "row" }, input, copyButton(() => key.key, { input }),
      h("button", { type: "button", onclick: () => panel.remove() }, "Done")),
    h("p", { class: "muted" }, "Send it as Authorization: Bearer <key> or X-API-Key: <key>."));
  return panel;
}

function createKeyForm(panelSlot) {
  const form = h("form", { id: "api-key-form", class: "row api-key-form", "aria-label": "Create an API key" },
    field("Name", { type: "text", name: "name", maxlength: 100, required: true, placeholder: "e.g. Nuke panel" }),
    field("Expires (optional)", { type: "date", name: "expires_at" }),
    h("button", { type: "submit", class: "primary" }, "Create key"));
  problemForm(form, async (values) => {
    // A date means "through that day", local time.
    const expires = values.expires_at ? new Date(`${values.expires_at}T23:59:59`).toISOString() : undefined;
    const key = await api.send("POST", "/api/v1/me/api-keys", { json: { name: values.name, expires_at: expires } });
    form.reset();
    clear(panelSlot).append(newKeyPanel(key));
    panelSlot.querySelector("input").select();
    keys.load();
  });
  return form;
}

function keysSection() {
  const panelSlot = h("div", { class: "new-key-slot" });
  clear($("#api-keys")).append(
    h("h2", {}, "API keys"),
    h("p", { class: "muted" }, "Personal keys for DCC panels, farm jobs and CI. They act as you, with your role."),
    createKeyForm(panelSlot), panelSlot, keys.element);
  keys.load();
}

passwordSection();
keysSection();
