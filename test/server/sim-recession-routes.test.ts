import { readFileSync } from "node:fs";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { dataDir } from "../../src/io/sources/common.ts";
import { call, multipart, testServer, type ErrorAnswer } from "./helpers.ts";

let server: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  server = await testServer();
});
afterAll(() => server.cleanup());

const post = (url: string, payload: unknown) => ({
  method: "POST" as const,
  url,
  payload: payload as object,
});

describe("GET /api/models", () => {
  it("lists the built-in models with their given values", async () => {
    const r = await call<{ models: Array<{ name: string; exogenous: Array<{ name: string }> }> }>(
      server.app,
      "/api/models",
    );
    expect(r.status).toBe(200);
    const pc = r.body.models.find((m) => m.name === "PC")!;
    expect(pc.exogenous.map((g) => g.name)).toEqual(expect.arrayContaining(["G", "rbar"]));
  });

  it("one model; unknown model is 404 listing the built-in ones", async () => {
    expect((await call(server.app, "/api/models/pc")).status).toBe(200);
    const r = await call<ErrorAnswer>(server.app, "/api/models/nope");
    expect(r.status).toBe(404);
    expect(r.body.error.message).toMatch(/^unknown model: nope \(built-in: .*pc/);
  });
});

describe("POST /api/sim/run", () => {
  it("PC: rbar 0.025 -> 0.035 from period 5 moves Y off the stationary state; the baseline stays (G&L ch. 4)", async () => {
    const r = await call<{ scenario: { Y: number[] }; baseline: { Y: number[] }; periods: number }>(
      server.app,
      post("/api/sim/run", {
        model: "pc",
        periods: 20,
        start: "steady",
        shocks: [{ name: "rbar", value: 0.035, from: 5 }],
        baseline: true,
        variables: ["Y"],
      }),
    );
    expect(r.status).toBe(200);
    expect(r.body.scenario.Y).toHaveLength(20);
    // G&L PC stationary state: Y = 106.4865 (sfc-models.md).
    expect(r.body.baseline.Y[19]).toBeCloseTo(106.48648649, 6);
    expect(r.body.scenario.Y[3]).toBeCloseTo(106.48648649, 6);
    expect(r.body.scenario.Y[19]).not.toBeCloseTo(106.48648649, 2);
  });

  it("BSR: a lever set for the whole run, beside the model's own baseline", async () => {
    const r = await call<{ scenario: { NPL: number[] }; baseline: { NPL: number[] } }>(
      server.app,
      post("/api/sim/run", {
        model: "bsr",
        periods: 60,
        set: { cleanup_period: 26 },
        baseline: true,
        variables: ["NPL"],
      }),
    );
    expect(r.status).toBe(200);
    expect(r.body.scenario.NPL.slice(0, 25)).toEqual(r.body.baseline.NPL.slice(0, 25));
    expect(r.body.scenario.NPL[40]).not.toBe(r.body.baseline.NPL[40]);
  });

  it("wrong types, missing model, extra fields: 400 naming the field", async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ model: "pc", periods: "x" }, /^invalid body: \/periods must be integer$/],
      [{ periods: 10 }, /^invalid body: \/ must have required property 'model'$/],
      [{ model: "pc", colour: 1 }, /^invalid body: \/ must NOT have additional properties$/],
      [{ model: "pc", periods: 100000 }, /^invalid body: \/periods must be <= 1000$/],
      [
        { model: "pc", shocks: [{ name: "rbar", value: "high", from: 5 }] },
        /^invalid body: \/shocks\/0\/value must be number$/,
      ],
    ];
    for (const [body, message] of cases) {
      const r = await call<ErrorAnswer>(server.app, post("/api/sim/run", body));
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.message).toMatch(message);
    }
  });

  it("a shock to an endogenous variable is 400 with the engine's message", async () => {
    const r = await call<ErrorAnswer>(
      server.app,
      post("/api/sim/run", { model: "pc", shocks: [{ name: "Y", value: 1, from: 2 }] }),
    );
    expect(r.status).toBe(400);
    expect(r.body.error.message).toBe(
      "Y is endogenous (defined by an equation); shocks apply to parameters and exogenous variables",
    );
  });

  it("malformed JSON and oversized bodies: 4xx with a message", async () => {
    const bad = await call<ErrorAnswer>(server.app, {
      method: "POST",
      url: "/api/sim/run",
      payload: "{bad",
      headers: { "content-type": "application/json" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^request body is not valid JSON/);
    const big = await call<ErrorAnswer>(server.app, {
      method: "POST",
      url: "/api/sim/run",
      payload: JSON.stringify({ model: "pc", pad: "x".repeat(2 * 1024 * 1024) }),
      headers: { "content-type": "application/json" },
    });
    expect(big.status).toBe(413);
    expect(big.body.error).toEqual({
      code: "too-large",
      message:
        "request body is larger than the limit of 1048576 bytes (send a smaller file or import it with `bslab import`)",
    });
  });
});

