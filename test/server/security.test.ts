import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { buildServer } from "../../src/server/app.ts";
import { splitHost } from "../../src/server/guard.ts";
import { seededDbPath } from "../helpers/temp-store.ts";
import { call, multipart, testServer, type ErrorAnswer } from "./helpers.ts";

let server: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  server = await testServer();
});
afterAll(() => server.cleanup());

const CSV = [
  "entity,date,item,side,currency,maturity,value,unit",
  "evilbank,2024-12,loans,asset,EUR,long,10,EUR millions",
  "evilbank,2024-12,deposits,liability,EUR,short,10,EUR millions",
].join("\n");

/** What an import would change: the datasets and the imported entity's dates. */
async function storeState(): Promise<string> {
  const datasets = await call(server.app, "/api/datasets");
  const dates = await call(server.app, "/api/entities/evilbank/dates");
  return `${datasets.raw}\n${dates.status}`;
}

/** A multipart import as a browser sends it from a page, with only the given headers. */
function rawImport(headers: Record<string, string>) {
  const up = multipart("gap.csv", CSV);
  return server.app.inject({
    method: "POST",
    url: "/api/imports",
    payload: up.payload,
    headers: { ...up.headers, ...headers },
  });
}

describe("writes need proof of same origin", () => {
  it("a multipart import from a foreign Origin is refused (403) and changes nothing", async () => {
    const before = await storeState();
    const cases: Array<Record<string, string>> = [
      // What `curl -H 'Origin: http://evil.example' -F file=@gap.csv` and a page's form send.
      { origin: "http://evil.example" },
      { origin: "http://evil.example", "x-bslab-client": "web" },
      { origin: "null", "x-bslab-client": "web" },
      // Another port of localhost is another origin (and "same-site" is still another site).
      { origin: "http://localhost:9999", "x-bslab-client": "web" },
      { "sec-fetch-site": "cross-site", "x-bslab-client": "web" },
      { "sec-fetch-site": "same-site", "x-bslab-client": "web" },
      // No Origin at all (an old browser's form post, curl): still needs the app's header.
      {},
    ];
    for (const headers of cases) {
      const res = await rawImport(headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect((JSON.parse(res.body) as ErrorAnswer).error.code).toBe("forbidden");
    }
    expect(await storeState()).toBe(before);
  });

  it("the message says why", async () => {
    const res = await rawImport({ origin: "http://evil.example" });
    expect(JSON.parse(res.body)).toEqual({
      error: {
        code: "forbidden",
        message:
          "refused: a state-changing request from another origin (http://evil.example); only the workbench itself may write",
      },
    });
  });

  it("the web app's own request (its header, same Origin, same-origin fetch) imports", async () => {
    const res = await rawImport({
      origin: "http://localhost:80",
      "sec-fetch-site": "same-origin",
      "x-bslab-client": "web",
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((await call(server.app, "/api/entities/evilbank/dates")).status).toBe(200);
  });

  it("JSON posts need the header too (a sweep from another page is refused before it runs)", async () => {
    const res = await server.app.inject({
      method: "POST",
      url: "/api/sim/run",
      payload: { model: "sim" },
      headers: { origin: "http://evil.example", "content-type": "text/plain" },
    });
    expect(res.statusCode).toBe(403);
  });

  it("reads from another origin are answered (a browser keeps them from the page: no CORS headers)", async () => {
    const res = await server.app.inject({ url: "/api/health", headers: { origin: "http://evil.example" } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["access-control-allow-origin"]).toBeUndefined();
  });
});

describe("Host header (DNS rebinding)", () => {
  it("a foreign Host is refused, for reads and writes alike", async () => {
    for (const host of ["attacker.example", "attacker.example:80", "127.0.0.1.evil.example", "a b"]) {
      const res = await server.app.inject({ url: "/api/health", headers: { host } });
      expect(res.statusCode, host).toBe(421);
      expect((JSON.parse(res.body) as ErrorAnswer).error.code).toBe("forbidden");
    }
  });

  it("loopback names are answered", async () => {
    for (const host of ["127.0.0.1:80", "localhost", "[::1]:80", "LOCALHOST:80"]) {
      const res = await server.app.inject({ url: "/api/health", headers: { host } });
      expect(res.statusCode, host).toBe(200);
    }
  });

  it("once listening, only the bound port is answered", async () => {
    const db = seededDbPath();
    const app = await buildServer({ dbPath: db.path, webRoot: "/nonexistent-web-root" });
    try {
      const base = await app.listen({ host: "127.0.0.1", port: 0 });
      const port = Number(new URL(base).port);
      const ok = await fetch(`${base}/api/health`);
      expect(ok.status).toBe(200);
      // fetch() sets Host itself; a raw request shows the port check.
      const { request } = await import("node:http");
      const status = (host: string) =>
        new Promise<number>((resolve, reject) => {
          const req = request({ host: "127.0.0.1", port, path: "/api/health", headers: { host } }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          });
          req.on("error", reject);
          req.end();
        });
      expect(await status(`localhost:${port}`)).toBe(200);
      expect(await status(`localhost:${port + 1}`)).toBe(421);
      expect(await status("localhost")).toBe(421);
      expect(await status(`evil.example:${port}`)).toBe(421);
    } finally {
      await app.close();
      db.cleanup();
    }
  });

  it("splitHost reads names, IPv6 literals and ports; refuses junk", () => {
    expect(splitHost("localhost:8787")).toEqual({ name: "localhost", port: 8787 });
    expect(splitHost("[::1]:80")).toEqual({ name: "[::1]", port: 80 });
    expect(splitHost("127.0.0.1")).toEqual({ name: "127.0.0.1", port: undefined });
    for (const bad of ["", "a b", "user@host", "host:port", "host:123456", "[zz]"])
      expect(splitHost(bad), bad).toBeUndefined();
  });
});

describe("access token beyond loopback", () => {
  it("a non-loopback --host without a token is refused at start", async () => {
    await expect(buildServer({ dbPath: ":memory:", host: "0.0.0.0" })).rejects.toThrow(
      /give an access token \(BSLAB_TOKEN\)/,
    );
  });

  it("with a token, every /api request must carry it; the page itself loads without", async () => {
    const db = seededDbPath();
    const app = await buildServer({
      dbPath: db.path,
      webRoot: "/nonexistent-web-root",
      host: "0.0.0.0",
      token: "s3cret-token",
    });
    try {
      const health = (headers: Record<string, string>) =>
        app.inject({ url: "/api/health", headers }).then((r) => r.statusCode);
      expect(await health({})).toBe(401);
      expect(await health({ "x-bslab-token": "wrong" })).toBe(401);
      expect(await health({ "x-bslab-token": "s3cret-token" })).toBe(200);
      expect(await health({ authorization: "Bearer s3cret-token" })).toBe(200);
      expect((await app.inject({ url: "/" })).statusCode).toBe(200);
    } finally {
      await app.close();
      db.cleanup();
    }
  });
});
