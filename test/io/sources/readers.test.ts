import { describe, expect, it } from "vitest";

import { loadBisWide, parseBisWideCsv } from "../../../src/io/sources/bis-wide-csv.ts";
import { parseFredCsv } from "../../../src/io/sources/fred-csv.ts";
import { loadJstRows } from "../../../src/io/sources/jst.ts";
import { loadLaevenValencia } from "../../../src/io/sources/laeven-valencia.ts";
import { loadNikkei } from "../../../src/io/sources/nikkei.ts";
import { loadPfmh } from "../../../src/io/sources/pfmh.ts";
import { loadReinhartRogoff } from "../../../src/io/sources/reinhart-rogoff.ts";
import { loadSectoralBalances } from "../../../src/io/sources/sectoral-balances.ts";
import { loadShiller, parseShiller } from "../../../src/io/sources/shiller.ts";

// Check values from data/SOURCES.md.
describe("bundled dataset readers (check values from data/SOURCES.md)", () => {
  it("BIS WS_TC: Japan NFC credit 140.0% of GDP (1995-Q4) -> 100.9% (2005-Q4)", () => {
    const s = loadBisWide("WS_TC").find((x) => x.id === "BIS/WS_TC/Q:JP:N:A:M:770:A")!;
    const at = (d: string) => s.observations.find((o) => o.date === d)?.value;
    expect(at("1995-Q4")).toBeCloseTo(140.0, 1);
    expect(at("2005-Q4")).toBeCloseTo(100.9, 1);
  });

  it("BIS WS_CREDIT_GAP: Japan 1990-Q1 published gap 23.76", () => {
    const s = loadBisWide("WS_CREDIT_GAP").find((x) => x.id === "BIS/WS_CREDIT_GAP/Q:JP:P:A:C")!;
    expect(s.observations.find((o) => o.date === "1990-Q1")!.value).toBeCloseTo(23.76, 2);
    expect(s.unit).toBe("percentage points");
  });

  it("BIS WS_SPP: Japan real residential property 189.3 (1991-Q1)", () => {
    const s = loadBisWide("WS_SPP").find((x) => x.id === "BIS/WS_SPP/Q:JP:R:628")!;
    expect(s.observations.find((o) => o.date === "1991-Q1")!.value).toBeCloseTo(189.3, 1);
  });

  it("JST R6: US tloans 49.7 (1929) -> 27.9 (1933); 88 crisis starts", () => {
    const rows = loadJstRows();
    const us = (y: number) => rows.find((r) => r.iso === "USA" && r.year === y)!.values;
    expect(us(1929).tloans).toBeCloseTo(49.7, 1);
    expect(us(1933).tloans).toBeCloseTo(27.9, 1);
    expect(rows.filter((r) => r.values.crisisJST === 1).length).toBe(88);
  });

  it("Shiller: CAPE 1929-09 = 32.5638", () => {
    const cape = loadShiller().find((s) => s.name === "cape")!;
    expect(cape.observations.find((o) => o.date === "1929-09")!.value).toBeCloseTo(32.5638, 4);
  });

  it("Nikkei: close 1989-12-29 = 38,915.87", () => {
    expect(loadNikkei().observations.find((o) => o.date === "1989-12-29")!.value).toBeCloseTo(38915.87, 2);
  });

  it("sectoral balances: Japan corporate -9.0% (1990-Q4) -> +9.9% (2003-Q4)", () => {
    const s = loadSectoralBalances().find((x) => x.id === "ANGRICK/sectors/JP_Q_boj_cao.Corporate")!;
    expect(s.observations.find((o) => o.date === "1990-Q4")!.value).toBeCloseTo(-9.0, 1);
    expect(s.observations.find((o) => o.date === "2003-Q4")!.value).toBeCloseTo(9.9, 1);
  });

  it("Laeven-Valencia 2026: Japan 1997-2001, peak NPLs 35%, output loss 45.0%", () => {
    const jp = loadLaevenValencia().find((c) => c.country === "Japan")!;
    expect([jp.start, jp.end, jp.peakNpl]).toEqual([1997, 2001, 35]);
    expect(jp.outputLoss).toBeCloseTo(45.0, 1);
  });

  it("Reinhart-Rogoff: USA systemic 1930-33, inflation -9.6% (1930)", () => {
    const us = loadReinhartRogoff().filter((r) => r.cc3 === "USA" && r.year >= 1930 && r.year <= 1933);
    expect(us.every((r) => r.systemicCrisis === 1)).toBe(true);
    expect(us[0]!.inflation).toBeCloseTo(-9.6, 1);
  });

  it("PFMH: Japan gross debt 63.2% (1990), US 16.3% (1929)", () => {
    const p = loadPfmh();
    expect(p.find((r) => r.iso3 === "JPN" && r.year === 1990)!.debt).toBeCloseTo(63.2, 1);
    expect(p.find((r) => r.iso3 === "USA" && r.year === 1929)!.debt).toBeCloseTo(16.3, 1);
  });
});

describe("FRED CSV header variants", () => {
  it.each([
    ["DATE,JPNASSETS\n1999-01-01,775870.8\n", "x.csv", "FRED/JPNASSETS"],
    ["observation_date,ECBASSETSW\n1999-01-01,697160\n", "x.csv", "FRED/ECBASSETSW"],
    ['"Date","FEDFUNDS"\n1954-07-01,0.8\n', "x.csv", "FRED/FEDFUNDS"],
    ["Date,Value\n2002-12-18,719542.0\n", "WALCL.csv", "FRED/WALCL"],
  ])("%s", (text, file, id) => {
    const [s] = parseFredCsv(text, file);
    expect(s!.id).toBe(id);
    expect(s!.observations).toHaveLength(1);
  });

  it("treats '.' as missing", () => {
    expect(parseFredCsv("DATE,X\n2000-01-01,.\n2000-02-01,1\n", "x.csv")[0]!.observations).toEqual([
      { date: "2000-02-01", value: 1 },
    ]);
  });
});

describe("reader errors name file, row and column", () => {
  it("bad number in a FRED file", () => {
    expect(() => parseFredCsv("DATE,X\n2000-01-01,1\n2000-02-01,abc\n", "x.csv")).toThrow(
      /^x\.csv, row 3, column X: not a number: "abc" \(expected a number or an empty cell\)$/,
    );
  });

  it("unknown FRED header", () => {
    expect(() => parseFredCsv("when,X\n", "x.csv")).toThrow(/^x\.csv: row 1: unrecognised header "when,X"/);
  });

  it("missing Shiller column", () => {
    expect(() => parseShiller("date,cape\n", "ie.csv")).toThrow(
      /^ie\.csv: missing column "month" \(header has: date, cape\)$/,
    );
  });

  it("bad value in a BIS csv_col file", () => {
    const text =
      "FREQ,Frequency,REF_AREA,Reference area,TITLE_TS,Series,2000-Q1\nQ,Quarterly,JP,Japan,,Q:JP,x1\n";
    expect(() => parseBisWideCsv(text, "WS_SPP_csv_col.csv")).toThrow(
      /^WS_SPP_csv_col\.csv, row 2, column 2000-Q1: not a number: "x1"/,
    );
  });
});