describe("POST /api/sim/sweep", () => {
  it("PC over rbar: one row per run with the outputs", async () => {
    const r = await call<{ runs: number; rows: Array<Record<string, number>> }>(
      server.app,
      post("/api/sim/sweep", {
        model: "pc",
        periods: 10,
        grid: [{ name: "rbar", from: 0.01, to: 0.05, step: 0.01 }],
        outputs: [{ name: "Y", period: 10 }],
      }),
    );
    expect(r.status).toBe(200);
    expect(r.body.runs).toBe(5);
    expect(r.body.rows[0]).toHaveProperty("Y@10");
  });

  it("too many runs, a zero step, a reversed axis: 400", async () => {
    const axis = (from: number, to: number, step: number) => ({
      model: "pc",
      grid: [{ name: "rbar", from, to, step }],
      outputs: [{ name: "Y", period: 2 }],
    });
    const many = await call<ErrorAnswer>(server.app, post("/api/sim/sweep", axis(0, 1, 0.00001)));
    expect(many.status).toBe(400);
    expect(many.body.error.message).toMatch(/^sweep of 100001 runs is larger than the server limit of 20000/);
    expect((await call(server.app, post("/api/sim/sweep", axis(0, 1, 0)))).status).toBe(400);
    expect((await call(server.app, post("/api/sim/sweep", axis(1, 0, 0.1)))).status).toBe(400);
  });
});

