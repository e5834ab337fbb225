import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import { loadSeries } from "../../src/store/series.ts";
import { loadSheet } from "../../src/store/sheets.ts";
import { importOnce } from "../helpers/import-once.ts";

// A real file of each layout a user downloads to bring a bank up to date (test/fixtures/import-layouts/README.md).
const FIX = "test/fixtures";
const FILES = {
  ddpMultiYear: `${FIX}/import-layouts/fed-ddp-h41-table1-2021-2023.csv`,
  fredOld: `${FIX}/publisher-responses/fred/fredgraph_WALCL_DATE-header_20201129_tungduong4920.csv`,
  fredNew: `${FIX}/publisher-responses/fred/fredgraph_FEDFUNDS_MORTGAGE30US_observation_date-header_ttamura01.csv`,
  bs01: "data/boj-accounts/boj_bs01_quarterly_average_1998_2024.csv",
  bojAccounts: "data/boj-accounts/boj_accounts_long.csv",
  ilm: `${FIX}/import-layouts/ecb-ilm-sdmx-csv-from-recorded-json.csv`,
  long: `${FIX}/import-layouts/long-boj-accounts-2014-12-31-web-table.csv`,
} as const;

const imported = importOnce(FILES);
const { results, obs } = imported;

describe("importers for publishers' downloads, detected by header, on real files", () => {
  it("each file is recognised as its layout", () => {
    expect(Object.fromEntries([...results].map(([k, r]) => [k, r.mapping]))).toEqual({
      ddpMultiYear: "fed-ddp",
      fredOld: "fred",
      fredNew: "fred",
      bs01: "boj-bs01",
      bojAccounts: "boj-accounts",
      ilm: "ecb-ilm",
      long: "long",
    });
  });

  it("Fed DDP H.4.1 Table 1 download over three years (2021-03-03 .. 2023-03-22): series, no sheet", async () => {
    const r = results.get("ddpMultiYear")!;
    expect(r.sheets).toBe(0);
    const s = (await loadSeries(imported.store, "FRB/H41/H41/RESH4A_N.WW"))!;
    expect(s.scale).toBe(6);
    expect(s.observations[0]!.date.slice(0, 4)).toBe("2021");
    expect(s.observations.at(-1)).toEqual({ date: "2023-03-22", value: 5413821 });
    expect(new Set(s.observations.map((o) => o.date.slice(0, 4)))).toEqual(new Set(["2021", "2022", "2023"]));
  });

  it("the same download agrees with the year-end file's 2022-12-28 line read from it (two copies, one value)", async () => {
    const yearend = readFileSync(
      "data/fred-h41-fed-balance-sheet/yearend-items/fed_h41_yearend_long.csv",
      "utf8",
    );
    const line = yearend
      .split("\n")
      .find((l) =>
        l.startsWith("2022-12-28,asset,Assets: Securities Held Outright: Mortgage-backed securities,"),
      )!;
    const value = Number(line.split(",")[3]);
    const metas = await imported.store.all<{ id: string }>(
      "select id from series where name = 'Assets: Securities Held Outright: Mortgage-backed securities: Wednesday level'",
    );
    expect(metas).toHaveLength(1);
    expect(await obs(metas[0]!.id, "2022-12-28")).toBe(value);
  });

  it("FRED graph CSV, old DATE,WALCL header: WALCL 2013-12-25 = 4,032,575", async () => {
    expect(await obs("FRED/WALCL", "2013-12-25")).toBe(4032575);
  });

  it("FRED graph CSV, current observation_date header with two series: one series per column", async () => {
    expect(results.get("fredNew")!.series).toBe(2);
    expect(await obs("FRED/FEDFUNDS", "2025-11-01")).toBe(3.88);
    expect(await obs("FRED/MORTGAGE30US", "2025-11-01")).toBe(6.24);
  });

  it("BoJ BS01 table: 21 series, 2013-Q4 total assets 2,212,642 (100 million yen)", async () => {
    expect(results.get("bs01")!.series).toBe(21);
    const v = await obs("BOJ/BS01/ASSETS.TOTAL_ASSETS_OR_LIABILITIES_AND_NET_ASSETS", "2013-Q4");
    expect(Math.round(v!)).toBe(2212642);
  });

  it("BoJ Accounts long CSV: 13 sheets of boj with the printed totals", async () => {
    expect(results.get("bojAccounts")!.sheets).toBe(13);
    const s = (await loadSheet(imported.store, "boj", "2014-12-31"))!;
    expect(s.positions.find((p) => p.item === "total_assets")!.value).toBe(300211710127);
  });

  it("ECB Data Portal SDMX-CSV of ILM: the series, and the Eurosystem line 5.2 on the statement's Friday", async () => {
    expect(await obs("ECB/ILM/W.U2.C.A050200.U2.EUR", "2026-W38")).toBe(14305);
    const s = (await loadSheet(imported.store, "ecb", "2026-09-18"))!;
    expect(s.positions[0]).toMatchObject({ item: "A5.2", value: 14305, instrument: "AF.4", parent: "A5" });
    expect(s.notes[0]!.message).toMatch(
      /^partial: the ILM series in .* only \(week 2026-W38, stated as at its Friday\)$/,
    );
  });

  it("long CSV of a statement typed from a web table (docs/long-csv-statements.md): the BoJ's 2014-12-31 page", async () => {
    const s = (await loadSheet(imported.store, "boj-web", "2014-12-31"))!;
    expect(s.unit).toEqual({ currency: "JPY", scale: 9 });
    expect(s.positions.find((p) => p.item === "total_assets")!.value).toBe(300211.710127);
    expect(s.positions.find((p) => p.item === "foreign_currency_assets")).toMatchObject({
      currency: null,
      foreign: true,
    });
    const bundled = (await loadSheet(imported.store, "boj", "2014-12-31"))!;
    for (const p of s.positions)
      expect(p.value * 1e6, p.item).toBeCloseTo(bundled.positions.find((q) => q.item === p.item)!.value, 3);
  });
});
