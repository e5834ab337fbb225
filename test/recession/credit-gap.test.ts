import { readFileSync } from "node:fs";

import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { parseCsv } from "../../src/io/csv/parse-csv.ts";
import { bufferGuide } from "../../src/recession/buffer-guide.ts";
import { computeCreditGap } from "../../src/recession/credit-gap.ts";
import { hpTrendBanded, oneSidedHpKalman, oneSidedHpRecursive } from "../../src/recession/hp-filter.ts";
import { creditGap } from "../../src/recession/index.ts";

const dir = new URL("../fixtures/reference/", import.meta.url);
const ratio = parseCsv(readFileSync(new URL("bis_credit_to_gdp_ratio_2021q3.csv", dir), "utf8"));
const gap = parseCsv(readFileSync(new URL("bis_credit_to_gdp_gap_2021q3.csv", dir), "utf8"));
const economies = ratio[0]!.slice(0, -1);

function recompute(col: number, lambda?: number) {
  const pts = ratio
    .slice(1)
    .map((r) => ({ date: r.at(-1)!, value: r[col] === "NA" ? null : Number(r[col]) }));
  const first = pts.findIndex((p) => p.value !== null);
  return new Map(computeCreditGap(pts.slice(first), lambda ? { lambda } : {}).map((r) => [r.date, r]));
}

function errors(lambda?: number) {
  const errs: number[] = [];
  economies.forEach((_, c) => {
    const rows = recompute(c, lambda);
    for (const g of gap.slice(1)) {
      if (g[c] === "NA") continue;
      const r = rows.get(g.at(-1)!);
      errs.push(r?.gap == null ? Infinity : Math.abs(r.gap - Number(g[c])));
    }
  });
  return errs;
}

describe("BIS credit-to-GDP gap (fixture: BIS March 2022 vintage, 32 economies)", () => {
  it("reproduces every published gap within 0.11 pp, RMSE < 0.05 (indicators.md B.1)", () => {
    const errs = errors();
    expect(errs.length).toBe(5837);
    expect(Math.max(...errs)).toBeLessThanOrEqual(0.11);
    expect(Math.sqrt(errs.reduce((s, e) => s + e * e, 0) / errs.length)).toBeLessThan(0.05);
  });

  it("publishes no gap before the 41st observation, and one at the 41st", () => {
    const us = recompute(economies.indexOf("US"));
    const rows = [...us.values()];
    expect(rows.slice(0, 40).every((r) => r.gap === null && r.reason?.startsWith("not computable"))).toBe(
      true,
    );
    expect(rows[40]!.date).toBe("1957-10-01");
    expect(rows[40]!.gap).toBeCloseTo(0.76, 2); // BIS 0.8, recomputed 0.76 (indicators.md B.1 table)
  });

  it("reference points: JP 1990Q4 19.03, US 2008Q1 11.39, IE 2008Q4 79.93", () => {
    expect(recompute(economies.indexOf("JP")).get("1990-10-01")!.gap).toBeCloseTo(19.03, 1);
    expect(recompute(economies.indexOf("US")).get("2008-01-01")!.gap).toBeCloseTo(11.39, 1);
    expect(recompute(economies.indexOf("IE")).get("2008-10-01")!.gap).toBeCloseTo(79.93, 1);
  });

  it("lambda = 1,600 does not reproduce the BIS gaps (the fixture discriminates lambda)", () => {
    expect(Math.max(...errors(1600))).toBeGreaterThan(5);
  });
});

describe("HP filters", () => {
  it("the Kalman one-sided trend equals the recursive banded endpoint (US ratio)", () => {
    const c = economies.indexOf("US");
    const y = ratio
      .slice(1)
      .map((r) => r[c]!)
      .filter((v) => v !== "NA")
      .map(Number);
    const k = oneSidedHpKalman(y);
    const r = oneSidedHpRecursive(y);
    const diffs = y.slice(40).map((_, i) => Math.abs(k[i + 40]! - r[i + 40]!));
    expect(Math.max(...diffs)).toBeLessThan(1e-3);
  });

  it("lines and constants pass through (gap 0) [property]", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -100, max: 300, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.integer({ min: 3, max: 80 }),
        (a, b, n) => {
          const y = Array.from({ length: n }, (_, i) => a + b * i);
          const two = hpTrendBanded(y);
          const one = oneSidedHpKalman(y);
          return (
            two.every((t, i) => Math.abs(t - y[i]!) < 1e-6) &&
            one.every((t, i) => Math.abs(t! - y[i]!) < 1e-4)
          );
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe("Basel III buffer guide (BCBS 2010; indicators.md B.2 test values)", () => {
  it.each([
    [-13.8, 0],
    [2, 0],
    [6, 1.25],
    [8, 1.875],
    [9, 2.1875],
    [10, 2.5],
    [11.4, 2.5],
  ])("gap %d -> %d", (g, b) => expect(bufferGuide(g)).toBeCloseTo(b, 10));
});

describe("creditGap(country) on the bundled 2026 BIS download", () => {
  it("matches the BIS's own published gap of the same vintage within 0.11 pp (JP, US, GB)", () => {
    for (const c of ["JP", "US", "UK"]) {
      const rows = creditGap(c).filter((r) => r.gap !== null && r.bisGap !== null);
      expect(rows.length).toBeGreaterThan(100);
      expect(Math.max(...rows.map((r) => Math.abs(r.gap! - r.bisGap!)))).toBeLessThan(0.11);
    }
  });

  it("rejects an unknown country with the list of codes", () => {
    expect(() => creditGap("XX")).toThrow(/^unknown country: "XX" \(use a BIS two-letter code: AR AT AU/);
  });
});
