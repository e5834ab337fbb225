import { describe, expect, it } from "vitest";

import { diagnose } from "../../src/recession/stages.ts";
import type { Diagnosis } from "../../src/recession/stages.ts";

const stageOf = (d: Diagnosis, year: number) => d.timeline.find((r) => r.year === year)!.stage;
const signal = (d: Diagnosis, year: number, id: string) =>
  d.timeline.find((r) => r.year === year)!.signals.find((s) => s.id === id)!;

describe("Japan 1985-2010 (seed note: Japan 1990-2005; Koo)", () => {
  const d = diagnose("JP", 1985, 2010);

  it("is a balance-sheet recession starting 1990-1992 with the bust", () => {
    expect(d.verdict.balanceSheetRecession).toBe(true);
    expect(d.verdict.start).toBeGreaterThanOrEqual(1990);
    expect(d.verdict.start).toBeLessThanOrEqual(1992);
    expect(stageOf(d, 1990)).toBe("bust");
    expect(signal(d, 1990, "asset-price-collapse").values.equityDrawdown).toBeLessThan(-30);
  });

  it("boom in the late 1980s (BIS-method credit gap > 10 pp)", () => {
    expect(stageOf(d, 1989)).toBe("boom");
    expect(signal(d, 1989, "leveraged-boom").values.creditGap).toBeGreaterThan(10);
  });

  it("banking-crisis stage around 1997 (JST 1997, Laeven-Valencia 1997-2001, peak NPLs 35%)", () => {
    expect(stageOf(d, 1997)).toBe("banking crisis");
    expect(signal(d, 1997, "banking-distress").values.peakNpl).toBe(35);
  });

  it("corporate sector in financial surplus through the 2000s despite near-zero rates (sectoral balances: -9.0 in 1990 to +9.9 in 2003)", () => {
    expect(signal(d, 1990, "private-deleveraging").values.corporateBalance).toBeCloseTo(-9.0, 1);
    expect(signal(d, 2003, "private-deleveraging").values.corporateBalance).toBeCloseTo(9.9, 1);
    for (let y = 2000; y <= 2009; y++) {
      expect(signal(d, y, "private-deleveraging").values.corporateBalance).toBeGreaterThan(0);
      expect(signal(d, y, "liquidity-trap").values.shortRate).toBeLessThanOrEqual(1);
    }
    for (let y = 2000; y <= 2005; y++) expect(signal(d, y, "private-deleveraging").fired).toBe(true);
    // 2006-08: loans grow again (+1.1%, +0.3%, +2.3%) and unemployment is back near its low: the
    // surplus alone is no longer debt repayment.
    for (let y = 2006; y <= 2008; y++) expect(signal(d, y, "private-deleveraging").fired).toBe(false);
    expect(stageOf(d, 2003)).toBe("liquidity trap");
  });

  it("deflation from the late 1990s (JST CPI falls 1999-2005)", () => {
    for (let y = 1999; y <= 2005; y++) expect(signal(d, y, "deflation").fired).toBe(true);
  });
});

describe("United States 1925-1945 (seed note: Great Depression)", () => {
  const d = diagnose("US", 1925, 1945);

  it("bust in 1929 with CAPE 32.56 (September 1929) as the boom mark", () => {
    expect(stageOf(d, 1929)).toBe("bust");
    expect(d.boomMark).toBe("Shiller CAPE peak 32.56 in 1929-09");
    expect(d.verdict.balanceSheetRecession).toBe(true);
    expect(d.verdict.start).toBe(1929);
  });

  it("banking crisis 1930-33 and deflation 1930-33", () => {
    for (let y = 1930; y <= 1933; y++) {
      expect(stageOf(d, y)).toBe("banking crisis");
      expect(signal(d, y, "deflation").fired).toBe(true);
    }
  });

  it("deleveraging through the 1930s (JST loans 49.7 in 1929 -> 27.9 in 1933)", () => {
    for (const y of [1930, 1931, 1932, 1933, 1934, 1935, 1936, 1938, 1939])
      expect(signal(d, y, "private-deleveraging").fired).toBe(true);
    // 1937: loans +7.7%, above their 1934 level: the ratio fell because GDP grew, not debt repaid.
    expect(signal(d, 1937, "private-deleveraging").fired).toBe(false);
    expect(signal(d, 1937, "private-deleveraging").values.creditGrowth3y).toBeGreaterThan(0);
  });

  it("1937-38 relapse after fiscal tightening (PFMH primary balance +3.0 pp in 1937; total real GDP -3.5% in 1938, JST rgdpbarro x pop; BEA -3.3%)", () => {
    expect(signal(d, 1937, "fiscal-tightening").fired).toBe(true);
    expect(signal(d, 1937, "fiscal-tightening").values.change).toBeCloseTo(3.0, 1);
    const notes = d.timeline.find((r) => r.year === 1938)!.notes.join(" ");
    expect(notes).toMatch(/relapse after fiscal tightening: real GDP -3\.5%/);
  });
});

// Counter-cases: ordinary downturns that must not be called balance-sheet recessions.
describe("counter-cases", () => {
  it("US 1990-91 recession: no asset-price collapse (S&P fell < 30%, house prices did not fall 15%)", () => {
    const d = diagnose("US", 1989, 1993);
    expect(d.verdict.balanceSheetRecession).toBe(false);
    expect(d.timeline.every((r) => !r.fired.includes("asset-price-collapse"))).toBe(true);
  });

  it("US 2001 dot-com bust: equity collapse but no deleveraging, no ineffective policy, no deflation", () => {
    const d = diagnose("US", 2000, 2004);
    expect(d.verdict.balanceSheetRecession).toBe(false);
    expect(d.verdict.summary).toMatch(/private deleveraging in 0 year\(s\)/);
  });

  it("US 1973-75: equity collapse with inflation, credit still growing", () => {
    const d = diagnose("US", 1972, 1977);
    expect(d.verdict.balanceSheetRecession).toBe(false);
  });

  it("US 1987 crash: drawdown below the 30% threshold, no episode", () => {
    const d = diagnose("US", 1986, 1988);
    expect(d.verdict.balanceSheetRecession).toBe(false);
    expect(d.timeline.every((r) => !r.fired.includes("asset-price-collapse"))).toBe(true);
  });

  it("UK 1973-75 secondary-banking crisis: collapse and banking crisis but neither ineffective policy nor deflation", () => {
    const d = diagnose("GB", 1972, 1978);
    expect(d.verdict.balanceSheetRecession).toBe(false);
  });
});

describe("no NaN or Infinity escapes", () => {
  it("JSON of a diagnosis contains only finite numbers or null", () => {
    const text = JSON.stringify(diagnose("KR", 1990, 2000));
    expect(text).not.toMatch(/NaN|Infinity/);
    const d = JSON.parse(text) as Diagnosis;
    const monetary = d.timeline[0]!.signals.find((s) => s.id === "monetary-ineffective")!;
    expect(monetary.fired).toBeNull();
    expect(monetary.detail).toMatch(/^not computable: no short-term rate for 1990/);
  });
});
