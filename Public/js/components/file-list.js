// A version's files with a download button and a copy-path button each. Only for those who may
// read sources: the page does not build it for a Client.
import { h, formatBytes } from "../core/dom.js";
import { copyButton } from "./copy-button.js";

/** Starts a same-origin download of `url` under its file name (the session cookie goes along). */
function download(url, path) {
  const link = h("a", { href: url, download: path.split("/").pop(), hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * @param {{path: string, size: number, sha256: string, url: string}[]} files
 * @returns {HTMLElement} a scrolling table of the files
 */
export function fileList(files) {
  const total = files.reduce((sum, file) => sum + file.size, 0);
  return h("div", { class: "file-list-scroll" }, h("table", { class: "data file-list" },
    h("caption", {}, `${files.length} ${files.length === 1 ? "file" : "files"} · ${formatBytes(total)}`),
    h("thead", {}, h("tr", {},
      h("th", { scope: "col" }, "Path"), h("th", { scope: "col" }, "Size"), h("th", { scope: "col" }, "SHA-256"),
      h("th", { scope: "col" }, "Actions"))),
    h("tbody", {}, files.map((file) => h("tr", {},
      h("td", { class: "mono file-path" }, file.path),
      h("td", { class: "file-size" }, formatBytes(file.size)),
      h("td", { class: "mono muted", title: file.sha256 }, file.sha256.slice(0, 12)),
      h("td", { class: "file-actions" },
        h("button", {
          type: "button", dataset: { action: "download" }, "aria-label": `Download ${file.path}`,
          onclick: () => download(file.url, file.path),
        }, "Download"),
        copyPath(file.path)))))));
}

function copyPath(path) {
  const button = copyButton(() => path, { label: "Copy path" });
  button.setAttribute("aria-label", `Copy the path ${path}`);
  return button;
}
