import { readFileSync } from "node:fs";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { assess } from "../../src/indicators/assess.ts";
import { computeAll } from "../../src/indicators/compute.ts";
import { loadComparison } from "../../src/indicators/compare.ts";
import { resolveInput } from "../../src/indicators/inputs.ts";
import { indicatorsForInput } from "../../src/indicators/levels.ts";
import { STUDY_CONCLUSIONS, STUDY_VERDICTS } from "../../src/indicators/study.ts";
import { storeFetch } from "../../src/ingest/fetch.ts";
import { importFile } from "../../src/ingest/import.ts";
import { fetchSource } from "../../src/io/fetch/sources.ts";
import type { Store } from "../../src/store/store.ts";
import { bundledStore } from "../helpers/temp-store.ts";

// The BoJ's and the Eurosystem's end-2013 statements as long-CSV lines built from the study's own
// shares (Peng and Xie 2014, Table 2 and section 4): FX 2.4%, long JGBs 63.2%, banknotes 40.2%,
// current deposits 47.8%; NFCP 261 bn EUR, FCAL 35x, FX 11.8%/0.3%, LTRO 25.5%, MRO 5.8%,
// banknotes 41.9%, credit-institution deposits 19.4%. The other lines are balancing items.
const FIXTURE = "test/fixtures/table2/boj-ecb-end-2013-from-study-shares.csv";
// FRED's graph-CSV layout holding one observation of WFCDA built from the study's printed Fed FX
// assets, 23.8 bn USD (not a FRED response: no public copy of 2013 was found; README.md says so).
const FED_FX_FIXTURE = "test/fixtures/table2/fed-wfcda-2013-12-25-from-study.csv";

let store: Store;
let cleanup: () => void;
let bundled: Store;
let cleanupBundled: () => void;
beforeAll(async () => {
  ({ store: bundled, cleanup: cleanupBundled } = await bundledStore());
  ({ store, cleanup } = await bundledStore());
  await importFile(store, FIXTURE, { vintage: "2099-01-01" });
  // SAFE's end-2013 short-term external debt and reserves (as the study quotes them).
  await importFile(store, "test/fixtures/table2/cn-external-debt-2013.csv", { vintage: "2099-01-01" });
});
afterAll(() => (cleanup(), cleanupBundled()));

// H.4.1 of 2013-12-26, Wednesday 2013-12-25 (millions of USD), and WALCL the same day.
const WALCL = 4_032_575;
const NOTES_BONDS_NOMINAL = 2_103_872;
const MBS = 1_496_943;

