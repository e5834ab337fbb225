import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { assess, verdictText } from "../../src/indicators/assess.ts";
import { computeAll, computeIndicator } from "../../src/indicators/compute.ts";
import { resolveInput } from "../../src/indicators/inputs.ts";
import { getIndicator, listIndicators } from "../../src/indicators/registry.ts";
import { loadIndicatorSeries } from "../../src/indicators/series.ts";
import { loadSheet } from "../../src/store/sheets.ts";
import type { Store } from "../../src/store/store.ts";
import { bundledStore } from "../helpers/temp-store.ts";

let store: Store;
let cleanup: () => void;
beforeAll(async () => {
  ({ store, cleanup } = await bundledStore());
});
afterAll(() => cleanup());

const round = (v: number | null, digits: number) =>
  v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits;

async function pboc(date: string, id: string) {
  const sheet = (await loadSheet(store, "pboc", date))!;
  return computeIndicator(getIndicator(id), { entity: "pboc", date, sheet });
}

// Peng and Xie (2014), Table 2 and section 3; each figure at its printed precision.
describe("PBoC end-2013, Peng and Xie (2014) Table 2", () => {
  it.each([
    ["cb.net_fx_position", 2, 262181.77],
    ["cb.fx_to_foreign_liabilities", 1, 126.5],
    ["cb.fx_assets_share", 3, 0.833],
    ["cb.currency_issued_share", 3, 0.205],
    ["cb.financial_deposits_share", 3, 0.649],
    ["cb.government_deposits_share", 3, 0.09],
    ["cb.other_assets_share", 3, 0.024],
  ])("%s = %s decimals -> %s", async (id, digits, published) => {
    const r = await pboc("2013-12", id);
    expect(round(r.value, digits)).toBe(published);
  });

  it("net FX position is 26.2 trn yuan (x1e8 yuan / 1e4)", async () => {
    const r = await pboc("2013-12", "cb.net_fx_position");
    expect(round(r.value! / 1e4, 1)).toBe(26.2);
    expect(r.unitLabel).toBe("CNY hundred millions (1e8)");
  });

  it("other assets 8.9% of total assets in 2006-12 (section 3)", async () => {
    expect(round((await pboc("2006-12", "cb.other_assets_share")).value, 3)).toBe(0.089);
  });

  it("inputs trace to the workbook rows", async () => {
    const r = await pboc("2013-12", "cb.currency_issued_share");
    expect(r.inputs[0]!.lines).toEqual([
      {
        item: "currency_issue",
        label: "Currency issue",
        value: 64980.93,
        source: "data/pboc-monetary-authority/raw_xls/monetary_authority_bs_2013.xls:20",
      },
    ]);
  });

  it("verdicts: severe creditor-type currency, capital structure present, maturity not considered (SAFE 17.7%)", async () => {
    const sheet = (await loadSheet(store, "pboc", "2013-12"))!;
    const results = computeAll(listIndicators({ level: ["central-bank", "sector"] }), {
      entity: "pboc",
      date: "2013-12",
      sheet,
    });
    // Short-term external debt 6,766 / FX reserves 38,213 (100 million USD, SAFE end-2013).
    const a = assess(results, { countryMaturity: { value: 6766 / 38213, year: "2013", source: "SAFE" } });
    const by = Object.fromEntries(a.verdicts.map((v) => [v.type, v]));
    expect(by.currency).toMatchObject({ level: "severe", direction: "creditor" });
    expect(by["capital-structure"]!.level).toBe("present");
    expect(by.maturity!.level).toBe("not considered");
    expect(a.conclusion.en).toBe(
      "severe creditor-type currency mismatch; capital-structure mismatch present",
    );
    expect(verdictText(by.currency!, "zh")).toBe("存在严重的债权型货币错配");
  });

  it("maturity indicators are not computable: maturity unknown in the PBoC mapping", async () => {
    const r = await pboc("2013-12", "cb.long_term_securities_share");
    expect(r.value).toBeNull();
    expect(r.note).toMatch(/^not computable: maturity unknown for 95\.2% of assets \(foreign_exchange, /);
  });
});

describe("Figure 1: PBoC liability shares 2002-2013", () => {
  it("gives 133 months; currency about 20% since 2011, bonds peak 2004-2010", async () => {
    const ids = [
      "cb.currency_issued_share",
      "cb.financial_deposits_share",
      "cb.bonds_issued_share",
      "cb.government_deposits_share",
    ];
    const rows = await loadIndicatorSeries(store, "pboc", "2002-12", "2013-12", ids.map(getIndicator));
    expect(rows).toHaveLength(133);
    expect(rows.every((r) => r.results.every((x) => x.value !== null && Number.isFinite(x.value)))).toBe(
      true,
    );
    const at = (d: string, id: string) =>
      rows.find((r) => r.date === d)!.results.find((x) => x.id === id)!.value!;
    for (const d of ["2011-12", "2012-12", "2013-12"])
      expect(Math.abs(at(d, ids[0]!) - 0.2)).toBeLessThan(0.02);
    const bonds = rows.map((r) => r.results[2]!.value!);
    const peak = rows[bonds.indexOf(Math.max(...bonds))]!.date;
    expect(peak >= "2004-01" && peak <= "2010-12").toBe(true);
  });
});

describe("Fed, ECB, BoJ from the bundled data", () => {
  it("Fed 2013-12: FRED totals give reserve balances and Treasuries shares, with sources", async () => {
    const input = await resolveInput(store, "fed", "2013-12");
    expect(input.date).toBe("2013-12-25");
    expect(input.partial).toMatch(/FRED totals only/);
    const tre = computeIndicator(getIndicator("cb.government_securities_share"), input);
    expect(tre.value).toBeGreaterThan(0.5);
    expect(tre.inputs[1]!.lines[0]!.value).toBe(4032575); // WALCL 2013-12-25 (data/SOURCES.md)
    const dep = computeIndicator(getIndicator("cb.financial_deposits_share"), input);
    expect(dep.value).toBeGreaterThan(0.5);
    const fx = computeIndicator(getIndicator("cb.fx_assets_share"), input);
    expect(fx.value).toBeNull();
    expect(fx.note).toMatch(/^not computable: .*not in the bundled data for fed 2013-12-25/);
  });

  it("Fed 2002-2026 reserve-balance and Treasury shares from FRED, weekly", async () => {
    const rows = await loadIndicatorSeries(store, "fed", "2002", "2026", [
      getIndicator("cb.financial_deposits_share"),
      getIndicator("cb.government_securities_share"),
    ]);
    expect(rows.length).toBeGreaterThan(1200);
    expect(rows[0]!.date).toBe("2002-12-18");
    const values = rows.flatMap((r) => r.results.map((x) => x.value)).filter((v) => v !== null);
    expect(values.every((v) => v! >= 0 && v! <= 1)).toBe(true);
  });

  it("Fed 2016-12 itemised: full set, FX negligible, maturity and capital-structure present", async () => {
    const input = await resolveInput(store, "fed", "2016-12");
    expect(input.partial).toBeUndefined();
    const results = computeAll(listIndicators({ level: ["central-bank", "sector"] }), input);
    const v = (id: string) => results.find((r) => r.id === id)!.value;
    expect(v("cb.fx_assets_share")).toBeLessThan(0.01);
    expect(v("cb.short_term_securities_share")).toBe(0);
    expect(v("cb.long_term_securities_share")).toBeGreaterThan(0.9);
    const a = assess(results);
    expect(a.verdicts.map((x) => x.level)).toEqual(["not considered", "present", "present"]);
  });

  it("BoJ 2013-12: no accounts dated in the month, so the nearest bundled date (2013-09-30) stands in, and says so", async () => {
    const input = await resolveInput(store, "boj", "2013-12");
    expect(input.date).toBe("2013-09-30");
    expect(input.dateNote).toBe("no sheet in 2013-12: computed at 2013-09-30, the nearest bundled date");
    const r = computeIndicator(getIndicator("cb.currency_issued_share"), input);
    expect(r.value).not.toBeNull();
  });
});

describe("country level, External Wealth of Nations 1990-2021", () => {
  it("China: reserves-based ratios and net external debt / net FDI, every year", async () => {
    const ids = [
      "country.net_external_debt_to_net_fdi",
      "country.external_debt_to_reserves",
      "country.reserves_to_gdp",
    ];
    const rows = await loadIndicatorSeries(store, "China", "1990", "2021", ids.map(getIndicator));
    expect(rows.map((r) => r.date)).toHaveLength(32);
    const y2013 = rows.find((r) => r.date === "2013")!;
    // EWN 2013: debt liabilities 1,547,527 / reserves 3,839,548 (USD millions)
    expect(round(y2013.results[1]!.value, 3)).toBe(0.403);
    expect(y2013.results[0]!.value).toBeLessThan(0); // a net external creditor
  });

  it("Japan: net FDI negative, so net external debt / net FDI is not computable", async () => {
    const input = await resolveInput(store, "japan", "2013");
    const r = computeIndicator(getIndicator("country.net_external_debt_to_net_fdi"), input);
    expect(r.value).toBeNull();
    expect(r.note).toMatch(/^not computable: net FDI stock \(inward minus outward\) is not positive/);
  });
});
