/**
 * The recession monitor's bundled datasets as store Series (ids in DBnomics' `provider/dataset/code`
 * form) and back. Used by the bundled-dataset loader (`src/ingest/bundled/recession.ts`) and by the
 * monitor when it reads its inputs from a store.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { type Series, vintageKey } from "../../model/series.ts";
import { type BisFile, type BisSeries, parseBisWideCsv } from "./bis-wide-csv.ts";
import { diskCached } from "./common.ts";
import { parseJst } from "./jst.ts";
import { type LvCrisis, parseLaevenValencia } from "./laeven-valencia.ts";
import { parseNikkei } from "./nikkei.ts";
import { type PfmhYear, parsePfmh } from "./pfmh.ts";
import { parseReinhartRogoff, type RrYear } from "./reinhart-rogoff.ts";
import { parseSectoralBalances } from "./sectoral-balances.ts";
import { parseShiller } from "./shiller.ts";

/** Folders (under data/) and files of the recession monitor's datasets. */
export const RECESSION_FILES = {
  bis: { folder: "bis-credit-property-cpi", file: (f: BisFile) => `${f}_csv_col.csv` },
  jst: { folder: "jst-macrohistory-r6", file: "JSTdatasetR6.csv" },
  shiller: { folder: "shiller-us-market-and-housing", file: "ie_data_monthly_extract.csv" },
  nikkei: { folder: "nikkei225-daily", file: "N225.csv" },
  sectors: { folder: "sectoral-financial-balances", file: "sectors.data.csv" },
  lv: { folder: "laeven-valencia-2026", file: "SYSTEMIC_BANKING_CRISES_DATABASE_2026.xlsx" },
  rr: { folder: "reinhart-rogoff-global-crises", file: "20160923_global_crisis_data.xlsx" },
  pfmh: { folder: "imf-public-finances-modern-history", file: "PFMH.xlsx" },
} as const;

const text = (dir: string, folder: string, file: string) => readFileSync(join(dir, folder, file), "utf8");

/** `BIS/WS_TC/Q:JP:P:A:M:XDC:A` (csv_col key) -> `BIS/WS_TC/Q.JP.P.A.M.XDC.A` (DBnomics/SDMX form). */
export const bisStoreId = (id: string): string => {
  const i = id.indexOf("/", id.indexOf("/") + 1);
  return id.slice(0, i + 1) + id.slice(i + 1).replace(/:/g, ".");
};

/** Store id (dotted) or csv_col id (colons) -> the csv_col id the monitor's filters use. */
export const bisReaderId = (id: string): string => {
  const i = id.indexOf("/", id.indexOf("/") + 1);
  return id.slice(0, i + 1) + id.slice(i + 1).replace(/\./g, ":");
};

/**
 * A BIS file of `dir` as store series, optionally only some of them (`keep`). Stored under the
 * vintage `2026 (last quarter 2025-Q4)` (the parser's label without its "BIS download of " prefix):
 * vintages order as text, and an imported download's ISO date (`2026-05-01`) must sort after it.
 */
export function bisSeries(
  dir: string,
  file: BisFile,
  dataset: string,
  keep: (s: BisSeries) => boolean = () => true,
): Series[] {
  const name = RECESSION_FILES.bis.file(file);
  return parseBisWideCsv(text(dir, RECESSION_FILES.bis.folder, name), name)
    .filter(keep)
    .map(({ dims: _dims, ...s }) => ({
      ...s,
      id: bisStoreId(s.id),
      dataset,
      vintage: vintageKey(s.vintage),
    }));
}

/** JST R6 as `JST/R6/<ISO3>.<variable>` annual series. */
export function jstSeries(dir: string, dataset: string): Series[] {
  const { folder, file } = RECESSION_FILES.jst;
  return parseJst(text(dir, folder, file), file).map((s) => ({ ...s, dataset }));
}

export function shillerSeries(dir: string, dataset: string): Series[] {
  const { folder, file } = RECESSION_FILES.shiller;
  return parseShiller(text(dir, folder, file), file).map((s) => ({ ...s, dataset }));
}

