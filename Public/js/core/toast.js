import { h } from "./dom.js";

/** A short message in the corner; errors stay until dismissed. */
export function toast(message, { kind = "info", timeout = 5000 } = {}) {
  const region = document.getElementById("toasts");
  if (!region) return;
  const close = h("button", { type: "button", class: "toast-close", "aria-label": "Dismiss" }, "×");
  const item = h("div", { class: `toast toast-${kind}`, role: kind === "error" ? "alert" : null }, h("span", {}, message), close);
  close.addEventListener("click", () => item.remove());
  region.append(item);
  if (kind !== "error") setTimeout(() => item.remove(), timeout);
}

/** What went wrong, in one line: a problem's detail, else the error's message. */
export function problemText(error) {
  return error?.detail || error?.message || String(error);
}

/** Shows an ApiError (with its field errors) or any other error. */
export function showError(error) {
  const fields = (error?.errors ?? []).map((e) => `${e.field}: ${e.message}`).join("; ");
  toast([error?.title, problemText(error), fields].filter(Boolean).join(" — "), { kind: "error" });
}
