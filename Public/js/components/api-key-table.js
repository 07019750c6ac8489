// A table of personal API keys (name, prefix, dates, never the secret) with a Revoke button on
// each that asks for a second click. One's own keys on /account, an account's on /admin/users.
import { api } from "../core/api.js";
import { h, clear, formatDate } from "../core/dom.js";
import { showError, toast } from "../core/toast.js";

/**
 * @param {string} path the keys' collection: `/api/v1/me/api-keys` or `/api/v1/users/{id}/api-keys`
 * @returns {{element: HTMLTableElement, load: () => Promise<void>}} `load` (re)reads the keys
 */
export function apiKeyTable(path) {
  const body = h("tbody");
  const element = h("table", { class: "data api-keys-table" },
    h("thead", {}, h("tr", {}, ["Name", "Key", "Created", "Expires", "Last used", ""].map((t) => h("th", { scope: "col" }, t)))),
    body);

  function revokeButton(key) {
    const button = h("button", { type: "button", class: "danger", "aria-label": `Revoke ${key.name}` }, "Revoke");
    let armed = false;
    button.addEventListener("click", async () => {
      // A second click confirms, so a stray click never cuts off a farm script.
      if (!armed) {
        armed = true;
        button.textContent = "Click again to revoke";
        setTimeout(() => { armed = false; button.textContent = "Revoke"; }, 4000);
        return;
      }
      try {
        await api.send("DELETE", `${path}/${key.id}`);
        toast(`Key “${key.name}” revoked.`);
        load();
      } catch (error) {
        showError(error);
      }
    });
    return button;
  }

  const row = (key) => h("tr", { dataset: { keyId: key.id } },
    h("td", {}, key.name), h("td", {}, h("code", {}, `${key.prefix}…`)),
    h("td", {}, formatDate(key.created_at)), h("td", {}, key.expires_at ? formatDate(key.expires_at) : "never"),
    h("td", {}, key.last_used_at ? formatDate(key.last_used_at) : "never"), h("td", {}, revokeButton(key)));

  async function load() {
    try {
      const page = await api.get(path);
      clear(body).append(...page.items.map(row));
      if (!page.items.length) body.append(h("tr", {}, h("td", { colspan: 6, class: "muted" }, "No API keys.")));
    } catch (error) {
      showError(error);
    }
  }

  return { element, load };
}