export function nikkeiSeries(dir: string, dataset: string): Series[] {
  const { folder, file } = RECESSION_FILES.nikkei;
  return parseNikkei(text(dir, folder, file), file).map((s) => ({ ...s, dataset }));
}

export function sectoralSeries(dir: string, dataset: string): Series[] {
  const { folder, file } = RECESSION_FILES.sectors;
  return parseSectoralBalances(text(dir, folder, file), file).map((s) => ({ ...s, dataset }));
}

// The xlsx files go through the same JSON disk cache as the monitor's loaders.
const xlsx = <T>(
  dir: string,
  key: keyof typeof RECESSION_FILES,
  tag: string,
  parse: (b: Buffer, f: string) => T,
): T => {
  const { folder, file } = RECESSION_FILES[key] as { folder: string; file: string };
  const path = join(dir, folder, file);
  return diskCached(path, tag, () => parse(readFileSync(path), file));
};

/** Annual series of `byKey` rows: one per key and variable, dated by year; null values dropped. */
function annual<R>(
  rows: readonly R[],
  meta: { prefix: string; dataset: string; file: string; vintage: string },
  key: (r: R) => string,
  entity: (r: R) => string,
  year: (r: R) => number,
  vars: Record<string, { name: string; unit: string; get: (r: R) => number | null }>,
): Series[] {
  const out = new Map<string, Series>();
  const seen = new Set<string>();
  for (const r of rows)
    for (const [v, def] of Object.entries(vars)) {
      const value = def.get(r);
      if (value === null || !Number.isFinite(value)) continue;
      const id = `${meta.prefix}/${key(r)}.${v}`;
      // A repeated key-year keeps its first row (the store holds one value per date).
      if (seen.has(`${id}|${year(r)}`)) continue;
      seen.add(`${id}|${year(r)}`);
      let s = out.get(id);
      if (!s)
        out.set(
          id,
          (s = {
            id,
            entity: entity(r),
            name: def.name,
            frequency: "A",
            unit: def.unit,
            scale: 0,
            dataset: meta.dataset,
            file: meta.file,
            vintage: meta.vintage,
            observations: [],
          }),
        );
      s.observations.push({ date: String(year(r)), value });
    }
  return [...out.values()];
}

/** Code of a Laeven-Valencia country name in a series id (`United States` -> `United_States`). */
export const lvCode = (country: string): string => country.replace(/[^A-Za-z0-9]+/g, "_");

const LV_VARS = {
  start: { name: "systemic banking crisis start (1 = an episode starts)", unit: "0/1" },
  end: { name: "end year of the episode starting this year", unit: "year" },
  output_loss: { name: "output loss of the episode, % of trend GDP", unit: "% of GDP" },
  fiscal_cost: { name: "gross fiscal cost of the episode, % of GDP", unit: "% of GDP" },
  peak_npl: { name: "peak NPLs of the episode, % of total loans", unit: "% of loans" },
  public_debt_increase: { name: "increase in public debt of the episode, % of GDP", unit: "% of GDP" },
} as const;

/** Laeven-Valencia episodes as `LV/SBC2026/<Country>.<variable>` series dated by the start year. */
export function lvToSeries(crises: readonly LvCrisis[], dataset: string, vintage: string): Series[] {
  const get: Record<keyof typeof LV_VARS, (c: LvCrisis) => number | null> = {
    start: () => 1,
    end: (c) => c.end,
    output_loss: (c) => c.outputLoss,
    fiscal_cost: (c) => c.fiscalCostGross,
    peak_npl: (c) => c.peakNpl,
    public_debt_increase: (c) => c.publicDebtIncrease,
  };
  const vars = Object.fromEntries(
    Object.entries(LV_VARS).map(([k, d]) => [k, { ...d, get: get[k as keyof typeof LV_VARS] }]),
  );
  return annual(
    crises,
    { prefix: "LV/SBC2026", dataset, file: RECESSION_FILES.lv.file, vintage },
    (c) => lvCode(c.country),
    (c) => c.country,
    (c) => c.start,
    vars,
  );
}

