import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { WorkerPool } from "../../src/server/pool/worker-pool.ts";
import { serverWorkerScript } from "../../src/server/pool/worker-script.ts";
import { buildServer } from "../../src/server/app.ts";
import { seededDbPath } from "../helpers/temp-store.ts";
import { APP_HEADERS, call } from "../server/helpers.ts";

// A PC sweep of 4,000 runs over 200 periods: about a second of work, long enough to overlap.
const SLOW = {
  model: "pc",
  periods: 200,
  grid: [
    { name: "alpha1", from: 0.5, to: 0.6995, step: 0.005 },
    { name: "theta", from: 0.1, to: 0.1995, step: 0.001 },
  ],
  outputs: [{ name: "Y", period: 200 }],
  set: {},
};
const QUICK = {
  ...SLOW,
  periods: 20,
  grid: [{ name: "theta", from: 0.1, to: 0.2, step: 0.05 }],
  outputs: [{ name: "Y", period: 20 }],
};

describe("WorkerPool", () => {
  it("runs a task on a worker and returns its value; a task's own error keeps its code", async () => {
    const pool = new WorkerPool(serverWorkerScript, { size: 1, queue: 4 });
    try {
      const text = await pool.run("sweep", QUICK, { budgetMs: 60_000 });
      expect((JSON.parse(text) as { runs: number }).runs).toBe(3);
      await expect(
        pool.run("sweep", { ...QUICK, outputs: [{ name: "nosuch", period: 2 }] }, { budgetMs: 60_000 }),
      ).rejects.toMatchObject({ code: "usage", message: expect.stringMatching(/nosuch/) as unknown });
    } finally {
      await pool.close();
    }
  });

  it("a task over its budget ends with 503 timeout, and the next task gets a fresh worker", async () => {
    const pool = new WorkerPool(serverWorkerScript, { size: 1, queue: 4 });
    try {
      await pool.run("sweep", QUICK, { budgetMs: 60_000 }); // the worker is up
      await expect(pool.run("sweep", SLOW, { budgetMs: 50 })).rejects.toMatchObject({
        status: 503,
        code: "timeout",
      });
      expect(pool.load).toEqual({ running: 0, waiting: 0 });
      const text = await pool.run("sweep", QUICK, { budgetMs: 60_000 });
      expect((JSON.parse(text) as { runs: number }).runs).toBe(3);
    } finally {
      await pool.close();
    }
  });

  it("a full queue answers 503 busy at once; a cancelled task frees its worker", async () => {
    const pool = new WorkerPool(serverWorkerScript, { size: 1, queue: 1 });
    try {
      const abort = new AbortController();
      const running = pool.run("sweep", SLOW, { budgetMs: 60_000, signal: abort.signal });
      const waiting = pool.run("sweep", QUICK, { budgetMs: 60_000 });
      await expect(pool.run("sweep", QUICK, { budgetMs: 60_000 })).rejects.toMatchObject({
        status: 503,
        code: "busy",
      });
      abort.abort();
      await expect(running).rejects.toMatchObject({ code: "cancelled" });
      // The waiting task runs on the worker started after the cancelled one ended.
      expect((JSON.parse(await waiting) as { runs: number }).runs).toBe(3);
    } finally {
      await pool.close();
    }
  });
});

describe("the server keeps answering during heavy requests", () => {
  let app: Awaited<ReturnType<typeof buildServer>>;
  let db: { path: string; cleanup: () => void };
  beforeAll(async () => {
    db = seededDbPath();
    app = await buildServer({
      dbPath: db.path,
      webRoot: "/nonexistent-web-root",
      budgets: { sweep: 60_000 },
    });
  });
  afterAll(async () => {
    await app.close();
    db.cleanup();
  });

  it("health and a sheet are answered while a sweep runs (before it ends)", async () => {
    await call(app, "/api/sheets/pboc/2013-12");
    const order: string[] = [];
    const sweep = call(app, { method: "POST", url: "/api/sim/sweep", payload: SLOW }).then((r) => {
      order.push("sweep");
      return r;
    });
    // Let the sweep reach its worker, then read.
    await new Promise((r) => setTimeout(r, 100));
    for (const url of ["/api/health", "/api/sheets/pboc/2013-12", "/api/health"]) {
      const r = await call(app, url);
      expect(r.status).toBe(200);
      order.push(url);
    }
    const s = await sweep;
    expect(s.status, s.raw.slice(0, 200)).toBe(200);
    expect((s.body as { runs: number }).runs).toBe(4000);
    expect(order).toEqual(["/api/health", "/api/sheets/pboc/2013-12", "/api/health", "sweep"]);
  });

  it("a sweep over the server's budget is a 503 JSON error with Retry-After, not a hung socket", async () => {
    const tight = await buildServer({
      dbPath: db.path,
      webRoot: "/nonexistent-web-root",
      budgets: { sweep: 50 },
    });
    try {
      const res = await tight.inject({
        method: "POST",
        url: "/api/sim/sweep",
        payload: SLOW,
        headers: APP_HEADERS,
      });
      expect(res.statusCode).toBe(503);
      expect(res.headers["retry-after"]).toBe("5");
      expect(JSON.parse(res.body)).toEqual({
        error: {
          code: "timeout",
          message:
            "the request did not finish within its time budget of 50 ms (ask for less, e.g. a smaller sweep, or use the CLI)",
        },
      });
    } finally {
      await tight.close();
    }
  });
});
