// Sends planned assets the hash-first way: hash each file, ask `HEAD /api/v1/blobs/{sha256}`,
// stream only the bytes the server lacks to `POST /api/v1/blobs?sha256=…`, then create the
// asset from the stored hashes with an Idempotency-Key, so a retry never makes it twice.
// A file that fails fails alone; the others go on.
import { api, ApiError, idempotencyKey } from "../core/api.js";
import { sha256Hex } from "./sha256.js";

/**
 * @typedef {object} UploadFile
 * @property {File} file
 * @property {string} path          where the file sits in the version
 * @property {"queued"|"hashing"|"skipped"|"uploading"|"done"|"failed"} state
 * @property {string|null} sha256
 * @property {number} hashed        bytes hashed so far
 * @property {number} sent          bytes sent so far
 * @property {{code: string, detail: string}|null} error
 *
 * @typedef {object} UploadAsset
 * @property {string} name
 * @property {string} type
 * @property {string|null} format
 * @property {UploadFile[]} files
 * @property {"queued"|"sending"|"created"|"failed"} state
 * @property {{code: string, detail: string}|null} error
 * @property {object|null} created  the asset the server made
 */

/** Runs at most `count` tasks at once, the rest in order of arrival. */
function limiter(count) {
  let active = 0;
  const waiting = [];
  return async (task) => {
    while (active >= count) await new Promise((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await task();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}

const problemOf = (error) => ({
  code: error?.code ?? "error",
  detail: [error?.detail || error?.title || error?.message, ...(error?.errors ?? []).map((e) => `${e.field}: ${e.message}`)]
    .filter(Boolean).join(" — "),
});

const CANCELLED = { code: "cancelled", detail: "Cancelled before it was stored." };

export class UploadQueue {
  /**
   * @param {{concurrency?: number, onChange: (item: UploadAsset|UploadFile) => void}} options
   */
  constructor({ concurrency = 3, onChange }) {
    this.slot = limiter(concurrency);
    this.onChange = onChange;
    /** Bytes sent over the wire in this page's life (for the rate). */
    this.bytesSent = 0;
    this.controller = null;
    /** sha256 → promise of its storing, so the same content in two files is sent once. */
    this.storing = new Map();
  }

  get running() { return this.controller !== null; }

  /**
   * Sends every asset of `assets` not created yet into project `projectID`; resolves when each
   * is created, failed or cancelled.
   * @param {UploadAsset[]} assets
   * @param {string} projectID
   */
  async run(assets, projectID) {
    if (this.controller) return;
    this.controller = new AbortController();
    const { signal } = this.controller;
    try {
      await Promise.all(assets.filter((a) => a.state !== "created").map((asset) => this.send(asset, projectID, signal)));
    } finally {
      this.controller = null;
    }
  }

  /** Stops hashing and uploads in flight; what was not stored goes back to the queue. */
  cancel() { this.controller?.abort(); }

  async send(asset, projectID, signal) {
    this.update(asset, { state: "sending", error: null });
    await Promise.all(asset.files.map((file) => this.store(file, signal)));
    if (signal.aborted) return this.update(asset, { state: "queued", error: CANCELLED });
    const failed = asset.files.filter((f) => f.state === "failed").length;
    if (failed) {
      return this.update(asset, { state: "failed", error: { code: "file_failed", detail: `${failed} of ${asset.files.length} files could not be stored.` } });
    }
    await this.create(asset, projectID);
  }

  /** Makes sure the server holds `file`'s bytes (done or skipped), or marks it failed. */
  async store(file, signal) {
    if (file.state === "done" || file.state === "skipped") return;
    this.update(file, { state: "queued", error: null });
    await this.slot(async () => {
      try {
        if (!file.sha256) {
          this.update(file, { state: "hashing" });
          file.sha256 = await sha256Hex(file.file, { signal, onProgress: (hashed) => this.update(file, { hashed }) });
        }
        signal.throwIfAborted();
        const sent = await this.ensure(file, signal);
        this.update(file, { state: sent ? "done" : "skipped", sent: sent ? file.file.size : 0 });
      } catch (error) {
        if (signal.aborted) this.update(file, { state: "queued", sent: 0, error: CANCELLED });
        else this.update(file, { state: "failed", sent: 0, error: problemOf(error) });
      }
    });
  }

  /** Whether `file`'s bytes had to be sent: false when the server (or another file of this run) already had them. */
  async ensure(file, signal) {
    const earlier = this.storing.get(file.sha256);
    if (earlier) {
      try { await earlier; return false; } catch { /* that attempt failed: this file tries on its own */ }
    }
    const attempt = this.upload(file, signal);
    this.storing.set(file.sha256, attempt);
    attempt.catch(() => { if (this.storing.get(file.sha256) === attempt) this.storing.delete(file.sha256); });
    return attempt;
  }

  async upload(file, signal) {
    if (await api.exists(`/api/v1/blobs/${file.sha256}`)) return false;
    signal.throwIfAborted();
    this.update(file, { state: "uploading", sent: 0 });
    let reported = 0;
    await api.upload("/api/v1/blobs", file.file, {
      query: { sha256: file.sha256 },
      headers: { "Content-Type": "application/octet-stream" },
      signal,
      onProgress: (loaded) => {
        this.bytesSent += loaded - reported;
        reported = loaded;
        this.update(file, { sent: loaded });
      },
    });
    return true;
  }

  async create(asset, projectID) {
    const body = {
      project_id: projectID,
      name: asset.name.trim(),
      type: asset.type,
      ...(asset.format ? { format: asset.format } : {}),
      files: asset.files.map((f) => ({ path: f.path, sha256: f.sha256 })),
    };
    // The same request retried keeps its key (the server answers with the first asset); a
    // changed request (a name edited after a failure) is a new one and gets a new key.
    const fingerprint = JSON.stringify(body);
    if (asset.keyFor !== fingerprint) Object.assign(asset, { key: idempotencyKey(), keyFor: fingerprint });
    try {
      const created = await api.send("POST", "/api/v1/assets", { json: body, headers: { "Idempotency-Key": asset.key } });
      this.update(asset, { state: "created", created, error: null });
    } catch (error) {
      this.blameFiles(asset, error);
      this.update(asset, { state: "failed", error: problemOf(error) });
    }
  }

  /** Puts field errors naming a file (`files[3].sha256`) on that file's row. */
  blameFiles(asset, error) {
    if (!(error instanceof ApiError)) return;
    for (const { field, message } of error.errors ?? []) {
      const index = /^files\[(\d+)\]/.exec(field)?.[1];
      const file = index !== undefined ? asset.files[Number(index)] : null;
      if (file) this.update(file, { state: "failed", error: { code: error.code, detail: `${field}: ${message}` } });
    }
  }

  update(item, changes) {
    Object.assign(item, changes);
    this.onChange(item);
  }
}
