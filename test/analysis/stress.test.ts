import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { historicalRevaluation, revaluationStress } from "../../src/stress/revaluation.ts";
import { runCli } from "../helpers/run-cli.ts";
import { seededDbPath } from "../helpers/temp-store.ts";
import { call, testServer } from "../server/helpers.ts";

describe("revaluation stress (pure)", () => {
  it("PBoC 2013-12, 10% appreciation: loss = 10% x net FC position; own capital 219.75 consumed 119x", () => {
    // PBoC 货币当局资产负债表 2013-12 (100 million yuan): 外汇 264,270.04, 国外负债 2,088.27, 自有资金 219.75.
    const net = 264270.04 - 2088.27;
    const r = revaluationStress({ netForeign: net, foreignAssets: 264270.04, equity: 219.75 }, [0.1]);
    expect(r.loss).toBeCloseTo(0.1 * 262181.77, 6);
    expect(r.lossToEquity!).toBeCloseTo(26218.177 / 219.75, 6);
    expect(r.steps[0]!.equityAfter).toBeCloseTo(219.75 - 26218.177, 6);
    expect(r.breakEven!).toBeCloseTo(219.75 / 262181.77, 12);
  });

  it("a path compounds: 5% then 5% is 9.75%, not 10%", () => {
    const r = revaluationStress({ netForeign: 1000, foreignAssets: 1000, equity: 10 }, [0.05, 0.05]);
    expect(r.steps[0]!.cumulative).toBeCloseTo(0.05, 12);
    expect(r.steps[1]!.cumulative).toBeCloseTo(0.0975, 12);
    expect(r.loss).toBeCloseTo(97.5, 10);
    expect(() => revaluationStress({ netForeign: 1, foreignAssets: 1, equity: 1 }, [1])).toThrow(RangeError);
  });

  it("history: each month's position revalued at the next month's rate change", () => {
    const h = historicalRevaluation(
      [
        { date: "2013-11", netForeign: 100 },
        { date: "2013-12", netForeign: 200 },
        { date: "2014-01", netForeign: 200 },
      ],
      [
        { date: "2013-11", rate: 6.1 },
        { date: "2013-12", rate: 6.039 },
        { date: "2014-01", rate: 6.1 },
      ],
    )!;
    expect(h.steps[0]!.change).toBeCloseTo(100 * (6.039 / 6.1 - 1), 12);
    expect(h.steps[1]!.change).toBeCloseTo(200 * (6.1 / 6.039 - 1), 12);
    expect(h.total).toBeCloseTo(h.steps[0]!.change + h.steps[1]!.change, 12);
  });
});

describe("revaluation stress on the bundled PBoC sheet (CLI and API)", () => {
  let db: { path: string; cleanup: () => void };
  beforeAll(() => (db = seededDbPath()));
  afterAll(() => db.cleanup());

  it("bslab stress pboc 2013-12 --format json: the sheet's figures, loss by hand, history from the CNY/USD rate", () => {
    const r = runCli(["stress", "pboc", "2013-12", "--appreciation", "10", "--format", "json"], db.path);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.position.foreignAssets).toBeCloseTo(264270.04, 2);
    expect(out.position.equity).toBeCloseTo(219.75, 2);
    expect(out.stress.loss).toBeCloseTo(0.1 * out.position.netForeign, 8);
    expect(out.position.netForeign.toFixed(2)).toBe("262181.77");
    // CNY per USD, end of month (PBoC 汇率): 7.1853 in 2008-01, 6.0969 in 2013-12.
    expect(out.history.rateFrom).toBe(7.1853);
    expect(out.history.rateTo).toBe(6.0969);
    expect(out.history.total).toBeLessThan(0);
  });

  it("bslab report pboc: the currency section carries the revaluation stress, in English and Chinese", () => {
    const en = runCli(["report", "pboc", "--date", "2013-12", "--format", "md", "--out", "-"], db.path);
    expect(en.status, en.stderr).toBe(0);
    expect(en.stdout).toContain("### Exchange-rate revaluation risk");
    // 10% of 262,181.77 = 26,218.18; / 219.75 = 119.3 times.
    expect(en.stdout).toContain("| 10.0% | 26,218.18 | 119.3x |");
    const zh = runCli(
      ["report", "pboc", "--date", "2013-12", "--format", "md", "--lang", "zh", "--out", "-"],
      db.path,
    );
    expect(zh.stdout).toContain("### 汇率重估风险");
    expect(zh.stdout).toContain("为自有资金的 119.3 倍");
  });

  it("a bad path is a one-line usage error", () => {
    const r = runCli(["stress", "pboc", "2013-12", "--path", "5,x"], db.path);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("GET /api/stress/pboc/2013-12?appreciation=10 answers the same loss; documented in the OpenAPI", async () => {
    const server = await testServer();
    try {
      const r = await call<{ stress: { loss: number }; position: { netForeign: number } }>(
        server.app,
        "/api/stress/pboc/2013-12?appreciation=10",
      );
      expect(r.status, r.raw).toBe(200);
      expect(r.body.stress.loss).toBeCloseTo(0.1 * r.body.position.netForeign, 8);
      const spec = await call<{ paths: Record<string, unknown> }>(server.app, "/api/openapi.json");
      expect(Object.keys(spec.body.paths)).toContain("/api/stress/{entity}/{date}");
    } finally {
      await server.cleanup();
    }
  });
});
