// The files of a drop or a picker, with folders walked, each with its path relative to what
// was dropped (`shots/plate.1001.exr`), so sequences are grouped per folder and versions keep
// the layout. Hidden files (`.DS_Store`, anything under `.git/`) are left out, as ingest does.

/** @typedef {{file: File, path: string}} DroppedFile */

const hidden = (path) => path.split("/").some((part) => part.startsWith("."));
const visible = (files) => files.filter((f) => !hidden(f.path));

/**
 * The files of a drop. Must be called while the drop event is dispatched: the browser empties
 * the DataTransfer once the handler returns, so entries and handles are taken synchronously and
 * walked afterwards.
 * @param {DataTransfer} dataTransfer
 * @returns {Promise<DroppedFile[]>}
 */
export function filesFromDrop(dataTransfer) {
  const items = [...(dataTransfer.items ?? [])].filter((item) => item.kind === "file");
  if (!items.length) return Promise.resolve(visible([...(dataTransfer.files ?? [])].map((file) => ({ file, path: file.name }))));
  const taken = items.map((item) => {
    const entry = item.webkitGetAsEntry?.();
    return { entry, handle: entry ? null : item.getAsFileSystemHandle?.(), file: item.getAsFile() };
  });
  return Promise.all(taken.map(async ({ entry, handle, file }) => {
    if (entry) return walkEntry(entry);
    const resolved = await handle?.catch(() => null);
    if (resolved) return walkHandle(resolved, resolved.name);
    return file ? [{ file, path: file.name }] : [];
  })).then((lists) => visible(lists.flat()));
}

/**
 * The files chosen in an `<input type=file>` (with `webkitdirectory`, their paths inside the folder).
 * @param {HTMLInputElement} input
 * @returns {DroppedFile[]}
 */
export function filesFromInput(input) {
  return visible([...input.files].map((file) => ({ file, path: file.webkitRelativePath || file.name })));
}

// FileSystemEntry (webkitGetAsEntry): callbacks, and a directory is read in batches until one comes back empty.
async function walkEntry(entry) {
  const path = entry.fullPath.replace(/^\/+/, "");
  if (entry.isFile) return [{ file: await new Promise((resolve, reject) => entry.file(resolve, reject)), path }];
  if (!entry.isDirectory || hidden(path)) return [];
  const reader = entry.createReader();
  const children = [];
  for (;;) {
    const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
    if (!batch.length) break;
    children.push(...batch);
  }
  return (await Promise.all(children.map(walkEntry))).flat();
}

// FileSystemHandle (getAsFileSystemHandle), where entries are not offered.
async function walkHandle(handle, path) {
  if (handle.kind === "file") return [{ file: await handle.getFile(), path }];
  if (hidden(path)) return [];
  const files = [];
  for await (const [name, child] of handle.entries()) files.push(...(await walkHandle(child, `${path}/${name}`)));
  return files;
}