describe("Table 2 from the bundled data alone", () => {
  it("Fed maturity: long-term Treasuries are the nominal notes and bonds, 2,103,872 / 4,032,575 = the study's 52.2%; TIPS stay their own lines", async () => {
    const t2 = await loadComparison(bundled, ["fed"], "2013-12");
    const cell = (id: string) => t2.indicators.find((c) => c.id === id)!;
    const lt = cell("cb.long_term_government_securities_share");
    expect(lt.value).toBeCloseTo(NOTES_BONDS_NOMINAL / WALCL, 12);
    expect(lt.study!.printed).toMatch(/^52\.2%/);
    expect(lt.match).toBe(true);
    expect(lt.gap).toBeNull();
    const bills = cell("cb.short_term_securities_share");
    expect([bills.value, bills.match]).toEqual([0, true]);
    // MBS 1,496,943 = 37.1% (the study's figure) is a line of the same sheet.
    const input = await resolveInput(bundled, "fed", "2013-12");
    const line = (item: string) => input.sheet!.positions.find((p) => p.item === item)!;
    expect(line("mortgage_backed_securities").value).toBe(MBS);
    expect(Math.round((MBS / WALCL) * 1000) / 10).toBe(37.1);
    expect(line("treasury_notes_bonds_inflation_indexed")).toMatchObject({
      value: 91_379,
      maturity: "long",
      inflationIndexed: true,
    });
    expect(line("treasury_inflation_compensation")).toMatchObject({ value: 13_578, inflationIndexed: true });
    expect(line("treasury_notes_bonds_nominal").inflationIndexed).toBeUndefined();
    const v = t2.verdicts.find((x) => x.type === "maturity")!;
    expect([v.level, v.match]).toEqual(["present", true]);
  });

  it("every cell equals the study's or is not computable naming its input: 7/12 cells, 1/4 conclusions", async () => {
    const t2 = await loadComparison(bundled, ["pboc", "fed", "boj", "ecb"], "2013-12");
    expect(t2.score).toEqual({ cells: 7, cellsOf: 12, conclusions: 1, conclusionsOf: 4 });
    for (const v of t2.verdicts)
      if (!v.match) {
        expect(v.level, `${v.entity} ${v.type}`).toBe("not computable");
        expect(v.missing!.every((m) => m.input.en.length > 0 && m.howTo.en.length > 0)).toBe(true);
      }
    for (const c of t2.conclusions)
      if (!c.match) {
        expect(c.complete).toBe(false);
        expect(c.text.en).toMatch(/^not computable: /);
      }
    // Nothing found while cells are open is never read as "no mismatch".
    const ecb = t2.conclusions.find((c) => c.entity === "ecb")!;
    expect(ecb.text.en).toMatch(/found so far: none yet$/);
    for (const v of t2.verdicts) if (v.level === "not considered") expect(v.match, v.entity).toBe(true);
  });

  it("Fed currency: no public copy of the 2013 foreign-currency line is bundled, so the cell names H.4.1's line, FRED WFCDA and the fetch", async () => {
    const t2 = await loadComparison(bundled, ["fed"], "2013-12");
    const v = t2.verdicts.find((x) => x.type === "currency")!;
    expect(v.level).toBe("not computable");
    expect(v.missing![0]!.input.en).toContain(
      'published as H.4.1 line "Foreign currency denominated assets" (FRED WFCDA, Wednesday level, millions of USD)',
    );
    expect(v.missing![0]!.howTo.en).toMatch(/^bslab fetch fred WFCDA /);
    expect(v.missing![0]!.howTo.zh).toMatch(/^bslab fetch fred WFCDA（/);
    const fx = t2.indicators.find((c) => c.id === "cb.fx_assets_share")!;
    expect(fx.value).toBeNull();
    expect(fx.noteText.en).toContain("bslab fetch fred WFCDA");
  });

  it("Fed currency and deposits are proxies, named with their gap to the study's Federal Reserve notes 29.6% and deposits 65.0%", async () => {
    const t2 = await loadComparison(bundled, ["fed"], "2013-12");
    const cell = (id: string) => t2.indicators.find((c) => c.id === id)!;
    const cur = cell("cb.currency_issued_share");
    expect(cur.match).toBe(false);
    expect(cur.gap!.lines.join(" ")).toMatch(/^currency_in_circulation@.*CURRCIR/);
    expect(cur.noteText.en).toContain("overstates Federal Reserve notes");
    const dep = cell("cb.financial_deposits_share");
    expect(dep.match).toBe(false);
    expect(dep.gap!.lines.join(" ")).toMatch(/^reserve_balances@.*WRESBAL/);
    expect(dep.noteText.en).toContain("the study's item is all deposits of depository institutions");
  });

  it("a partial sheet's note is said once per cell", async () => {
    const t2 = await loadComparison(bundled, ["fed"], "2013-12");
    const partial = t2.banks[0]!.partial!;
    expect(partial).toContain("FRED totals only");
    for (const c of t2.indicators) {
      expect(c.noteText.en.split(partial).length - 1, c.id).toBe(1);
      expect(c.note).toBe(c.noteText.en);
    }
  });
});

