import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readFedYearend } from "../../../src/io/fed/h41-yearend.ts";
import type { BalanceSheet } from "../../../src/model/balance-sheet.ts";
import { checkSheet } from "../../../src/model/validate.ts";
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

  it("2010-01-27 is stored as a full statement: foreign currency denominated assets 25,424 from row 338", async () => {
    const s = (await loadSheet(store, "fed", "2010-01-27"))!;
    expect(value(s, "foreign_currency_denominated_assets")).toBe(25424);
    expect(value(s, "total_assets")).toBe(2247065);
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
      ["ddp-2016-2017", 88],
    ]);
    expect(read.series[0]).toMatchObject({ id: "FRED/WDTGAL" });
    expect(read.series[0]!.observations).toHaveLength(23);
  });

  it("rejects an unknown DDP series code, naming file, row and column", () => {
    const bad = TEXT.replace("DDP SDMX series RESPPAOF_N.WW", "DDP SDMX series RESPPAXX_N.WW");
    expect(() => readFedYearend(bad, "x.csv", "d")).toThrow(
      'x.csv: row 338, column note: unknown DDP series "RESPPAXX"; add it to src/io/fed/h41-ddp-rows.ts',
    );
  });

  it("rejects an unknown line, naming file, row and column", () => {
    const bad = TEXT.replace('2013-12-25,asset,"Bills (H.4.1', '2013-12-25,asset,"Bils (H.4.1');
    expect(() => readFedYearend(bad, "x.csv", "d")).toThrow(
      'x.csv: row 543, column item: unknown H.4.1 line "Bils (H.4.1 Table 1, Wednesday level)"; add it to src/io/fed/h41-yearend.ts',
    );
  });
});

describe("Fed year-end file, DDP-coded rows (2010 statement, 2021-22 Table 1): every row read or said why not", () => {
  const read = readFedYearend(TEXT, FILE, "fred-h41-fed-balance-sheet");
  const at = (d: string) => read.sheets.find((s) => s.date === d)!;
  const line = (s: BalanceSheet, item: string) => s.positions.find((p) => p.item === item)!;

  it("all 286 rows of the two DDP sources are lines of a sheet; the 112 memo rows each name a reason", () => {
    const dates = ["2010-01-27", "2010-02-24", "2021-12-29", "2022-12-28"];
    const lines = dates.flatMap((d) => at(d).positions);
    expect(lines).toHaveLength(286);
    expect(new Set(lines.map((p) => p.source.row)).size).toBe(286);
    const memo = lines.filter((p) => p.kind === "memo");
    expect(memo).toHaveLength(112);
    expect(read.memos.reduce((n, m) => n + m.rows, 0)).toBe(112);
    expect(read.memos.every((m) => m.reason.length > 10)).toBe(true);
    // Every line on the balance sheet has its instrument; only totals and subtotals go without.
    expect(lines.filter((p) => p.kind === "item" && !p.instrument)).toEqual([]);
  });

  it("2010-01-27 adds up to its printed totals (CHECKS.md): assets 2,247,065 = liabilities 2,194,694 + capital 52,371", () => {
    const s = at("2010-01-27");
    const checks = checkSheet(s, { absolute: 0 });
    const diff = (item: string) => checks.find((c) => c.item === item)!.difference;
    for (const item of [
      "securities_repos_loans",
      "securities_held_outright",
      "treasury_securities",
      "total_liabilities",
      "deposits",
    ])
      expect(diff(item)).toBe(0);
    // One-unit rounding, noted on the sheet, not hidden.
    expect([diff("loans"), diff("total_capital"), diff("total_assets")]).toEqual([1, 1, 1]);
    expect(s.notes.find((n) => n.item === "total_assets")).toMatchObject({ difference: 1 });
    expect(line(s, "total_assets").value).toBe(2247065);
    expect(line(s, "total_liabilities").value + line(s, "total_capital").value).toBe(2247065);
    expect(s.notes[0]!.message).toMatch(/^full condition statement/);
  });

  it("2010-01-27: notes net 878,375 = outstanding 1,080,612 less 202,237 held by the Banks (memo lines)", () => {
    const s = at("2010-01-27");
    expect(line(s, "federal_reserve_notes")).toMatchObject({
      value: 878375,
      instrument: "AF.21",
      interestBearing: false,
      kind: "item",
    });
    expect(line(s, "federal_reserve_notes_outstanding").kind).toBe("memo");
    expect(line(s, "federal_reserve_notes_outstanding").value - line(s, "notes_held_by_fr_banks").value).toBe(
      878375,
    );
  });

  it("2010-01-27: foreign currency denominated assets 25,424 (AF.2, foreign, non-residents, interest-bearing); total assets 179 above WALCL 2,246,886", () => {
    const s = at("2010-01-27");
    expect(line(s, "foreign_currency_denominated_assets")).toMatchObject({
      value: 25424,
      instrument: "AF.2",
      foreign: true,
      currency: null,
      counterparty: ["S.2"],
      interestBearing: true,
      code: "RESPPAOF",
      source: { file: FILE, row: 338 },
    });
    const walcl = readFileSync("data/fred-h41-fed-balance-sheet/WALCL.csv", "utf8");
    const w = Number(/^2010-01-27,([\d.]+)/m.exec(walcl)![1]);
    expect(w).toBe(2246886);
    expect(line(s, "total_assets").value - w).toBe(179);
  });

  it("2010: the discontinued facilities the file files under 'liability' are assets, and the note lists them", () => {
    const s = at("2010-01-27");
    for (const item of ["maiden_lane_llc", "maiden_lane_ii_llc", "term_auction_credit", "aig_credit"])
      expect(line(s, item).side).toBe("asset");
    expect(s.notes.find((n) => n.item === "side")!.message).toMatch(
      /on 10 line\(s\).*RESPPALT \(liability\)/,
    );
    // Primary dealer credit ends 2010-02-03: a line on 2010-01-27, gone on 2010-02-24.
    expect(line(s, "primary_dealer_credit_2008").kind).toBe("item");
    expect(at("2010-02-24").positions.some((p) => p.item === "primary_dealer_credit_2008")).toBe(false);
    // A 2020 facility printed as 0 in 2010 is a memo, not a line of the 2010 statement.
    expect(line(s, "mmlf_before_2020-03-18").kind).toBe("memo");
  });

  it("2021-12-29 Table 1: factors absorbing 4,766,533 + reserve balances 4,039,860 = factors supplying 8,806,393 (CHECKS.md); loans 34,952 = their lines", () => {
    const s = at("2021-12-29");
    expect(line(s, "total_factors_absorbing").value + line(s, "reserve_balances_factor").value).toBe(
      line(s, "total_factors_supplying").value,
    );
    expect(line(s, "total_factors_supplying").value).toBe(8806393);
    expect(checkSheet(s).find((c) => c.item === "loans")).toMatchObject({ published: 34952, ok: true });
    expect(line(s, "foreign_currency_denominated_assets")).toMatchObject({ value: 20353, foreign: true });
    expect(s.notes[0]!.message).toMatch(/^partial: H\.4\.1 Table 1 .* Data Download Program/);
  });

  it("2021-12-29: deposits other than reserve balances 539,646 printed (memo) vs 539,647 from its lines", () => {
    const s = at("2021-12-29");
    const parts = [
      "treasury_general_account",
      "foreign_official_deposits",
      "other_deposits",
      "term_deposits",
    ];
    const sum = parts.reduce((n, item) => n + line(s, item).value, 0);
    expect(line(s, "deposits_other_than_reserve_balances")).toMatchObject({ kind: "memo", value: 539646 });
    expect(sum).toBe(539647);
  });
});
