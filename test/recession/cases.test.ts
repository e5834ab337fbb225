import { describe, expect, it } from "vitest";

import { creditGap, resolveCountry } from "../../src/recession/index.ts";
import { type Diagnosis, diagnose } from "../../src/recession/stages.ts";

const stageOf = (d: Diagnosis, year: number) => d.timeline.find((r) => r.year === year)!.stage;
const signal = (d: Diagnosis, year: number, id: string) =>
  d.timeline.find((r) => r.year === year)!.signals.find((s) => s.id === id)!;

// The cases of issue #13, each against the seed note (Jin Yi) or economic history.
describe("US 1929-40: a balance-sheet recession that ends by 1940 (seed note: 1930-1940)", () => {
  const d = diagnose("US", 1925, 1945);

  it("runs from 1929 to no later than 1940; 1941-44 are not part of it", () => {
    expect(d.verdict.start).toBe(1929);
    expect(d.verdict.end).not.toBeNull();
    expect(d.verdict.end!).toBeLessThanOrEqual(1940);
    for (const e of d.episodes.filter((x) => x.start > 1929)) expect(e.balanceSheetRecession).toBe(false);
  });

  it("1941: loans +12.9% is not deleveraging; 1943: -12% at 1.9% unemployment is war finance (JST unemp)", () => {
    expect(signal(d, 1941, "private-deleveraging").values.creditGrowth).toBeCloseTo(12.9, 1);
    expect(signal(d, 1941, "private-deleveraging").fired).toBe(false);
    expect(signal(d, 1943, "private-deleveraging").values.unemployment).toBe(1.9);
    expect(signal(d, 1943, "private-deleveraging").fired).toBe(false);
    expect(signal(d, 1943, "monetary-ineffective").fired).toBe(false);
    expect(signal(d, 1943, "private-deleveraging").detail).toMatch(/no slack/);
  });

  it("unemployment 14.6% in 1940, the seed note's figure (JST R6 unemp)", () => {
    expect(signal(d, 1940, "private-deleveraging").values.unemployment).toBe(14.6);
  });

  it("depth from the cycle peak: S&P -84.8% 1929-09 to 1932-06; total real GDP 1929 to 1933 (BEA: -26.5%)", () => {
    const e = d.episodes[0]!;
    expect(e.depthDetail.equity).toMatchObject({ peak: "1929-09", trough: "1932-06" });
    expect(e.depth.equityDrawdownPct).toBeCloseTo(-84.8, 1);
    expect(e.depthDetail.realGdp).toMatchObject({ peak: "1929", trough: "1933" });
    expect(e.depth.realGdpPeakToTroughPct!).toBeGreaterThan(-29);
    expect(e.depth.realGdpPeakToTroughPct!).toBeLessThan(-24);
    expect(e.depthDetail.realGdp!.source).toMatch(/rgdpbarro x pop \(total real GDP\)/);
  });

  it("sector net debt 1930-40 is not computable, with the note's figures beside", () => {
    const f = d.studyFigures.find((x) => x.item.en === "sector net debt 1930-1940")!;
    expect(f.study.en).toBe("corporate net debt 89.3 -> 75.6 bn USD; household net debt 71.8 -> 53.0 bn USD");
    expect(f.reason.en).toMatch(/^no US sector debt stocks before 1945/);
    expect(diagnose("US", 1925, 1945, { lang: "zh" }).text!.studyFigures[0]).toMatch(
      /^1930–1940年部门净负债：无法计算（.*）；研究报告数字：企业部门净负债893亿美元降至756亿美元/,
    );
  });
});

