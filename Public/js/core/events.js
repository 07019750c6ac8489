// One events WebSocket per tab, shared by every module that subscribes. After a drop it
// reconnects with back-off, fetches what it missed from the replay endpoint and subscribes
// again, so a module sees each event once and in order.
import { api } from "./api.js";

const handlers = new Map(); // topic → Set<handler>
let socket = null;
let lastSeq = null;
let backoff = 500;
let connecting = false;

function deliver(event) {
  if (typeof event.seq === "number") {
    if (lastSeq !== null && event.seq <= lastSeq) return;
    lastSeq = event.seq;
  }
  for (const handler of handlers.get(event.topic) ?? []) {
    try { handler(event); } catch (error) { console.error(error); }
  }
}

async function replay() {
  if (lastSeq === null) return;
  let after = lastSeq;
  for (;;) {
    const page = await api.get("/api/v1/events", { query: { after, limit: 500 } });
    for (const event of page.items ?? []) deliver(event);
    if (!page.next_cursor || !(page.items ?? []).length) break;
    after = page.next_cursor;
  }
}

function send(message) {
  if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
}

function connect() {
  if (connecting || socket) return;
  connecting = true;
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  const ws = new WebSocket(`${scheme}//${location.host}/api/v1/events`);
  ws.addEventListener("message", async (message) => {
    let event;
    try { event = JSON.parse(message.data); } catch { return; }
    if (event.type === "welcome") {
      backoff = 500;
      try { await replay(); } catch { /* the live stream goes on; a later resync retries */ }
      if (lastSeq === null) lastSeq = event.seq;
      if (handlers.size) send({ type: "subscribe", topics: [...handlers.keys()] });
    } else if (event.type === "resync") {
      try { await replay(); } catch { /* keep going */ }
    } else if (event.topic) {
      deliver(event);
    }
  });
  ws.addEventListener("open", () => { connecting = false; socket = ws; });
  ws.addEventListener("close", () => {
    connecting = false;
    socket = null;
    if (!handlers.size) return;
    setTimeout(connect, backoff);
    backoff = Math.min(backoff * 2, 15000);
  });
}

export const events = {
  /**
   * Calls `handler` with each event on any of `topics` ("jobs", "job:<id>", "asset:<id>",
   * "project:<id>", "batch:<id>"). Returns a function that unsubscribes.
   */
  subscribe(topics, handler) {
    const fresh = [];
    for (const topic of topics) {
      if (!handlers.has(topic)) { handlers.set(topic, new Set()); fresh.push(topic); }
      handlers.get(topic).add(handler);
    }
    if (socket) { if (fresh.length) send({ type: "subscribe", topics: fresh }); } else connect();
    return () => {
      const gone = [];
      for (const topic of topics) {
        const set = handlers.get(topic);
        set?.delete(handler);
        if (set && !set.size) { handlers.delete(topic); gone.push(topic); }
      }
      if (gone.length) send({ type: "unsubscribe", topics: gone });
    };
  },
};
