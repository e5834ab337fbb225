import { describe, expect, it } from "vitest";

import { axisUnit, frequencyOfDate, logReady, transform, yearEarlier } from "../../web/src/transforms.ts";

// FRED CURRCIR (currency in circulation, USD bn, monthly, stored with day dates), as bundled in
// data/fred-us-monetary: 2022-11-01 2292.048, 2023-10-01 2325.119, 2023-11-01 2327.155.
const currcir = [
  { date: "2022-11-01", value: 2292.048 },
  { date: "2022-12-01", value: 2297.938 },
  { date: "2023-10-01", value: 2325.119 },
  { date: "2023-11-01", value: 2327.155 },
];

describe("explorer transforms (FRED's units: lin, chg, ch1, pch, pc1)", () => {
  it("pc1: % change from a year earlier matches the same month, by hand 2327.155 / 2292.048 - 1 = 1.5317%", () => {
    const out = transform(currcir, "pc1", "M");
    expect(out[3]!.value).toBeCloseTo(0.0153168694547412, 12);
    // 2022-12 has no 2021-12 stored: said, not guessed from the nearest month.
    expect(out[1]).toEqual({ date: "2022-12-01", value: null, gap: "no-year-earlier" });
  });

  it("chg and pch: from the previous observation (2327.155 - 2325.119 = 2.036; 0.08757%)", () => {
    expect(transform(currcir, "chg", "M")[3]!.value).toBeCloseTo(2.036, 9);
    expect(transform(currcir, "pch", "M")[3]!.value).toBeCloseTo(0.0008756541063059675, 12);
    expect(transform(currcir, "chg", "M")[0]).toEqual({ date: "2022-11-01", value: null, gap: "no-earlier" });
  });

  it("ch1 of a share is a difference (pp on the axis); quarterly and annual match their period", () => {
    const q = [
      { date: "2012-Q4", value: 0.2 },
      { date: "2013-Q3", value: 0.21 },
      { date: "2013-Q4", value: 0.205 },
    ];
    expect(transform(q, "ch1", "Q")[2]!.value).toBeCloseTo(0.005, 12);
    expect(transform(q, "ch1", "Q")[1]!.value).toBeNull();
    const a = [
      { date: "2020", value: 4 },
      { date: "2021", value: 5 },
    ];
    expect(transform(a, "pc1", "A")[1]!.value).toBeCloseTo(0.25, 12);
    expect(axisUnit({ kind: "fraction" }, "ch1")).toMatchObject({ kind: "pp", scale: 100 });
    expect(axisUnit({ kind: "fraction" }, "lin")).toMatchObject({ kind: "percent", scale: 100 });
    expect(axisUnit({ kind: "amount", label: "CNY 100 mn" }, "pc1")).toMatchObject({ kind: "percent" });
    expect(axisUnit({ kind: "amount", label: "CNY 100 mn" }, "chg")).toMatchObject({
      kind: "own",
      label: "CNY 100 mn",
    });
  });

  it("weekly: 52 weeks back; daily: 365 days back, the last observation on or before, within a week", () => {
    const w = [
      { date: "2022-01-05", value: 100 },
      { date: "2023-01-04", value: 110 },
    ];
    expect(yearEarlier(w, "W")).toEqual([-1, 0]);
    const d = [
      { date: "2021-12-31", value: 10 },
      { date: "2023-01-03", value: 12 },
      { date: "2023-01-20", value: 12 },
    ];
    // 2023-01-03 - 365 days = 2022-01-03: the 2021-12-31 close is 3 days before, within a week.
    expect(yearEarlier(d, "D")).toEqual([-1, 0, -1]);
  });

  it("growth from a zero or negative base is not computable, never Infinity or NaN", () => {
    const out = transform(
      [
        { date: "2020", value: 0 },
        { date: "2021", value: 3 },
        { date: "2022", value: -1 },
        { date: "2023", value: 2 },
        { date: "2024", value: null },
      ],
      "pch",
      "A",
    );
    expect(out.map((o) => o.value)).toEqual([null, null, -4 / 3, null, null]);
    expect(out.map((o) => o.gap)).toEqual([
      "no-earlier",
      "base-not-positive",
      undefined,
      "base-not-positive",
      "missing",
    ]);
  });

  it("dates say their frequency; a log axis needs positive values", () => {
    expect(["2013", "2013-Q4", "2013-12", "2013-12-31"].map(frequencyOfDate)).toEqual(["A", "Q", "M", "D"]);
    expect(logReady([1, 2, null])).toEqual({ ok: true, nonPositive: 0 });
    expect(logReady([1, 0, -2])).toEqual({ ok: false, nonPositive: 2 });
  });
});