describe("Table 2 with the BoJ and Eurosystem statements of end-2013 imported", () => {
  it("the BoJ's and the ECB's 3 cells and conclusion each equal the study's", async () => {
    const t2 = await loadComparison(store, ["boj", "ecb"], "2013-12");
    for (const v of t2.verdicts) {
      expect(v.study, `${v.entity} ${v.type}`).toEqual(STUDY_VERDICTS[v.entity]![v.type]);
      expect(v.match, `${v.entity} ${v.type}: ${v.text.en}`).toBe(true);
    }
    for (const c of t2.conclusions) expect(c.match, c.entity).toBe(true);
    expect(t2.conclusions.find((c) => c.entity === "boj")!.study).toEqual(STUDY_CONCLUSIONS.boj);
    expect(t2.score).toEqual({ cells: 6, cellsOf: 6, conclusions: 2, conclusionsOf: 2 });
    // The figures behind them at the study's printed precision.
    for (const c of t2.indicators.filter((x) => x.study)) expect(c.match, `${c.entity} ${c.id}`).toBe(true);
  });

  it("all four banks: each of the 12 cells and 4 conclusions equals the study's or names its missing input", async () => {
    const t2 = await loadComparison(store, ["pboc", "fed", "boj", "ecb"], "2013-12");
    expect(t2.verdicts).toHaveLength(12);
    for (const v of t2.verdicts)
      if (!v.match) {
        expect(v.level).toBe("not computable");
        expect(v.missing!.every((m) => m.input.en.length > 0 && m.howTo.en.length > 0)).toBe(true);
      }
    for (const c of t2.conclusions) if (!c.match) expect(c.complete).toBe(false);
    // The one cell left is the Fed's currency: its 2013 FX line has no public copy to bundle.
    expect(t2.score).toEqual({ cells: 11, cellsOf: 12, conclusions: 3, conclusionsOf: 4 });
    expect(t2.verdicts.filter((v) => !v.match).map((v) => [v.entity, v.type, v.level])).toEqual([
      ["fed", "currency", "not computable"],
    ]);
  });

  it("PBoC maturity: no maturity split, so the study's country rule: 676.6 / 3,821.3 bn USD = 17.7% < 1 is negligible", async () => {
    const input = await resolveInput(store, "pboc", "2013-12");
    const results = computeAll(indicatorsForInput(input), input);
    // SAFE, end-2013: short-term external debt 6,766 and FX reserves 38,213 (USD 100 million).
    const a = assess(results, { countryMaturity: { value: 6766 / 38213, year: "2013", source: "SAFE" } });
    const m = a.verdicts.find((v) => v.type === "maturity")!;
    expect(m.level).toBe("not considered");
    expect(m.reasons[0]!.en).toContain("17.7%");
    expect(a.complete).toBe(true);
    expect(a.verdicts.map((v) => [v.level, v.direction ?? null])).toEqual(
      Object.values(STUDY_VERDICTS.pboc!).map((s) => [s.level, s.direction ?? null]),
    );
    const without = assess(results).verdicts.find((v) => v.type === "maturity")!;
    expect(without.level).toBe("not computable");
    expect(without.missing!.map((x) => x.input.en).join(" ")).toMatch(/short-term external debt/);
  });

  it("a bank without a sheet in the period is computed at the nearest date within a year, and says so", async () => {
    const t2 = await loadComparison(store, ["boj"], "2013-11");
    expect(t2.banks[0]).toMatchObject({ date: "2013-12-31" });
    expect(t2.banks[0]!.dateNote).toBe(
      "no sheet in 2013-11: computed at 2013-12-31, the nearest bundled date",
    );
  });

  it("with the Fed's foreign-currency line fetched as well (a FRED CSV of the study's 23.8 bn): 12/12 cells, 4/4 conclusions", async () => {
    await storeFetch(store, {
      source: fetchSource("fred"),
      args: ["WFCDA"],
      url: "https://fred.stlouisfed.org/graph/fredgraph.csv?id=WFCDA",
      file: "fred-WFCDA.csv",
      retrievedAt: "2099-01-02T00:00:00Z",
      text: readFileSync(FED_FX_FIXTURE, "utf8"),
    });
    const t2 = await loadComparison(store, ["pboc", "fed", "boj", "ecb"], "2013-12");
    expect(t2.score).toEqual({ cells: 12, cellsOf: 12, conclusions: 4, conclusionsOf: 4 });
    const fed = t2.verdicts.find((v) => v.entity === "fed" && v.type === "currency")!;
    // 23,800 / 4,032,575 = 0.59% of total assets: under 1%, negligible by the study's rule.
    expect(fed.level).toBe("not considered");
    expect(fed.reasons[0]!.en).toBe("FX assets 0.6% of total assets");
    // Filed under the Fed in millions of USD, as the year-end sheet: 23,800 / 4,032,575.
    const fx = t2.indicators.find((c) => c.entity === "fed" && c.id === "cb.fx_assets_share")!;
    expect(fx.value).toBeCloseTo(23_800 / 4_032_575, 12);
  });
});