describe("Japan 1990-2005 (seed note) and its depth", () => {
  const d = diagnose("JP", 1985, 2010);
  const main = d.episodes.find((e) => e.balanceSheetRecession)!;

  it("ends no later than 2005: loans grow again from 2006 and the BoJ raises rates to 0.47%", () => {
    expect(d.verdict.start).toBe(1990);
    expect(d.verdict.end).not.toBeNull();
    expect(d.verdict.end!).toBeLessThanOrEqual(2005);
    expect(d.verdict.end!).toBeGreaterThanOrEqual(2003);
    for (const y of [2006, 2007]) expect(["recovery", "none"]).toContain(stageOf(d, y));
  });

  it("Nikkei about -80% from its December 1989 peak (38,916 close; 2009-03 low 7,055)", () => {
    expect(main.depthDetail.equity!.peak).toBe("1989-12");
    expect(main.depth.equityDrawdownPct!).toBeLessThan(-75);
    expect(main.depth.equityDrawdownPct!).toBeGreaterThan(-85);
  });

  it("house prices from their 1991 peak (JST hpnom 109.7 -> 59.7 in 2009: -45.6%)", () => {
    expect(main.depthDetail.house).toMatchObject({ peak: "1991", trough: "2009" });
    expect(main.depth.houseDrawdownPct).toBeCloseTo(-45.6, 1);
  });

  it("real GDP peak to trough is a real fall (1997 to 1999), not 0", () => {
    expect(main.depthDetail.realGdp).toMatchObject({ peak: "1997", trough: "1999" });
    expect(main.depth.realGdpPeakToTroughPct!).toBeLessThan(-1);
  });

  it("slow rescue before the 1997 crisis (7 years after the bust), not after it", () => {
    for (let y = 1993; y <= 1996; y++) expect(stageOf(d, y)).toBe("slow rescue");
    for (let y = 2002; y <= 2005; y++) expect(stageOf(d, y)).toBe("liquidity trap");
  });
});

describe("Sweden 1990: a fast clean-up at high rates", () => {
  const d = diagnose("SE", 1988, 2000);

  it("no slow-rescue stage (crisis dated 1991, a year after the bust)", () => {
    expect(d.timeline.some((r) => r.stage === "slow rescue")).toBe(false);
  });

  it("monetary policy is not called ineffective at 8.5% (1993) and 7.3% (1994)", () => {
    expect(signal(d, 1993, "monetary-ineffective").values.shortRate).toBeCloseTo(8.5, 1);
    expect(signal(d, 1993, "monetary-ineffective").fired).toBe(false);
    expect(signal(d, 1994, "monetary-ineffective").values.shortRate).toBeCloseTo(7.3, 1);
    expect(signal(d, 1994, "monetary-ineffective").fired).toBe(false);
  });
});

describe("US 2001: the policy lag of its own episode", () => {
  it("names no banking crisis (the 2007-11 crisis belongs to another episode)", () => {
    const e = diagnose("US", 1999, 2004).episodes[0]!;
    expect(e.policyLag.bankCleanupYear).toBeNull();
    expect(e.policyLag.detail).toMatch(/no systemic banking crisis in the episode \(2002-2003\)/);
    expect(e.policyLag.detail).not.toMatch(/2011/);
  });
});

describe("marks that cannot be tested say why", () => {
  it("Korea 1997: no equity series and no short-term rate", () => {
    const d = diagnose("KR", 1995, 2002);
    const eq = d.untested.find((u) => u.part === "equity prices")!;
    expect(eq.mark).toBe("asset-price-collapse");
    expect(eq.reason).toMatch(/^no equity price series for Korea in the data/);
    expect(eq.years).toContain(1997);
    expect(d.untested.some((u) => u.mark === "monetary-ineffective" && u.part === null)).toBe(true);
    expect(d.verdict.summary).toMatch(
      /not tested: asset-price-collapse \(equity prices\) not tested in 1995-2002/,
    );
    expect(signal(d, 1997, "asset-price-collapse").detail).toMatch(
      /equity not computable: no equity price series/,
    );
  });

  it("China 2015: the equity crash cannot be tested (no equity series)", () => {
    const d = diagnose("CN", 2012, 2018);
    expect(d.untested.find((u) => u.part === "equity prices")!.years).toContain(2015);
    expect(d.verdict.summary).toMatch(/no equity price series for China/);
  });
});

describe("what a country is lives in the data", () => {
  it("the euro area (XM) resolves and has a credit gap", () => {
    expect(resolveCountry("XM").name).toBe("Euro area");
    const gap = creditGap("XM");
    const withGap = gap.filter((r) => r.gap !== null);
    expect(withGap.length).toBeGreaterThan(40);
    // The BIS publishes XM's gap too: the recomputation matches it as for the countries.
    for (const r of withGap.slice(-8))
      if (r.bisGap !== null) expect(Math.abs(r.gap! - r.bisGap)).toBeLessThan(0.2);
  });
});
