import { request } from "node:http";
import type { AddressInfo } from "node:net";

import type { FastifyInstance } from "fastify";
import type { ViteDevServer } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { buildServer } from "../../src/server/app.ts";
import { seededDbPath } from "../helpers/temp-store.ts";
import { multipart } from "./helpers.ts";

// `npx vite web` (the dev server) in front of a real `bslab serve`: the page's origin is the dev
// server's, and the API's guard (src/server/guard.ts) must still let the app in and others out.

let api: FastifyInstance;
let vite: ViteDevServer;
let db: { path: string; cleanup: () => void };
let devPort: number;

beforeAll(async () => {
  db = seededDbPath();
  api = await buildServer({ dbPath: db.path, webRoot: "/nonexistent-web-root", idleCloseMs: 50 });
  await api.listen({ port: 0, host: "127.0.0.1" });
  process.env.BSLAB_API = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
  const { createServer } = await import("vite");
  vite = await createServer({
    configFile: "web/vite.config.ts",
    logLevel: "silent",
    server: { port: 0, host: "127.0.0.1", strictPort: true },
  });
  await vite.listen();
  devPort = (vite.httpServer!.address() as AddressInfo).port;
});

afterAll(async () => {
  await vite?.close();
  await api?.close();
  delete process.env.BSLAB_API;
  db.cleanup();
});

/** One request to the dev server, headers exactly as given (Host included). */
function send(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Buffer,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: devPort, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const CSV =
  "entity,date,item,side,currency,maturity,value,unit\n" +
  "devbank,2024-12,loans,asset,EUR,long,10,EUR millions\n" +
  "devbank,2024-12,deposits,liability,EUR,short,10,EUR millions\n";

describe("the Vite dev proxy and the Host/Origin guard", () => {
  it("reads pass through the proxy", async () => {
    const r = await send("GET", "/api/health", { host: `localhost:${devPort}` });
    expect(r.status, r.body).toBe(200);
  });

  it("the dev page's own import (its Origin, same-origin fetch, the app's header) is accepted", async () => {
    const origin = `http://localhost:${devPort}`;
    const m = multipart("dev.csv", CSV);
    const r = await send(
      "POST",
      "/api/imports",
      {
        host: `localhost:${devPort}`,
        origin,
        "sec-fetch-site": "same-origin",
        "x-bslab-client": "web",
        ...m.headers,
      },
      m.payload,
    );
    expect(r.status, r.body).toBe(201);
    const dates = await send("GET", "/api/entities/devbank/dates", { host: `localhost:${devPort}` });
    expect(dates.status, dates.body).toBe(200);
  });

  it("a foreign page's import through the dev server is still refused, and writes nothing", async () => {
    const m = multipart("evil.csv", CSV.replaceAll("devbank", "evilbank"));
    const attempts: Array<Record<string, string>> = [
      { host: `localhost:${devPort}`, origin: "http://evil.example", "x-bslab-client": "web" },
      {
        host: `localhost:${devPort}`,
        origin: `http://localhost:${devPort}`,
        "sec-fetch-site": "cross-site",
        "x-bslab-client": "web",
      },
      // DNS rebinding onto the dev server: its own name check (allowedHosts) refuses the Host.
      {
        host: `evil.example:${devPort}`,
        origin: `http://evil.example:${devPort}`,
        "sec-fetch-site": "same-origin",
        "x-bslab-client": "web",
      },
      // Without the app's header (a plain form post from anywhere).
      { host: `localhost:${devPort}`, origin: `http://localhost:${devPort}` },
    ];
    for (const headers of attempts) {
      const r = await send("POST", "/api/imports", { ...headers, ...m.headers }, m.payload);
      expect(r.status, JSON.stringify(headers)).toBeGreaterThanOrEqual(400);
      expect(r.status, JSON.stringify(headers)).toBeLessThan(500);
    }
    const dates = await send("GET", "/api/entities/evilbank/dates", { host: `localhost:${devPort}` });
    expect(dates.status).toBe(404);
  });
});