/** Episodes back from {@link lvToSeries} output (footnote notes are not stored). */
export function lvFromSeries(list: readonly Series[]): LvCrisis[] {
  const byCountry = new Map<string, Map<string, Map<string, number>>>();
  for (const s of list) {
    const m = /^LV\/SBC2026\/(.+)\.([a-z_]+)$/.exec(s.id);
    if (!m) continue;
    const c = byCountry.get(s.entity) ?? new Map<string, Map<string, number>>();
    byCountry.set(s.entity, c);
    c.set(m[2]!, new Map(s.observations.map((o) => [o.date, o.value])));
  }
  const out: LvCrisis[] = [];
  for (const [country, vars] of byCountry)
    for (const date of vars.get("start")?.keys() ?? []) {
      const v = (k: string) => vars.get(k)?.get(date) ?? null;
      out.push({
        country,
        start: Number(date),
        end: v("end"),
        outputLoss: v("output_loss"),
        fiscalCostGross: v("fiscal_cost"),
        peakNpl: v("peak_npl"),
        publicDebtIncrease: v("public_debt_increase"),
        notes: [],
      });
    }
  return out.sort((a, b) => a.country.localeCompare(b.country) || a.start - b.start);
}

export function lvSeries(dir: string, dataset: string, vintage: string): Series[] {
  return lvToSeries(xlsx(dir, "lv", "lv2026", parseLaevenValencia), dataset, vintage);
}

/** Reinhart-Rogoff country-years as `RR/GCD2016/<CC3>.<variable>` annual series. */
export function rrToSeries(rows: readonly RrYear[], dataset: string, vintage: string): Series[] {
  return annual(
    rows.filter((r) => r.cc3 !== ""),
    { prefix: "RR/GCD2016", dataset, file: RECESSION_FILES.rr.file, vintage },
    (r) => r.cc3,
    (r) => r.cc3,
    (r) => r.year,
    {
      banking_crisis: { name: "banking crisis (0/1)", unit: "0/1", get: (r) => r.bankingCrisis },
      systemic_crisis: { name: "systemic crisis (0/1)", unit: "0/1", get: (r) => r.systemicCrisis },
      inflation: { name: "annual CPI inflation", unit: "%", get: (r) => r.inflation },
    },
  );
}

export function rrSeries(dir: string, dataset: string, vintage: string): Series[] {
  return rrToSeries(xlsx(dir, "rr", "rr2016", parseReinhartRogoff), dataset, vintage);
}

/** PFMH country-years as `IMF/PFMH/<ISO3>.<variable>` (pb, d, rgc: what the monitor uses). */
export function pfmhToSeries(rows: readonly PfmhYear[], dataset: string, vintage: string): Series[] {
  return annual(
    rows.filter((r) => r.iso3 !== ""),
    { prefix: "IMF/PFMH", dataset, file: RECESSION_FILES.pfmh.file, vintage },
    (r) => r.iso3,
    (r) => r.iso3,
    (r) => r.year,
    {
      pb: { name: "general government primary balance", unit: "% of GDP", get: (r) => r.primaryBalance },
      d: { name: "general government gross debt", unit: "% of GDP", get: (r) => r.debt },
      rgc: { name: "real GDP growth", unit: "%", get: (r) => r.realGrowth },
    },
  );
}

export function pfmhSeries(dir: string, dataset: string, vintage: string): Series[] {
  return pfmhToSeries(xlsx(dir, "pfmh", "pfmh-v2", parsePfmh), dataset, vintage);
}

/** The JST R6 variables the store holds (the recession monitor's; see `src/ingest/bundled/recession.ts`). */
export const RECESSION_STORE_JST_VARS = [
  "gdp",
  "rgdpbarro",
  "cpi",
  "stir",
  "ltrate",
  "hpnom",
  "tloans",
  "thh",
  "tbus",
  "eq_capgain",
  "crisisJST",
  // Unemployment (labour-market slack of the stage rules) and population (total real GDP).
  "unemp",
  "pop",
] as const;

/**
 * Preference among sectoral-balance sources of the same country, frequency and sector (lower
 * first): the file lists OECD before Eurostat, and the monitor keeps that choice whatever the order
 * the series come in.
 */
export const sectoralRank = (id: string): number => (/_eurostat\./.test(id) ? 1 : 0);

// Re-exported for the monitor, which imports its source helpers from here.
export { vintageKey } from "../../model/series.ts";
