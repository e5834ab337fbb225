import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";

import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { buildServer } from "../../src/server/app.ts";
import { seededDbPath } from "../helpers/temp-store.ts";

let app: FastifyInstance;
let db: { path: string; cleanup: () => void };
const web = mkdtempSync(join(tmpdir(), "bslab-web-"));
const js = `export const x = ${JSON.stringify("bslab ".repeat(20_000))};\n`;

beforeAll(async () => {
  mkdirSync(join(web, "assets"));
  writeFileSync(join(web, "index.html"), "<!doctype html><title>t</title>");
  writeFileSync(join(web, "assets", "main-abc.js"), js);
  db = seededDbPath();
  app = await buildServer({ dbPath: db.path, webRoot: web, idleCloseMs: 50 });
});
afterAll(async () => {
  await app?.close();
  db?.cleanup();
  rmSync(web, { recursive: true, force: true });
});

describe("compression and JSON numbers", () => {
  it("serves static files brotli- or gzip-compressed as the client accepts, the same bytes after decoding", async () => {
    const br = await app.inject({ url: "/assets/main-abc.js", headers: { "accept-encoding": "gzip, br" } });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.rawPayload.length).toBeLessThan(js.length / 20);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(js);
    // Second request: from the cache of compressed assets, same bytes.
    const again = await app.inject({ url: "/assets/main-abc.js", headers: { "accept-encoding": "br" } });
    expect(again.rawPayload.equals(br.rawPayload)).toBe(true);
    const gz = await app.inject({ url: "/assets/main-abc.js", headers: { "accept-encoding": "gzip" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.rawPayload).toString()).toBe(js);
    const plain = await app.inject({ url: "/assets/main-abc.js" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(js);
  });

  it("compresses API JSON", async () => {
    const res = await app.inject({ url: "/api/openapi.json", headers: { "accept-encoding": "gzip" } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(res.rawPayload).toString())).toHaveProperty("openapi");
  });

  it("refuses null where a number is expected (a page's unparsed `abc`), naming the field, in the reader's language", async () => {
    const body = { model: "pc", periods: 10, set: { alpha1: null } };
    const headers = { "content-type": "application/json", "x-bslab-client": "1" };
    const res = await app.inject({
      method: "POST",
      url: "/api/sim/run",
      headers,
      payload: JSON.stringify(body),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain("/set/alpha1");
    const zh = await app.inject({
      method: "POST",
      url: "/api/sim/run?lang=zh",
      headers,
      payload: JSON.stringify(body),
    });
    expect(zh.json().error.message).toMatch(/请求体无效：\/set\/alpha1 应为有限数值/);
  });
});