describe("recession monitor", () => {
  it("countries", async () => {
    const r = await call<{ countries: Array<{ iso2: string }> }>(server.app, "/api/recession/countries");
    expect(r.body.countries.map((c) => c.iso2)).toContain("JP");
  });

  it("Japan 1985-2010: a balance-sheet recession from 1990, with stages and crisis dates", async () => {
    const r = await call<{
      verdict: { balanceSheetRecession: boolean; start: number };
      timeline: Array<{ year: number; stage: string }>;
      crises: { laevenValencia: Array<{ start: number }> };
    }>(server.app, "/api/recession/JP?from=1985&to=2010");
    expect(r.status).toBe(200);
    expect(r.body.verdict.balanceSheetRecession).toBe(true);
    expect(r.body.verdict.start).toBe(1990);
    expect(r.body.timeline.some((y) => y.stage === "banking crisis")).toBe(true);
    expect(r.body.crises.laevenValencia.map((c) => c.start)).toContain(1997);
  });

  it("credit gap with the Basel III bands", async () => {
    const r = await call<{
      bands: { low: number; high: number };
      rows: Array<{ date: string; gap: number | null }>;
    }>(server.app, "/api/credit-gap/JP?from=1990-Q1&to=1990-Q4");
    expect(r.status).toBe(200);
    expect(r.body.bands).toMatchObject({ low: 2, high: 10 });
    expect(r.body.rows.map((x) => x.date)).toEqual(["1990-Q1", "1990-Q2", "1990-Q3", "1990-Q4"]);
  });

  it("lang=zh adds the texts in Chinese; an unknown lang is 400", async () => {
    const plain = await call<{ text?: unknown }>(server.app, "/api/recession/JP?from=1985&to=2010");
    expect(plain.body.text).toBeUndefined();
    const r = await call<{ lang: string; text: { country: string; years: Array<{ stage: string }> } }>(
      server.app,
      "/api/recession/JP?from=1985&to=2010&lang=zh",
    );
    expect(r.status).toBe(200);
    expect(r.body.lang).toBe("zh");
    expect(r.body.text.country).toBe("日本");
    expect(r.body.text.years.map((y) => y.stage)).toContain("银行危机");
    expect((await call(server.app, "/api/recession/JP?lang=fr")).status).toBe(400);
  });

  it("unknown country 404, bad years 400", async () => {
    const unknown = await call<ErrorAnswer>(server.app, "/api/recession/ZZ");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/^unknown country: "ZZ"/);
    expect((await call(server.app, "/api/recession/JP?from=abc")).status).toBe(400);
    expect((await call(server.app, "/api/recession/JP?from=2000&to=1990")).status).toBe(400);
    expect((await call(server.app, "/api/credit-gap/Japan1")).status).toBe(400);
  });

  it("evaluate: AUROC of the composite and of the credit gap on the same sample, cached; bad windows 400", async () => {
    type Skill = {
      auroc: number;
      delongCi: [number, number];
      bootstrapCi: [number, number];
      nsrAtTpr67: number;
    };
    const t0 = performance.now();
    const r = await call<{
      window: { from: number; to: number; text: string };
      results: Array<{
        name: string;
        positives: number;
        negatives: number;
        countries: number;
        composite: Skill;
        creditGap: Skill;
        winner: string;
      }>;
      skipped: unknown[];
    }>(server.app, "/api/recession/evaluate?window=5-12q");
    const first = performance.now() - t0;
    expect(r.status).toBe(200);
    expect(r.body.window).toEqual({ from: 5, to: 12, text: "5-12q" });
    const q = r.body.results.find((x) => x.name.startsWith("BIS quarterly"))!;
    expect(q.positives).toBeGreaterThan(50);
    expect(q.countries).toBeGreaterThan(20);
    // The credit gap alone: about 0.65-0.71 for a 5-12-quarter window (issue 4's reference).
    expect(q.creditGap.auroc).toBeGreaterThan(0.6);
    expect(q.creditGap.auroc).toBeLessThan(0.75);
    expect(q.creditGap.delongCi[0]).toBeLessThan(q.creditGap.auroc);
    expect(q.creditGap.delongCi[1]).toBeGreaterThan(q.creditGap.auroc);
    expect(typeof q.composite.auroc).toBe("number");
    // The default window is 5-12q, and the second answer comes from the cache.
    const t1 = performance.now();
    const again = await call(server.app, "/api/recession/evaluate");
    expect(again.raw).toBe(r.raw);
    expect(performance.now() - t1).toBeLessThan(Math.max(first / 2, 200));

    const abc = await call<ErrorAnswer>(server.app, "/api/recession/evaluate?window=abc");
    expect(abc.status).toBe(400);
    expect(abc.body.error.message).toContain("window");
    expect(abc.body.error.message).toContain("pre-crisis window in quarters");
    expect(abc.raw).not.toContain("    at ");
    const reversed = await call<ErrorAnswer>(server.app, "/api/recession/evaluate?window=12-5q");
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.message).toMatch(/12-5q/);
    expect((await call(server.app, "/api/recession/evaluate?window=5-12q&x=1")).status).toBe(400);
  });
});

// The bundled WS_CREDIT_GAP file with Japan's credit-to-GDP ratio scaled by 1.2, as a user would
// import a newer BIS download (as in test/recession/store-source.test.ts).
function modifiedJapanRatio(): string {
  const text = readFileSync(join(dataDir(), "bis-credit-property-cpi", "WS_CREDIT_GAP_csv_col.csv"), "utf8");
  const [header, ...rows] = text.split("\n");
  const jp = rows.find((l) => l.includes(",Q:JP:P:A:A,"))!;
  const cells = jp.split(",");
  const key = cells.indexOf("Q:JP:P:A:A");
  const scaled = cells.map((c, i) => (i > key && c !== "" ? String(Number(c) * 1.2) : c));
  return `${header}\n${scaled.join(",")}\n`;
}

