// What every page does: sign out, the `/` shortcut to search, Esc to close a dialog.
import { api } from "./api.js";
import { showError } from "./toast.js";

for (const button of document.querySelectorAll("[data-action=sign-out]")) {
  button.addEventListener("click", async () => {
    try {
      await api.send("POST", "/api/v1/auth/logout");
      location.assign("/login");
    } catch (error) {
      showError(error);
    }
  });
}

document.addEventListener("keydown", (event) => {
  const typing = event.target.closest?.("input, textarea, select, [contenteditable]");
  if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey) {
    const search = document.querySelector("[data-search]");
    if (search) {
      event.preventDefault();
      search.focus();
      search.select?.();
    }
  }
  if (event.key === "Escape") {
    const open = document.querySelector("dialog[open]");
    if (open) open.close();
  }
});
