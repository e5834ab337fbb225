import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readFedYearend } from "../../../src/io/fed/h41-yearend.ts";
import type { BalanceSheet } from "../../../src/model/balance-sheet.ts";
import { loadSeries } from "../../../src/store/series.ts";
import { loadSheet } from "../../../src/store/sheets.ts";
import type { Store } from "../../../src/store/store.ts";
import { bundledStore } from "../../helpers/temp-store.ts";

const FILE = "data/fred-h41-fed-balance-sheet/yearend-items/fed_h41_yearend_long.csv";
const TEXT = readFileSync(FILE, "utf8");

let store: Store;
let cleanup: () => void;
let dec2013: BalanceSheet;
beforeAll(async () => {
  ({ store, cleanup } = await bundledStore());
  dec2013 = (await loadSheet(store, "fed", "2013-12-25"))!;
});
afterAll(() => cleanup());

const value = (s: BalanceSheet, item: string) => s.positions.find((p) => p.item === item)!.value;
const obs = async (id: string, date: string) =>
  (await loadSeries(store, id))!.observations.find((o) => o.date === date)!.value;
const pct = (x: number) => Math.round(x * 1000) / 10;

describe("Fed H.4.1 additions, from the loaded store (yearend-items/CHECKS.md)", () => {
  it("2013-12-25: MBS 1,496,943 = 37.1% of WALCL 4,032,575 (the study's 37.1%), in the sheet and in WSHOMCB", async () => {
    const walcl = await obs("FRED/WALCL", "2013-12-25");
    expect(walcl).toBe(4032575);
    expect(await obs("FRED/WSHOMCB", "2013-12-25")).toBe(1496943);
    expect(value(dec2013, "mortgage_backed_securities")).toBe(1496943);
    expect(pct(1496943 / walcl)).toBe(37.1);
  });

  it("2013-12-25: Treasury bills 0, notes and bonds (nominal) 2,103,872 = 52.2% of total assets, long-term, with the release URL", async () => {
    expect(value(dec2013, "treasury_bills")).toBe(0);
    const nb = dec2013.positions.find((p) => p.item === "treasury_notes_bonds_nominal")!;
    expect(nb).toMatchObject({
      value: 2103872,
      instrument: "AF.32",
      maturity: "long",
      interestBearing: true,
    });
    expect(nb.source).toMatchObject({
      file: FILE,
      row: 544,
      url: "http://www.federalreserve.gov/releases/H41/20131226/H41.TXT",
    });
    expect(pct(2103872 / (await obs("FRED/WALCL", "2013-12-25")))).toBe(52.2);
  });

  it("WSHOSHO 3,762,993 = TREAST 2,208,829 + WSHOMCB 1,496,943 + agency 57,221", async () => {
    const all = await obs("FRED/WSHOSHO", "2013-12-25");
    expect(all).toBe(3762993);
    expect(all - (await obs("FRED/TREAST", "2013-12-25")) - 1496943).toBe(57221);
    expect(value(dec2013, "federal_agency_debt")).toBe(57221);
  });

  it("WCURCIR is stored as a week average (named so), 1,235,858 on 2013-12-25", async () => {
    const s = (await loadSeries(store, "FRED/WCURCIR"))!;
    expect(s.name).toMatch(/^Currency in circulation \(week average, not a Wednesday level; includes coin\)/);
    expect(await obs("FRED/WCURCIR", "2013-12-25")).toBe(1235858);
  });

  it("a Table 1 date says it is partial, and the indicator inputs complete it with WALCL and WRESBAL", () => {
    expect(dec2013.notes[0]!.message).toMatch(/^partial: H\.4\.1 Table 1/);
    expect(dec2013.positions.some((p) => p.kind === "total")).toBe(false);
  });
});

describe("Fed year-end reader: quirks kept and said", () => {
  const read = readFedYearend(TEXT, FILE, "fred-h41-fed-balance-sheet");
  const at = (d: string) => read.sheets.find((s) => s.date === d)!;

  it("2007-12-26: the Supplement's misprinted other loans 24,535 is kept as printed and the 20,002 gap noted", () => {
    const s = at("2007-12-26");
    expect(value(s, "other_loans")).toBe(24535);
    expect(s.notes.find((n) => n.item === "other_loans")!.message).toMatch(
      /likely misprint, kept as printed$/,
    );
    expect(s.notes.find((n) => n.item === "total_assets")).toMatchObject({ difference: -20002 });
    // Table 1 repeats the asset lines on that date: memo, never added twice.
    expect(s.positions.find((p) => p.item === "treasury_bills_table1")!.kind).toBe("memo");
  });

  it("2007-11-28: the row printed in two issues is counted once (lines 882,850 vs total 882,848, CHECKS.md)", () => {
    const s = at("2007-11-28");
    expect(s.positions.find((p) => p.item === "loans_unsplit")!.kind).toBe("memo");
    expect(s.notes.find((n) => n.item === "total_assets")).toMatchObject({ difference: -2 });
  });

  it("2003-12-31: deposits other than reserve balances 18,715 printed vs 18,714 from its lines (rounding), noted", () => {
    expect(
      at("2003-12-31").notes.find((n) => n.item === "deposits_other_than_reserve_balances"),
    ).toMatchObject({ difference: 1 });
  });

  it("says which rows it leaves to other files, with the count and reason", () => {
    expect(read.skipped.map((s) => [s.origin, s.rows])).toEqual([
      ["fred", 111],
      ["xml-2010", 192],
      ["ddp-2016-2017", 88],
      ["ddp-factors-2021-2022", 94],
    ]);
    expect(read.series[0]).toMatchObject({ id: "FRED/WDTGAL" });
    expect(read.series[0]!.observations).toHaveLength(23);
  });

  it("rejects an unknown line, naming file, row and column", () => {
    const bad = TEXT.replace('2013-12-25,asset,"Bills (H.4.1', '2013-12-25,asset,"Bils (H.4.1');
    expect(() => readFedYearend(bad, "x.csv", "d")).toThrow(
      'x.csv: row 543, column item: unknown H.4.1 line "Bils (H.4.1 Table 1, Wednesday level)"; add it to src/io/fed/h41-yearend.ts',
    );
  });
});