describe("the recession routes read the store", () => {
  let own: Awaited<ReturnType<typeof testServer>>;
  beforeAll(async () => {
    own = await testServer();
  });
  afterAll(() => own.cleanup());

  it("an imported newer BIS vintage changes /api/credit-gap/JP and the diagnosis; evaluate is recomputed", async () => {
    type Gap = {
      vintage: string;
      source: { dataset: string; vintage: string };
      rows: Array<{ date: string; ratio: number; gap: number | null }>;
    };
    type Boom = {
      timeline: Array<{ year: number; signals: Array<{ id: string; values: Record<string, unknown> }> }>;
    };
    const url = "/api/credit-gap/JP?from=1990-Q1&to=1990-Q1";
    const boom = (d: Boom) =>
      d.timeline.find((y) => y.year === 1989)!.signals.find((s) => s.id === "leveraged-boom")!.values;
    const beforeAnswer = (await call<Gap>(own.app, url)).body;
    expect(beforeAnswer.source.dataset).toBe("bis-ws-credit-gap");
    const before = beforeAnswer.rows[0]!;
    const diagnosisBefore = (await call<Boom>(own.app, "/api/recession/JP?from=1985&to=2010")).body;
    const evaluated = await call<{ computedAt: string }>(own.app, "/api/recession/evaluate");
    expect((await call<{ computedAt: string }>(own.app, "/api/recession/evaluate")).body.computedAt).toBe(
      evaluated.body.computedAt,
    );

    const up = multipart("WS_CREDIT_GAP_csv_col.csv", modifiedJapanRatio());
    const imported = await call<{ series: number }>(own.app, {
      method: "POST",
      url: "/api/imports?mapping=bis-csv-col",
      ...up,
    });
    expect(imported.status).toBe(201);
    expect(imported.body.series).toBe(1);

    const afterAnswer = (await call<Gap>(own.app, url)).body;
    // The answer names the series it read: the imported file's vintage, not the bundled one.
    expect(afterAnswer.source.dataset).toBe("import:WS_CREDIT_GAP_csv_col.csv");
    expect(afterAnswer.vintage).toBe(afterAnswer.source.vintage);
    expect(afterAnswer.vintage).not.toBe(beforeAnswer.vintage);
    const after = afterAnswer.rows[0]!;
    expect(after.date).toBe("1990-Q1");
    expect(after.ratio).toBeCloseTo(before.ratio * 1.2, 8);
    // The HP filter is linear: the gap scales with the ratio.
    expect(after.gap!).toBeCloseTo(before.gap! * 1.2, 6);
    const diagnosisAfter = (await call<Boom>(own.app, "/api/recession/JP?from=1985&to=2010")).body;
    expect(boom(diagnosisAfter).creditGap).not.toBe(boom(diagnosisBefore).creditGap);
    // The cached evaluation was read from the old data: it is computed again.
    const again = await call<{ computedAt: string }>(own.app, "/api/recession/evaluate");
    expect(again.status).toBe(200);
    expect(again.body.computedAt).not.toBe(evaluated.body.computedAt);
  });
});

describe("meta", () => {
  it("the OpenAPI document lists every /api route with its parameters", async () => {
    const r = await call<{
      openapi: string;
      paths: Record<string, Record<string, { parameters: Array<{ name: string }> }>>;
    }>(server.app, "/api/openapi.json");
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe("3.1.0");
    for (const path of [
      "/api/sheets/{entity}/{date}",
      "/api/sheets/{entity}/composition",
      "/api/recession/{country}",
      "/api/credit-gap/{country}",
      "/api/recession/evaluate",
      "/api/sim/run",
      "/api/sim/sweep",
      "/api/imports/preview",
      "/api/imports",
    ])
      expect(Object.keys(r.body.paths), path).toContain(path);
    expect(r.body.paths["/api/recession/evaluate"]!.get!.parameters.map((p) => p.name)).toEqual(["window"]);
    expect(r.body.paths["/api/sheets/{entity}/{date}"]!.get!.parameters.map((p) => p.name)).toEqual([
      "entity",
      "date",
    ]);
  });

  it("an unknown endpoint is a JSON 404", async () => {
    const r = await call<ErrorAnswer>(server.app, "/api/nothing");
    expect(r.status).toBe(404);
    expect(r.body.error.message).toBe(
      "no such endpoint: GET /api/nothing (see /api/openapi.json for the list)",
    );
  });
});
