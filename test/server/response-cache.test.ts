import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { runCli } from "../helpers/run-cli.ts";
import { call, multipart, testServer } from "./helpers.ts";

let server: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  server = await testServer();
});
afterAll(() => server.cleanup());

const HEADER = "entity,date,item,side,currency,maturity,value,unit";
type Sheet = { sheet: { positions: Array<{ item: string; value: number }> } };
type Series = { rows: Array<{ date: string; values: Record<string, number | null> }> };
type Entities = { entities: Array<{ id: string; sheets: number }> };

describe("answer cache", () => {
  it("a repeated GET is answered from the cache, and the same answer", async () => {
    const url = "/api/indicators/pboc/series?from=2002-12&to=2013-12&ids=cb.currency_issued_share";
    const first = await call(server.app, url);
    const t0 = performance.now();
    const again = await call(server.app, url);
    expect(performance.now() - t0).toBeLessThan(50);
    expect(again.raw).toBe(first.raw);
  });

  it("an import of a new PBoC vintage through POST /api/imports changes the cached sheet and indicators", async () => {
    const sheetUrl = "/api/sheets/pboc/2013-12";
    const seriesUrl = "/api/indicators/pboc/series?from=2013-12&to=2013-12&ids=cb.currency_issued_share";
    const before = await call<Sheet>(server.app, sheetUrl);
    const seriesBefore = await call<Series>(server.app, seriesUrl);
    expect((await call<Sheet>(server.app, sheetUrl)).raw).toBe(before.raw);
    const csv = [
      HEADER,
      "pboc,2013-12,foreign_exchange,asset,CNY,long,100,亿元",
      "pboc,2013-12,currency_issue,liability,CNY,short,100,亿元",
    ].join("\n");
    const r = await call(server.app, {
      method: "POST",
      url: "/api/imports",
      ...multipart("pboc-new.csv", csv),
    });
    expect(r.status, r.raw).toBe(201);
    const after = await call<Sheet>(server.app, sheetUrl);
    expect(after.status).toBe(200);
    expect(after.raw).not.toBe(before.raw);
    expect(after.body.sheet.positions).toHaveLength(2);
    expect((await call<Series>(server.app, seriesUrl)).raw).not.toBe(seriesBefore.raw);
  });

  it("an import by `bslab import` in another process changes the cached entities and composition", async () => {
    const list = async () =>
      (await call<Entities>(server.app, "/api/entities")).body.entities.map((e) => e.id);
    expect(await list()).not.toContain("bank7");
    const missing = await call(server.app, "/api/sheets/bank7/composition?side=asset");
    expect(missing.status).toBe(404);
    // The server closes the file after its idle time (50 ms here), so the CLI can write it.
    await sleep(200);
    const dir = mkdtempSync(join(tmpdir(), "bslab-cache-"));
    try {
      const file = join(dir, "bank7.csv");
      writeFileSync(
        file,
        `${HEADER}\nbank7,2024-12,loans,asset,EUR,long,10,EUR millions\nbank7,2024-12,deposits,liability,EUR,short,10,EUR millions\n`,
      );
      const cli = runCli(["import", file], server.dbPath);
      expect(cli.status, cli.stderr).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(await list()).toContain("bank7");
    const found = await call<{ rows: Array<{ shares: Record<string, number> }> }>(
      server.app,
      "/api/sheets/bank7/composition?side=asset",
    );
    expect(found.status).toBe(200);
    expect(found.body.rows[0]!.shares).toEqual({ loans: 1 });
  });
});

describe("primed answers (the early-warning table started before it is asked for)", () => {
  it("a primed answer is what the route gets, computed once; a failed one is not kept", async () => {
    const { StoreGate } = await import("../../src/server/store-gate.ts");
    const { ResponseCache } = await import("../../src/server/response-cache.ts");
    const gate = new StoreGate(server.dbPath, 50);
    const cache = new ResponseCache(gate);
    let runs = 0;
    const req = { method: "GET", url: "/x", params: {}, query: {}, routeOptions: { url: "/x" } };
    await cache.prime("k", async () => ({ n: ++runs }));
    const answer = await cache.answer(req as never, async () => ({ n: ++runs }), "k");
    expect(answer).toEqual({ n: 1 });
    expect(runs).toBe(1);
    // Priming again while held computes nothing.
    await cache.prime("k", async () => ({ n: ++runs }));
    expect(runs).toBe(1);
    await cache.prime("bad", () => Promise.reject(new Error("pool busy")));
    await sleep(0);
    expect(await cache.answer(req as never, async () => "computed by the route", "bad")).toBe(
      "computed by the route",
    );
    await gate.close();
  });
});
