import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readBojAccounts } from "../../../src/io/boj/accounts.ts";
import { totalAssets, type BalanceSheet } from "../../../src/model/balance-sheet.ts";
import { loadSeries } from "../../../src/store/series.ts";
import { loadSheets } from "../../../src/store/sheets.ts";
import type { Store } from "../../../src/store/store.ts";
import { bundledStore } from "../../helpers/temp-store.ts";

const FILE = "data/boj-accounts/boj_accounts_long.csv";

let store: Store;
let cleanup: () => void;
let sheets: BalanceSheet[];
beforeAll(async () => {
  ({ store, cleanup } = await bundledStore());
  sheets = await loadSheets(store, "boj");
});
afterAll(() => cleanup());

const at = (d: string) => sheets.find((s) => s.date === d)!;
const line = (s: BalanceSheet, item: string) => s.positions.find((p) => p.item === item)!;
const sumItems = (s: BalanceSheet, asset: boolean) =>
  s.positions
    .filter((p) => p.kind === "item" && (p.side === "asset") === asset)
    .reduce((a, p) => a + p.value, 0);

describe("Bank of Japan Accounts, from the loaded store (data/boj-accounts/CHECKS.md)", () => {
  it("holds the 13 BoJ release dates and the 3 reprint dates, in thousand yen", () => {
    expect(sheets.map((s) => s.date)).toEqual([
      "2006-03-31",
      "2009-02-28",
      "2009-03-31",
      "2009-09-30",
      "2013-03-31",
      "2013-09-30",
      "2014-12-31",
      "2016-01-31",
      "2018-03-31",
      "2018-09-30",
      "2019-05-31",
      "2019-09-30",
      "2020-04-30",
      "2020-09-30",
      "2022-09-30",
      "2024-03-31",
    ]);
    expect(at("2014-12-31").unit).toEqual({ currency: "JPY", scale: 3 });
    for (const d of ["2019-05-31", "2020-04-30", "2024-03-31"])
      expect(at(d).notes.some((n) => n.item === "copy")).toBe(true);
  });

  it("printed totals as CHECKS.md lists them; both sides equal on every date", () => {
    const printed: Record<string, number> = {
      "2009-02-28": 122173046901,
      "2009-03-31": 124317120309,
      "2009-09-30": 116929201706,
      "2013-03-31": 164312302598,
      "2013-09-30": 208189436612,
      "2014-12-31": 300211710127,
      "2016-01-31": 396449892133,
      "2018-03-31": 528520074051,
      "2018-09-30": 545534986596,
      "2019-09-30": 569758323491,
      "2020-09-30": 689993153092,
      "2022-09-30": 684921249415,
      "2019-05-31": 567156527176,
      "2020-04-30": 619030658536,
      "2024-03-31": 755678007764,
    };
    for (const [d, v] of Object.entries(printed)) {
      const s = at(d);
      expect(line(s, "total_assets").value, d).toBe(v);
      expect(line(s, "total_liabilities_and_net_assets").value, d).toBe(v);
    }
  });

  it("lines fall 2-6 thousand yen short of the printed Total (truncation), kept as printed and noted", () => {
    // CHECKS.md, 2014-12-31: assets -2, liabilities -3.
    const s = at("2014-12-31");
    expect(sumItems(s, true) - 300211710127).toBe(-2);
    expect(sumItems(s, false) - 300211710127).toBe(-3);
    expect(s.notes.find((n) => n.item === "total_assets")).toMatchObject({ difference: 2 });
    for (const d of sheets.filter((x) => x.date !== "2006-03-31"))
      for (const asset of [true, false]) {
        const short = sumItems(d, asset) - totalAssets(d);
        expect(short, `${d.date} ${asset}`).toBeLessThanOrEqual(-2);
        expect(short, `${d.date} ${asset}`).toBeGreaterThanOrEqual(-6);
      }
  });

  it("2006-03-31 has no printed Total: said, and its lines sum to 144,596,614,908 / 144,596,614,907", () => {
    const s = at("2006-03-31");
    expect(s.notes[0]!.message).toMatch(/^the printed Total rows were not in the stored copy/);
    expect(sumItems(s, true)).toBe(144596614908);
    expect(sumItems(s, false)).toBe(144596614907);
    expect(totalAssets(s)).toBe(144596614908);
  });

  it("2009-03-31: JGS 64.266 trn is the subtotal of long-term JGBs 42.661 trn (long, AF.32) and bills (short, AF.31)", () => {
    const s = at("2009-03-31");
    const jgs = line(s, "jgs");
    expect(jgs.kind).toBe("subtotal");
    expect(Math.round(jgs.value / 1e6)).toBe(64266);
    expect(line(s, "jgs_long_term")).toMatchObject({
      value: 42661281271,
      maturity: "long",
      instrument: "AF.32",
    });
    expect(line(s, "jgs_bills")).toMatchObject({ maturity: "short", instrument: "AF.31" });
    expect(line(s, "jgs_long_term").value + line(s, "jgs_bills").value).toBe(jgs.value);
  });

  it("each line keeps its file, row and release URL; foreign currency assets are foreign", () => {
    const fx = line(at("2014-12-31"), "foreign_currency_assets");
    expect(fx).toMatchObject({ value: 6032814474, foreign: true, currency: null });
    expect(fx.source).toMatchObject({
      file: FILE,
      row: 157,
      url: "https://www.boj.or.jp/en/statistics/boj/other/acmai/release/2014/ac141231.htm",
    });
    expect(line(at("2013-09-30"), "banknotes").value).toBe(83576237911); // 83.576 trn, SOURCES.md
  });

  it("Japanese-only releases say their labels are translations", () => {
    expect(at("2013-09-30").notes.some((n) => n.item === "labels")).toBe(true);
    expect(at("2014-12-31").notes.some((n) => n.item === "labels")).toBe(false);
  });

  it("BS01 2013-Q4: total assets 2,212,642 (100 million yen), named a quarterly average", async () => {
    const s = (await loadSeries(store, "BOJ/BS01/ASSETS.TOTAL_ASSETS_OR_LIABILITIES_AND_NET_ASSETS"))!;
    expect(s.name).toMatch(/\(quarterly average of ten-day figures, not end of quarter\)$/);
    expect(s.frequency).toBe("Q");
    expect(Math.round(s.observations.find((o) => o.date === "2013-Q4")!.value)).toBe(2212642);
    expect(s.observations[0]!.date).toBe("1998-Q2");
  });

  it("rejects an unknown line, naming file, row and column", () => {
    const text = readFileSync(FILE, "utf8").replace("2014-12-31,asset,Gold,", "2014-12-31,asset,Gold bars,");
    expect(() => readBojAccounts(text, "x.csv")).toThrow(
      'x.csv: row 148, column item: unknown Bank of Japan Accounts line "asset: Gold bars"; add it to src/io/boj/accounts.ts',
    );
  });
});
