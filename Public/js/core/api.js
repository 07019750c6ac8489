// The public API from the browser: same-origin session cookie, CSRF header on changes,
// problem+json turned into ApiError. Everything the UI does goes through here.

/** An API answer that was a problem (RFC 9457) or a network failure. */
export class ApiError extends Error {
  constructor({ status = 0, code = "network_error", title = "Network error", detail = "", errors = [] } = {}) {
    super(detail || title);
    this.status = status;
    this.code = code;
    this.title = title;
    this.detail = detail;
    /** Per-field errors: [{field, message}]. */
    this.errors = errors;
  }
}

// One id per tab, so the events this tab causes can be told apart from others'.
const clientId = (crypto.randomUUID?.() ?? `${Date.now()}-${Math.random()}`).toString();

/**
 * A fresh value for an `Idempotency-Key` header. crypto.randomUUID exists only in secure
 * contexts (https, localhost), not on a server reached over plain http at a LAN address;
 * getRandomValues exists everywhere.
 */
export function idempotencyKey() {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

export function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)atlas_csrf=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : "";
}

function headersFor(method, extra = {}) {
  const headers = { "Atlas-Client-Id": clientId, Accept: "application/json", ...extra };
  if (method !== "GET" && method !== "HEAD") headers["X-CSRF-Token"] = csrfToken();
  return headers;
}

function url(path, query) {
  const target = new URL(path, location.origin);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === "") continue;
    for (const item of Array.isArray(value) ? value : [value]) target.searchParams.append(name, String(item));
  }
  return target.pathname + target.search;
}

function toLogin() {
  location.assign(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
}

async function problem(response) {
  let body = {};
  try { body = await response.json(); } catch { /* not JSON: keep the status */ }
  return new ApiError({
    status: response.status,
    code: body.code ?? `http_${response.status}`,
    title: body.title ?? response.statusText,
    detail: body.detail ?? "",
    errors: body.errors ?? [],
  });
}

async function request(method, path, { query, json, body, headers = {}, raw = false, signal } = {}) {
  const init = { method, credentials: "same-origin", headers: headersFor(method, headers), signal };
  if (json !== undefined) {
    init.body = JSON.stringify(json);
    init.headers["Content-Type"] = "application/json";
  } else if (body !== undefined) {
    init.body = body;
  }
  let response;
  try {
    response = await fetch(url(path, query), init);
  } catch (error) {
    // A caller that aborted (a newer search replaced this one) wants its AbortError, not a toast.
    if (error.name === "AbortError") throw error;
    throw new ApiError({ detail: `The server could not be reached (${error.message}).` });
  }
  if (response.status === 401) {
    toLogin();
    throw await problem(response);
  }
  if (!response.ok && response.status !== 304) throw await problem(response);
  if (raw) return response;
  if (response.status === 204 || method === "HEAD") return null;
  const type = response.headers.get("Content-Type") ?? "";
  return type.includes("json") ? response.json() : response.text();
}

export const api = {
  clientId,
  /** GET a JSON resource. */
  get: (path, options = {}) => request("GET", path, options),
  /** Any method; `json` is sent as JSON, `body` as is. `raw: true` returns the Response. */
  send: (method, path, options = {}) => request(method, path, options),
  /** Whether a HEAD answers 2xx (404 is false, other problems throw). */
  async exists(path) {
    try {
      await request("HEAD", path);
      return true;
    } catch (error) {
      if (error.status === 404) return false;
      throw error;
    }
  },
  /** Every item of a cursor-paged list, page by page. */
  async *page(path, query = {}) {
    let cursor;
    do {
      const page = await request("GET", path, { query: { ...query, cursor } });
      yield* page.items;
      cursor = page.next_cursor;
    } while (cursor);
  },
  /** A raw body upload with progress (fetch cannot report upload progress). */
  upload(path, blob, { query, headers = {}, onProgress, signal } = {}) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open("POST", url(path, query));
      for (const [name, value] of Object.entries(headersFor("POST", headers))) xhr.setRequestHeader(name, value);
      xhr.upload.onprogress = (event) => onProgress?.(event.loaded, event.lengthComputable ? event.total : blob.size);
      xhr.onerror = () => reject(new ApiError({ detail: "The upload was interrupted." }));
      xhr.onabort = () => reject(new ApiError({ code: "aborted", title: "Cancelled", detail: "The upload was cancelled." }));
      xhr.onload = () => {
        let body = {};
        try { body = JSON.parse(xhr.responseText || "{}"); } catch { /* keep {} */ }
        if (xhr.status >= 200 && xhr.status < 300) return resolve(body);
        if (xhr.status === 401) toLogin();
        reject(new ApiError({ status: xhr.status, code: body.code, title: body.title, detail: body.detail, errors: body.errors }));
      };
      signal?.addEventListener("abort", () => xhr.abort());
      xhr.send(blob);
    });
  },
};
