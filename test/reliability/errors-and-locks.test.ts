import { spawn, type ChildProcess } from "node:child_process";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { buildServer } from "../../src/server/app.ts";
import { Store } from "../../src/store/store.ts";
import { seededDbPath } from "../helpers/temp-store.ts";
import { call } from "../server/helpers.ts";

/** Another process holding the database read-write (as an import's write does), until killed. */
function holdWriteLock(path: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      "-e",
      `const { DuckDBInstance } = require("@duckdb/node-api");
       DuckDBInstance.create(${JSON.stringify(path)}).then(() => { console.log("held"); setInterval(() => {}, 1000); });`,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => d.toString().includes("held") && resolve(child));
    child.on("exit", (code) => reject(new Error(`lock holder exited ${code}`)));
  });
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });

describe("error envelope", () => {
  let app: Awaited<ReturnType<typeof buildServer>>;
  let db: { path: string; cleanup: () => void };
  beforeAll(async () => {
    db = seededDbPath();
    app = await buildServer({ dbPath: db.path, webRoot: "/nonexistent-web-root" });
    // Routes that fail the way a driver does, to see what the client is told.
    app.get("/api/test-raw", async () => {
      throw new Error("Conversion Error: Could not convert string 'x' to INT32 at duckdb::Vector internals");
    });
    app.get("/api/test-lock", async () => {
      throw new Error(
        'IO Error: Could not set lock on file "/tmp/x.duckdb": Conflicting lock is held in node (PID 4242)',
      );
    });
  });
  afterAll(async () => {
    await app.close();
    db.cleanup();
  });

  it("a malformed URL (/%c0%ae...) is our 400 envelope, not Fastify's own body", async () => {
    const r = await call(app, "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd");
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      error: {
        code: "usage",
        message:
          'the address "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd" is not valid percent-encoding (see /api/openapi.json for the endpoints)',
      },
    });
  });

  it("a driver's error is a 500 without its text; a lock held elsewhere is a friendly 503", async () => {
    const raw = await call(app, "/api/test-raw");
    expect(raw.status).toBe(500);
    expect(raw.body).toEqual({
      error: {
        code: "internal",
        message:
          "internal error (Error): the request could not be completed; the server's log has the details",
      },
    });
    expect(raw.raw).not.toMatch(/duckdb|Conversion/);
    const lock = await call(app, "/api/test-lock");
    expect(lock.status).toBe(503);
    expect(lock.body).toEqual({
      error: {
        code: "store",
        message: `database ${db.path} is in use by another bslab process (an import or a second server?); retry when it has finished`,
      },
    });
  });

  it("every answer of every kind has exactly {error:{code,message}} (place for readers)", async () => {
    for (const url of [
      "/api/nosuch",
      "/api/sheets/pboc/2013-13",
      "/api/sheets/nosuch/2013-12",
      "/api/models/nosuch",
    ]) {
      const r = await call<{ error: Record<string, unknown> }>(app, url);
      expect(r.status, url).toBeGreaterThanOrEqual(400);
      expect(Object.keys(r.body), url).toEqual(["error"]);
      expect(Object.keys(r.body.error).sort(), url).toEqual(["code", "message"]);
    }
  });
});

describe("the database lock", () => {
  it("an open waits for a writer in another process, then succeeds; past its wait it says so", async () => {
    const db = seededDbPath();
    try {
      let holder = await holdWriteLock(db.path);
      await expect(Store.open({ path: db.path, readOnly: true, lockWaitMs: 300 })).rejects.toThrow(
        `database ${db.path} is in use by another bslab process (an import or a second server?); retry when it has finished`,
      );
      // Released while the open is still retrying: it gets the file.
      setTimeout(() => void stop(holder), 500);
      const store = await Store.open({ path: db.path, readOnly: true, lockWaitMs: 10_000 });
      expect((await store.all("select count(*) as n from entities"))[0]!.n).toBeGreaterThan(0);
      store.close();
      holder = await holdWriteLock(db.path);
      await stop(holder);
    } finally {
      db.cleanup();
    }
  });
});
