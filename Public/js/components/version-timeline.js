// An asset's versions, newest first: thumbnail, number, status, who and when, comment. Writers
// change a status in place and revert to an older version; everyone picks which version the
// page shows. The page owns the data and the requests; this only draws and reports intent.
import { h, formatDate } from "../core/dom.js";

export const STATUSES = ["wip", "review", "approved", "deprecated"];

/**
 * @param {HTMLElement} container
 * @param {{canWrite: boolean, nameOf: (id: string|null) => string, thumbnailOf: (version) => string|null,
 *   onSelect: (number: number) => void, onStatus: (version, status: string) => void, onRevert: (version) => void}} options
 */
export function createVersionTimeline(container, options) {
  const list = h("ol", { class: "version-timeline", "aria-label": "Versions, newest first" });
  container.append(list);

  function statusControl(version) {
    if (!options.canWrite) return h("span", { class: "badge", dataset: { state: version.status } }, version.status);
    const select = h("select", {
      class: "version-status", "aria-label": `Status of version ${version.number}`, dataset: { state: version.status },
    }, STATUSES.map((status) => h("option", { value: status, selected: status === version.status }, status)));
    select.addEventListener("change", () => {
      const wanted = select.value;
      select.value = version.status; // shown once the server agrees
      options.onStatus(version, wanted);
    });
    return select;
  }

  function thumbnail(version) {
    const src = options.thumbnailOf(version);
    return src ? h("img", { class: "version-thumb", src, alt: "", loading: "lazy" })
      : h("span", { class: "version-thumb", dataset: { state: version.previews?.state ?? "pending" }, "aria-hidden": "true" });
  }

  function row(version, { selected, latest }) {
    const number = version.number;
    return h("li", {
      class: "version-row", dataset: { versionNumber: number }, "aria-current": number === selected ? "true" : null,
    },
    thumbnail(version),
    h("div", { class: "version-main" },
      h("div", { class: "version-head" },
        h("button", {
          type: "button", class: "version-open link", "aria-label": `Show version ${number}`, onclick: () => options.onSelect(number),
        }, `v${number}`),
        number === latest ? h("span", { class: "tag" }, "latest") : null,
        statusControl(version),
        h("span", { class: "spacer" }),
        h("time", { datetime: version.created_at, class: "muted" }, formatDate(version.created_at))),
      version.comment ? h("p", { class: "version-comment" }, version.comment) : null,
      h("div", { class: "version-meta muted" },
        options.nameOf(version.created_by),
        version.reverted_from ? ` · reverted from v${version.reverted_from}` : "",
        version.updated_by && version.updated_at !== version.created_at
          ? ` · status set by ${options.nameOf(version.updated_by)} ${formatDate(version.updated_at)}` : ""),
      options.canWrite && number !== latest
        ? h("div", { class: "version-actions" }, h("button", {
          type: "button", dataset: { action: "revert" }, "aria-label": `Revert to version ${number}`, onclick: () => options.onRevert(version),
        }, "Revert to this")) : null));
  }

  return {
    /** Draws `versions` (newest first), keeping keyboard focus on the row it was in. */
    render(versions, { selected, latest }) {
      const focused = document.activeElement?.closest?.("[data-version-number]");
      const focusNumber = focused && list.contains(focused) ? focused.dataset.versionNumber : null;
      const focusClass = focusNumber ? document.activeElement.className : "";
      list.replaceChildren(...versions.map((version) => row(version, { selected, latest })));
      if (focusNumber) {
        const again = list.querySelector(`[data-version-number="${focusNumber}"]`);
        (again?.querySelector(focusClass ? `.${focusClass.split(" ")[0]}` : "button") ?? again?.querySelector("button"))?.focus();
      }
    },
    /** Marks a row briefly, so a change made elsewhere is seen. */
    flash(number) {
      const item = list.querySelector(`[data-version-number="${number}"]`);
      if (!item) return;
      item.dataset.changed = "";
      setTimeout(() => delete item.dataset.changed, 2500);
    },
  };
}
