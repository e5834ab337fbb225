import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { call, testServer, type ErrorAnswer } from "./helpers.ts";

let server: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  server = await testServer();
});
afterAll(() => server.cleanup());

interface SheetAnswer {
  sheet: { unit: unknown; positions: Array<{ item: string; value: number; source: { row: number } }> };
  unitLabel: { en: string; zh: string };
  balanced: boolean;
  checks: Array<{ ok: boolean }>;
}

describe("GET /api/health, /api/datasets, /api/entities", () => {
  it("health names the database", async () => {
    const r = await call<{ ok: boolean; db: string }>(server.app, "/api/health");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ok: true, db: server.dbPath });
  });

  it("datasets lists the bundled PBoC data with its coverage", async () => {
    const r = await call<{ datasets: Array<{ id: string; sheets: number; first: string; last: string }> }>(
      server.app,
      "/api/datasets",
    );
    expect(r.status).toBe(200);
    expect(r.body.datasets.find((d) => d.id === "pboc-monetary-authority")).toMatchObject({
      sheets: 276,
      first: "2000-01",
      last: "2022-12",
    });
  });

  it("entities lists the central banks with the span of their sheets", async () => {
    const r = await call<{
      entities: Array<{ id: string; first: string; last: string; name: { zh: string } }>;
    }>(server.app, "/api/entities");
    expect(r.body.entities.find((e) => e.id === "pboc")).toMatchObject({
      first: "2000-01",
      last: "2022-12",
      name: { zh: "中国人民银行" },
    });
  });

  it("dates of an entity; unknown entity is 404 naming the known ones", async () => {
    const ok = await call<{ dates: string[] }>(server.app, "/api/entities/pboc/dates");
    expect(ok.body.dates).toContain("2013-12");
    const bad = await call<ErrorAnswer>(server.app, "/api/entities/nobank/dates");
    expect(bad.status).toBe(404);
    expect(bad.body.error.message).toMatch(/^unknown entity: "nobank" \(known: .*pboc/);
  });
});

describe("GET /api/sheets/:entity/:date", () => {
  it("PBoC 2013-12: the published figures with source rows, unit labels, identity passes", async () => {
    const r = await call<SheetAnswer>(server.app, "/api/sheets/pboc/2013-12");
    expect(r.status).toBe(200);
    const value = (item: string) => r.body.sheet.positions.find((p) => p.item === item)!;
    expect(value("foreign_exchange").value).toBe(264270.04);
    expect(value("currency_issue").value).toBe(64980.93);
    expect(value("total_assets").value).toBe(317278.55);
    expect(value("foreign_exchange").source.row).toBe(9);
    expect(r.body.sheet.unit).toEqual({ currency: "CNY", scale: 8 });
    expect(r.body.unitLabel).toEqual({ en: "CNY hundred millions (1e8)", zh: "亿元" });
    expect(r.body.balanced).toBe(true);
  });

  it("unknown entity: 404 with a message, no stack", async () => {
    const r = await call<ErrorAnswer>(server.app, "/api/sheets/nobank/2013-12");
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe("not-found");
    expect(r.raw).not.toMatch(/at .*\.ts:\d+/);
  });

  it("a date with no sheet: 404 naming the available range", async () => {
    const r = await call<ErrorAnswer>(server.app, "/api/sheets/pboc/1999-12");
    expect(r.status).toBe(404);
    expect(r.body.error.message).toBe("no balance sheet for pboc at 1999-12 (available: 2000-01 .. 2022-12)");
  });

  it("a malformed date: 400 saying what a date looks like", async () => {
    const r = await call<ErrorAnswer>(server.app, "/api/sheets/pboc/2013-13");
    expect(r.status).toBe(400);
    expect(r.body.error).toEqual({
      code: "usage",
      message: "invalid params: /date must be period: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Qn",
    });
  });
});

describe("GET /api/sheets/:entity/composition", () => {
  it("liability shares of PBoC 2013-12 (currency issue 20.5%, study Table 2 / Figure 1)", async () => {
    const r = await call<{ rows: Array<{ date: string; total: number; shares: Record<string, number> }> }>(
      server.app,
      "/api/sheets/pboc/composition?side=liability&from=2002-12&to=2013-12",
    );
    expect(r.status).toBe(200);
    const dec13 = r.body.rows.find((x) => x.date === "2013-12")!;
    expect(dec13.total).toBe(317278.55);
    expect(dec13.shares.currency_issue!.toFixed(3)).toBe("0.205");
    expect(r.body.rows[0]!.date).toBe("2002-12");
    expect(r.body.rows.at(-1)!.date).toBe("2013-12");
    const sum = Object.values(dec13.shares).reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - 1)).toBeLessThan(1e-6);
  });

  it("asset shares: FX assets 83.3% of total assets at 2013-12", async () => {
    const r = await call<{ rows: Array<{ shares: Record<string, number> }> }>(
      server.app,
      "/api/sheets/pboc/composition?side=asset&from=2013-12&to=2013-12",
    );
    expect(r.body.rows[0]!.shares.foreign_exchange!.toFixed(3)).toBe("0.833");
  });

  it("bad side, unknown parameter, reversed range: 400", async () => {
    for (const q of ["side=equity", "colour=red", "from=2013-12&to=2002-12"]) {
      const r = await call<ErrorAnswer>(server.app, `/api/sheets/pboc/composition?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body.error.message, q).toMatch(/^invalid /);
    }
  });
});
