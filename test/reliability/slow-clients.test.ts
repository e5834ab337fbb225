import { connect, type Socket } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { buildServer } from "../../src/server/app.ts";
import { seededDbPath } from "../helpers/temp-store.ts";

// The server's timeouts scaled down (defaults: headers 10 s, request 30 s, keep-alive 5 s).
const TIMEOUTS = { headers: 1_000, request: 2_000, keepAlive: 500 };

let app: Awaited<ReturnType<typeof buildServer>>;
let db: { path: string; cleanup: () => void };
let port: number;
beforeAll(async () => {
  db = seededDbPath();
  app = await buildServer({ dbPath: db.path, webRoot: "/nonexistent-web-root", timeouts: TIMEOUTS });
  // As `bslab serve` listens: a burst of connections waits in the accept queue, not in SYN retries.
  port = Number(new URL(await app.listen({ host: "127.0.0.1", port: 0, backlog: 4096 })).port);
});
afterAll(async () => {
  await app.close();
  db.cleanup();
});

/** Opens a socket; resolves with the milliseconds until the server closed it. */
function open(): { socket: Socket; closed: Promise<number> } {
  // Timed from the connection (opening thousands of sockets takes a while on a busy machine).
  let t = performance.now();
  const socket = connect(port, "127.0.0.1", () => (t = performance.now()));
  socket.on("error", () => undefined);
  socket.on("data", () => undefined);
  const closed = new Promise<number>((resolve) => socket.on("close", () => resolve(performance.now() - t)));
  return { socket, closed };
}

/** Writes `text` one byte every `ms` until the socket closes. */
function dribble(socket: Socket, text: string, ms: number): void {
  let i = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || i >= text.length) return clearInterval(timer);
    socket.write(text[i++]!);
  }, ms);
}

describe("slow and idle clients are closed", () => {
  it("dribbled headers: closed after the headers timeout", async () => {
    const { socket, closed } = open();
    dribble(socket, `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Pad: ${"a".repeat(500)}`, 50);
    const ms = await closed;
    expect(ms).toBeGreaterThan(TIMEOUTS.headers * 0.9);
    expect(ms).toBeLessThan(TIMEOUTS.headers + 2_500);
  });

  it("a dribbled body: closed after the request timeout", async () => {
    const { socket, closed } = open();
    socket.write(
      `POST /api/sim/run HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nx-bslab-client: t\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n`,
    );
    dribble(socket, " ".repeat(1000), 50);
    const ms = await closed;
    expect(ms).toBeGreaterThan(TIMEOUTS.request * 0.9);
    expect(ms).toBeLessThan(TIMEOUTS.request + 2_500);
  });

  it("an idle keep-alive socket: closed after the keep-alive timeout", async () => {
    const { socket, closed } = open();
    socket.write(`GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    expect(await closed).toBeLessThan(TIMEOUTS.keepAlive + 2_500);
  });

  // Counts, not times: the server's own count of open sockets, and the order of events, whatever
  // the machine's load.
  it("3,000 idle sockets held open: the server counts them all, and health answers meanwhile", async () => {
    // Its own server whose idle sockets stay open (a minute): none can time out during the test.
    const holding = await buildServer({
      dbPath: db.path,
      webRoot: "/nonexistent-web-root",
      timeouts: { ...TIMEOUTS, headers: 60_000 },
    });
    const held = () =>
      new Promise<number>((r, j) => holding.server.getConnections((e, n) => (e ? j(e) : r(n))));
    let heldAtHealth = -1;
    holding.addHook("onRequest", async () => void (heldAtHealth = await held()));
    const base = await holding.listen({ host: "127.0.0.1", port: 0, backlog: 4096 });
    const sockets: Socket[] = [];
    try {
      const port = Number(new URL(base).port);
      for (let i = 0; i < 3000; i++) {
        const socket = connect(port, "127.0.0.1");
        socket.on("error", () => undefined);
        sockets.push(socket);
      }
      await expect.poll(held, { timeout: 60_000 }).toBe(3000);
      const health = await fetch(`${base}/api/health`, { headers: { connection: "close" } });
      expect(health.status).toBe(200);
      // Answered while every idle socket was still open (theirs and its own).
      expect(heldAtHealth).toBe(3001);
      expect(sockets.filter((s) => s.destroyed)).toEqual([]);
    } finally {
      for (const s of sockets) s.destroy();
      await holding.close();
    }
  });

  it("3,000 idle sockets are all closed by the server, none before the headers timeout", async () => {
    const sockets = Array.from({ length: 3000 }, () => open());
    const times = await Promise.all(sockets.map((s) => s.closed));
    // Closed by the server's timer (this side never ends them), each after its idle time.
    expect(Math.min(...times)).toBeGreaterThan(TIMEOUTS.headers * 0.9);
    await expect.poll(() => new Promise<number>((r) => app.server.getConnections((_e, n) => r(n)))).toBe(0);
    // The server still answers once they are gone.
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
  });
});
