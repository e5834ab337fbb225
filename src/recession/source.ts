/**
 * Where the monitor's inputs come from: the bundled files in `data/` (library use without a store,
 * tests) or a bslab store (the CLI and the server), whose latest vintage of each series wins, so a
 * newer BIS download imported with `bslab import` is used by the credit gap and the diagnosis.
 *
 * Both sources produce the same {@link CountryRaw} / {@link PanelRaw}, which the engine assembles in
 * one place ({@link assembleCountry} in country-data.ts), so the two paths cannot drift apart.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";

import { parseCsv } from "../io/csv/parse-csv.ts";
import { type BisFile, loadBisWide, parseBisWideCsv } from "../io/sources/bis-wide-csv.ts";
import { datasetPath, ifInstalled, MissingDatasetError, memoize } from "../io/sources/common.ts";
import { type JstRow, loadJstRows } from "../io/sources/jst.ts";
import { type LvCrisis, loadLaevenValencia } from "../io/sources/laeven-valencia.ts";
import { loadNikkei } from "../io/sources/nikkei.ts";
import { loadPfmh, type PfmhYear } from "../io/sources/pfmh.ts";
import {
  bisReaderId,
  bisStoreId,
  lvCode,
  lvFromSeries,
  RECESSION_FILES,
  RECESSION_STORE_JST_VARS,
  sectoralRank,
  vintageKey,
} from "../io/sources/recession-series.ts";
import { loadReinhartRogoff, type RrYear } from "../io/sources/reinhart-rogoff.ts";
import { loadSectoralBalances } from "../io/sources/sectoral-balances.ts";
import { loadShiller } from "../io/sources/shiller.ts";
import type { Observation, Series } from "../model/series.ts";
import { RECESSION_BUNDLED } from "../ingest/bundled/recession.ts";
import { loadLatestSeries } from "../store/series.ts";
import type { Store } from "../store/store.ts";
import { countries, type CountryInfo } from "./countries.ts";

/** Dataset folders of `data/` the monitor reads (the ids "not installed" notes name). */
export const DATASET_IDS = {
  jst: "jst-macrohistory-r6",
  bis: "bis-credit-property-cpi",
  shiller: "shiller-us-market-and-housing",
  nikkei: "nikkei225-daily",
  sectors: "sectoral-financial-balances",
  pfmh: "imf-public-finances-modern-history",
  lv: "laeven-valencia-2026",
  rr: "reinhart-rogoff-global-crises",
  dsr: "bis-debt-service-ratios",
} as const;

/**
 * Where a series the monitor read comes from: the same for the bundled data whether it is read
 * from `data/` or from its copy in a store, so both readers report the same provenance.
 */
export interface SeriesOrigin {
  /** Series id in DBnomics form as read, e.g. `BIS/WS_CREDIT_GAP/Q.JP.P.A.A`. */
  id: string;
  /** Vintage: `2026 (last quarter 2025-Q4)` for the bundled BIS download, else the import's. */
  vintage: string;
  /** bslab dataset id as `bslab datasets` lists it: `bis-ws-credit-gap` (bundled), `import:<file>`. */
  dataset: string;
  /** File the values came from: `data/<folder>/<file>` for bundled data, the imported file's name. */
  file: string;
  /** Whether this is the bundled download (the files in data/ or their copy in the store). */
  bundled: boolean;
}

/** A series' origin with its row in the file, where the data has it. */
export interface SeriesSource extends SeriesOrigin {
  /**
   * 1-based row of the series in `file` (header = row 1; the bundled csv_col files hold one series
   * per row, each observation in the column of its date). null where it is not known: an import
   * (the store keeps the file's name, not its rows) or a bundled file no longer in data/.
   */
  row: number | null;
}

/** A BIS series the monitor uses, with the vintage and origin it was read from. */
export interface BisInput {
  observations: Observation[];
  vintage: string;
  source: SeriesOrigin;
}

/** The BIS series of one country, by role (absent = not published for the country). */
export interface CountryBis {
  /** WS_CREDIT_GAP `Q:<cc>:P:A:A`: credit to the private non-financial sector, % of GDP (unrounded). */
  creditRatio?: BisInput;
  /** WS_CREDIT_GAP `Q:<cc>:P:A:C`: the gap the BIS publishes. */
  publishedGap?: BisInput;
  /** WS_TC `Q:<cc>:P:A:M:770:A`: the same ratio rounded to 0.1, used when its vintage is newer. */
  tcRatio?: BisInput;
  /** WS_TC `Q:<cc>:P:A:M:XDC:A`: private credit in national currency. */
  privateCreditXdc?: BisInput;
  /** WS_TC `Q:<cc>:H:A:M:770:A`: household credit, % of GDP (evaluation). */
  householdRatio?: BisInput;
  /** WS_SPP `Q:<cc>:N:628` and `Q:<cc>:R:628`: nominal and real residential property prices. */
  sppNominal?: BisInput;
  sppReal?: BisInput;
  /** WS_LONG_CPI `A:<cc>:771` (inflation, % y/y) and `A:<cc>:628` (index). */
  cpiInflation?: BisInput;
  cpiIndex?: BisInput;
}

type BisRole = keyof CountryBis;

/** The csv_col key (colons) of each role for a country. */
export function bisKeys(iso2: string): Record<BisRole, string> {
  return {
    creditRatio: `BIS/WS_CREDIT_GAP/Q:${iso2}:P:A:A`,
    publishedGap: `BIS/WS_CREDIT_GAP/Q:${iso2}:P:A:C`,
    tcRatio: `BIS/WS_TC/Q:${iso2}:P:A:M:770:A`,
    privateCreditXdc: `BIS/WS_TC/Q:${iso2}:P:A:M:XDC:A`,
    householdRatio: `BIS/WS_TC/Q:${iso2}:H:A:M:770:A`,
    sppNominal: `BIS/WS_SPP/Q:${iso2}:N:628`,
    sppReal: `BIS/WS_SPP/Q:${iso2}:R:628`,
    cpiInflation: `BIS/WS_LONG_CPI/A:${iso2}:771`,
    cpiIndex: `BIS/WS_LONG_CPI/A:${iso2}:628`,
  };
}

/**
 * Everything one country's diagnosis reads, as the source delivered it. A dataset that is not
 * available is `undefined` and named in `missing`.
 */
export interface CountryRaw {
  country: CountryInfo;
  /** JST R6 country-years (JST countries only), sorted by year. */
  jst?: JstRow[];
  bis?: CountryBis;
  /** Shiller monthly series (US only): `sp_comp_price`, `cape`, `cpi`. */
  shiller?: Series[];
  /** Nikkei 225 daily closes (JP only). */
  nikkei?: Observation[];
  /** Sectoral balances of the country, preferred source first. */
  sectors?: Series[];
  pfmh?: PfmhYear[];
  lv?: LvCrisis[];
  rr?: RrYear[];
  /** Dataset ids (folders of data/) that are not available. */
  missing: string[];
}

/** What the evaluation reads across countries. */
export interface PanelRaw {
  /** Per BIS country (in {@link countries} order; aggregates such as the euro area left out): ratio, real property prices, household ratio. */
  bis?: { country: CountryInfo; bis: CountryBis }[];
  lv?: LvCrisis[];
  /** JST R6 rows (tloans, gdp, hpnom, cpi, crisisJST needed), sorted by country and year. */
  jst?: JstRow[];
  /** BIS debt service ratio of the private non-financial sector (`Q:<cc>:P`, % of income), per economy. */
  dsr?: DsrSeries[];
  missing: string[];
}

/** One economy's private-sector debt service ratio. */
export interface DsrSeries {
  iso2: string;
  vintage: string;
  observations: readonly Observation[];
}

/** A provider of the monitor's inputs. */
export interface RecessionSource {
  /** `files` (data/) or `store:<path>`. */
  readonly name: string;
  country(country: CountryInfo): Promise<CountryRaw>;
  /** Only the country's BIS series (what the credit gap needs); undefined when BIS is not available. */
  bis(country: CountryInfo): Promise<CountryBis | undefined>;
  panel(): Promise<PanelRaw>;
}

// ---------------------------------------------------------------------------------------------
// Files (data/)

const BIS_FILE_OF: Record<BisRole, BisFile> = {
  creditRatio: "WS_CREDIT_GAP",
  publishedGap: "WS_CREDIT_GAP",
  tcRatio: "WS_TC",
  privateCreditXdc: "WS_TC",
  householdRatio: "WS_TC",
  sppNominal: "WS_SPP",
  sppReal: "WS_SPP",
  cpiInflation: "WS_LONG_CPI",
  cpiIndex: "WS_LONG_CPI",
};

function bisIndex(file: BisFile): Map<string, { observations: Observation[]; vintage: string }> {
  return memoize(`bis-index:${file}`, () => new Map(loadBisWide(file).map((s) => [s.id, s])));
}

// Bundled datasets (store ids) by file (`bis-credit-property-cpi/WS_TC_csv_col.csv`) and by id.
const BUNDLED_BY_FILE = new Map(RECESSION_BUNDLED.flatMap((d) => d.files.map((f) => [f, d.id] as const)));
const BUNDLED_FILES = new Map(RECESSION_BUNDLED.map((d) => [d.id, d.files] as const));

/** The origin of a series of a bundled BIS file (`key`: csv_col id `BIS/WS_TC/Q:JP:...`). */
function bundledOrigin(key: string, file: BisFile, vintage: string): SeriesOrigin {
  const rel = `${RECESSION_FILES.bis.folder}/${RECESSION_FILES.bis.file(file)}`;
  return {
    id: bisStoreId(key),
    vintage: vintageKey(vintage),
    dataset: BUNDLED_BY_FILE.get(rel) ?? DATASET_IDS.bis,
    file: `data/${rel}`,
    bundled: true,
  };
}

/**
 * The origin of a stored series: a bundled dataset's series cite its file in data/ (as
 * {@link bundledOrigin} does), anything else (an import) the dataset and file the store records.
 */
function storeOrigin(s: Series): SeriesOrigin {
  const files = BUNDLED_FILES.get(s.dataset);
  const vintage = vintageKey(s.vintage);
  if (files) {
    const rel = files.find((f) => basename(f) === s.file) ?? files[0]!;
    return { id: s.id, vintage, dataset: s.dataset, file: `data/${rel}`, bundled: true };
  }
  return { id: s.id, vintage, dataset: s.dataset, file: s.file, bundled: false };
}

// Row (1-based, header = 1) of each series key (`Q:JP:P:A:A`) in a bundled BIS csv_col file.
function bundledRows(fileName: string): Map<string, number> {
  return memoize(`bis-rows:${fileName}`, () => {
    const folder = RECESSION_FILES.bis.folder;
    const rows = parseCsv(readFileSync(datasetPath(folder, fileName), "utf8"), { fileName });
    const keyCol = rows[0]?.findIndex((h) => h.trim() === "Series") ?? -1;
    const out = new Map<string, number>();
    if (keyCol < 0) return out;
    for (let r = 1; r < rows.length; r++) {
      const key = rows[r]![keyCol]?.trim();
      if (key && !out.has(key)) out.set(key, r + 1);
    }
    return out;
  });
}

/**
 * A series' origin with its row in the file: found in the bundled csv_col file for bundled data
 * (read once per process, only when asked, so the diagnosis and evaluation do not pay for it);
 * null for an import, or when the bundled file is gone.
 * @example locateSeries(creditGapRatioOrigin).row // 2 (JP's Q:JP:P:A:A in WS_CREDIT_GAP_csv_col.csv)
 */
export function locateSeries(origin: SeriesOrigin): SeriesSource {
  let row: number | null = null;
  if (origin.bundled) {
    const id = bisReaderId(origin.id);
    const key = id.slice(id.indexOf("/", id.indexOf("/") + 1) + 1);
    try {
      row = bundledRows(basename(origin.file)).get(key) ?? null;
    } catch (error) {
      if (!(error instanceof MissingDatasetError)) throw error;
    }
  }
  return { ...origin, row };
}

/** The country's BIS series from the bundled files (throws MissingDatasetError without them). */
export function bisFromFiles(iso2: string): CountryBis {
  const keys = bisKeys(iso2);
  const out: CountryBis = {};
  for (const role of Object.keys(keys) as BisRole[]) {
    const s = bisIndex(BIS_FILE_OF[role]).get(keys[role]);
    if (s)
      out[role] = {
        observations: s.observations,
        vintage: s.vintage,
        source: bundledOrigin(keys[role], BIS_FILE_OF[role], s.vintage),
      };
  }
  return out;
}

const sortSectors = (list: Series[]) =>
  [...list].sort((a, b) => sectoralRank(a.id) - sectoralRank(b.id) || a.id.localeCompare(b.id));

/** The country's inputs from the bundled files (synchronous; cached per process by the loaders). */
export function countryFromFiles(country: CountryInfo): CountryRaw {
  const missing = new Set<string>();
  const opt = <T>(load: () => T): T | undefined => ifInstalled(load, (d) => missing.add(d));
  const raw: CountryRaw = { country, missing: [] };
  if (country.jst) raw.jst = opt(loadJstRows)?.filter((r) => r.iso === country.iso3);
  raw.bis = opt(() => bisFromFiles(country.iso2));
  if (country.iso2 === "US") raw.shiller = opt(loadShiller);
  if (country.iso2 === "JP") raw.nikkei = opt(loadNikkei)?.observations;
  raw.sectors = opt(() => sortSectors(loadSectoralBalances().filter((s) => s.entity === country.iso2)));
  raw.pfmh = opt(loadPfmh)?.filter((r) => r.iso3 === country.iso3);
  raw.lv = opt(loadLaevenValencia)?.filter((c) => c.country === country.lvName);
  raw.rr = opt(loadReinhartRogoff)?.filter((r) => r.cc3 === country.iso3);
  raw.missing = [...missing];
  return raw;
}

// The evaluation's countries: those with an ISO3 code (aggregates such as the euro area would count
// their members twice).
const panelCountries = () => countries().filter((c) => c.iso3 !== "");

/** The evaluation's inputs from the bundled files; a missing dataset is left undefined. */
export function panelFromFiles(): PanelRaw {
  const missing = new Set<string>();
  const opt = <T>(load: () => T): T | undefined => {
    try {
      return load();
    } catch (error) {
      if (!(error instanceof MissingDatasetError)) throw error;
      missing.add(error.dataset);
      return undefined;
    }
  };
  return {
    lv: opt(loadLaevenValencia),
    bis: opt(() => panelCountries().map((c) => ({ country: c, bis: bisFromFiles(c.iso2) }))),
    jst: opt(loadJstRows),
    dsr: opt(dsrFromFiles),
    missing: [...missing],
  };
}

const DSR_FILE = "WEBSTATS_DSR_DATAFLOW_csv_col.csv";

// The bundled DSR file (csv_col, 2019): private non-financial sector rows `Q:<cc>:P`.
function dsrFromFiles(): DsrSeries[] {
  return memoize("dsr:files", () => {
    const path = datasetPath(DATASET_IDS.dsr, DSR_FILE);
    return parseBisWideCsv(readFileSync(path, "utf8"), `data/${DATASET_IDS.dsr}/${DSR_FILE}`)
      .filter((x) => /:P$/.test(x.id))
      .map((x) => ({ iso2: x.id.split(":").at(-2)!, vintage: "2019", observations: x.observations }));
  });
}

// The store's DSR series (`BIS/WS_DSR/Q.<cc>.P`, the bundled copy or a newer download), latest vintage.
function dsrFromSeries(list: readonly Series[]): DsrSeries[] {
  const out = new Map<string, Series>();
  for (const x of list) {
    const m = /^BIS\/WS_DSR\/Q[.:]([A-Z0-9]{2})[.:]P$/.exec(x.id);
    if (!m) continue;
    const have = out.get(m[1]!);
    if (!have || vintageKey(x.vintage) > vintageKey(have.vintage)) out.set(m[1]!, x);
  }
  return [...out]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([iso2, x]) => ({ iso2, vintage: x.vintage, observations: x.observations }));
}

/** The bundled files in `data/` (or `BSLAB_DATA_DIR`). */
export const fileSource: RecessionSource = {
  name: "files",
  country: (c) => Promise.resolve(countryFromFiles(c)),
  bis: (c) => Promise.resolve(bisFromFiles(c.iso2)),
  panel: () => Promise.resolve(panelFromFiles()),
};

// ---------------------------------------------------------------------------------------------
// Store

/** Which providers (id prefixes) a store holds at all: a dataset with no series is "not installed". */
async function providers(store: Store): Promise<Set<string>> {
  const rows = await store.all<{ p: string }>(
    "select distinct split_part(id, '/', 1) || '/' || split_part(id, '/', 2) as p from series",
  );
  return new Set(rows.map((r) => r.p));
}

const PROVIDER_OF: Record<keyof typeof DATASET_IDS, string[]> = {
  jst: ["JST/R6"],
  bis: ["BIS/WS_CREDIT_GAP", "BIS/WS_TC", "BIS/WS_SPP", "BIS/WS_LONG_CPI"],
  shiller: ["SHILLER/ie_data"],
  nikkei: ["NIKKEI/N225"],
  sectors: ["ANGRICK/sectors"],
  pfmh: ["IMF/PFMH"],
  lv: ["LV/SBC2026"],
  rr: ["RR/GCD2016"],
  dsr: ["BIS/WS_DSR"],
};

function installed(have: Set<string>, key: keyof typeof DATASET_IDS): boolean {
  return PROVIDER_OF[key].some((p) => have.has(p));
}

// BIS series may be stored dotted (bundled, SDMX import) or with colons (csv_col import): both ids
// are asked for and the latest vintage of either wins.
function bisFromSeries(iso2: string, byKey: Map<string, Series>): CountryBis {
  const keys = bisKeys(iso2);
  const out: CountryBis = {};
  for (const role of Object.keys(keys) as BisRole[]) {
    const s = byKey.get(keys[role]);
    if (s) out[role] = { observations: s.observations, vintage: s.vintage, source: storeOrigin(s) };
  }
  return out;
}

function latestByReaderKey(list: readonly Series[]): Map<string, Series> {
  const out = new Map<string, Series>();
  for (const s of list) {
    const key = bisReaderId(s.id);
    const have = out.get(key);
    if (!have || vintageKey(s.vintage) > vintageKey(have.vintage)) out.set(key, s);
  }
  return out;
}

const bisIds = (iso2: string, roles?: readonly BisRole[]) =>
  Object.entries(bisKeys(iso2))
    .filter(([role]) => !roles || roles.includes(role as BisRole))
    .flatMap(([, k]) => [k, bisStoreId(k)]);

/** JST series (`JST/R6/<ISO3>.<var>`) back to rows: one per year from the first to the last stored. */
function jstRows(list: readonly Series[], countries: readonly CountryInfo[]): JstRow[] {
  const out: JstRow[] = [];
  for (const c of countries) {
    const mine = list.filter((s) => s.id.startsWith(`JST/R6/${c.iso3}.`));
    if (mine.length === 0) continue;
    const byYear = new Map<number, Record<string, number | null>>();
    for (const s of mine) {
      const v = s.id.slice(`JST/R6/${c.iso3}.`.length);
      for (const o of s.observations) {
        const y = Number(o.date);
        let r = byYear.get(y);
        if (!r) byYear.set(y, (r = {}));
        r[v] = o.value;
      }
    }
    const years = [...byYear.keys()];
    const first = Math.min(...years);
    const last = Math.max(...years);
    // The file has a row for every year (values null where missing); the store drops nulls.
    for (let y = first; y <= last; y++) {
      const values: Record<string, number | null> = {};
      for (const v of RECESSION_STORE_JST_VARS) values[v] = byYear.get(y)?.[v] ?? null;
      out.push({ iso: c.iso3, country: c.name, year: y, values });
    }
  }
  return out;
}

function annualRows<R>(
  list: readonly Series[],
  prefix: string,
  make: (year: number, v: (name: string) => number | null) => R,
): R[] {
  const vars = new Map<string, Map<number, number>>();
  for (const s of list)
    if (s.id.startsWith(prefix)) {
      vars.set(s.id.slice(prefix.length), new Map(s.observations.map((o) => [Number(o.date), o.value])));
    }
  const years = [...new Set([...vars.values()].flatMap((m) => [...m.keys()]))].sort((a, b) => a - b);
  return years.map((y) => make(y, (name) => vars.get(name)?.get(y) ?? null));
}

/**
 * A store as the monitor's source: the latest vintage of every series it reads, fetched in one
 * query per country (see {@link loadLatestSeries}). BIS series are found under their dotted store
 * id and their csv_col id (a `bslab import` of a csv_col file), whichever vintage is newer.
 */
export function storeSource(store: Store): RecessionSource {
  return {
    name: `store:${store.path}`,
    async country(country) {
      const have = await providers(store);
      const ids = [...bisIds(country.iso2)];
      const likes: { prefix: string; entity?: string }[] = [];
      if (country.jst) for (const v of RECESSION_STORE_JST_VARS) ids.push(`JST/R6/${country.iso3}.${v}`);
      if (country.iso2 === "US")
        for (const v of ["sp_comp_price", "cape", "cpi"]) ids.push(`SHILLER/ie_data/${v}`);
      if (country.iso2 === "JP") ids.push("NIKKEI/N225/close");
      for (const v of ["pb", "d", "rgc"]) ids.push(`IMF/PFMH/${country.iso3}.${v}`);
      for (const v of ["banking_crisis", "systemic_crisis", "inflation"])
        ids.push(`RR/GCD2016/${country.iso3}.${v}`);
      likes.push({ prefix: "ANGRICK/sectors/", entity: country.iso2 });
      likes.push({ prefix: `LV/SBC2026/${lvCode(country.lvName)}.` });
      const list = await loadLatestSeries(store, ids, likes);
      const missing: string[] = [];
      const raw: CountryRaw = { country, missing };
      const need = (key: keyof typeof DATASET_IDS): boolean => {
        if (installed(have, key)) return true;
        missing.push(DATASET_IDS[key]);
        return false;
      };
      if (country.jst && need("jst")) raw.jst = jstRows(list, [country]);
      if (need("bis")) raw.bis = bisFromSeries(country.iso2, latestByReaderKey(list));
      if (country.iso2 === "US" && need("shiller"))
        raw.shiller = list.filter((s) => s.id.startsWith("SHILLER/ie_data/"));
      if (country.iso2 === "JP" && need("nikkei"))
        raw.nikkei = list.find((s) => s.id === "NIKKEI/N225/close")?.observations ?? [];
      if (need("sectors")) raw.sectors = sortSectors(list.filter((s) => s.id.startsWith("ANGRICK/sectors/")));
      if (need("pfmh"))
        raw.pfmh = annualRows(list, `IMF/PFMH/${country.iso3}.`, (year, v) => ({
          iso3: country.iso3,
          country: country.name,
          year,
          debt: v("d"),
          primaryBalance: v("pb"),
          revenue: null,
          expenditure: null,
          realGrowth: v("rgc"),
        }));
      if (need("lv")) raw.lv = lvFromSeries(list.filter((s) => s.id.startsWith("LV/SBC2026/")));
      if (need("rr"))
        raw.rr = annualRows(list, `RR/GCD2016/${country.iso3}.`, (year, v) => ({
          cc3: country.iso3,
          country: country.name,
          year,
          bankingCrisis: v("banking_crisis"),
          systemicCrisis: v("systemic_crisis"),
          inflation: v("inflation"),
        }));
      return raw;
    },
    async bis(country) {
      const list = await loadLatestSeries(store, bisIds(country.iso2));
      if (list.length === 0 && !installed(await providers(store), "bis")) return undefined;
      return bisFromSeries(country.iso2, latestByReaderKey(list));
    },
    async panel() {
      const have = await providers(store);
      const missing: string[] = [];
      const out: PanelRaw = { missing };
      const ids = panelCountries().flatMap((c) =>
        bisIds(c.iso2, ["creditRatio", "tcRatio", "householdRatio", "sppReal"]),
      );
      // JST countries in the file's order (by ISO3), so the bootstrap clusters come in the same order.
      const jst = panelCountries()
        .filter((c) => c.jst)
        .sort((a, b) => a.iso3.localeCompare(b.iso3));
      for (const c of jst)
        for (const v of ["tloans", "gdp", "hpnom", "cpi", "crisisJST", "stir", "ltrate", "eq_capgain"])
          ids.push(`JST/R6/${c.iso3}.${v}`);
      const list = await loadLatestSeries(store, ids, [{ prefix: "LV/SBC2026/" }, { prefix: "BIS/WS_DSR/" }]);
      if (installed(have, "lv")) out.lv = lvFromSeries(list.filter((s) => s.id.startsWith("LV/SBC2026/")));
      else missing.push(DATASET_IDS.lv);
      if (installed(have, "bis")) {
        const byKey = latestByReaderKey(list);
        out.bis = panelCountries().map((c) => ({ country: c, bis: bisFromSeries(c.iso2, byKey) }));
      } else missing.push(DATASET_IDS.bis);
      if (installed(have, "jst")) out.jst = jstRows(list, jst);
      else missing.push(DATASET_IDS.jst);
      if (installed(have, "dsr")) out.dsr = dsrFromSeries(list.filter((x) => x.id.startsWith("BIS/WS_DSR/")));
      else missing.push(DATASET_IDS.dsr);
      return out;
    },
  };
}

/** The source for optional `{ store }`: the store when given, else the bundled files. */
export function sourceOf(options?: { store?: Store | undefined }): RecessionSource {
  return options?.store ? storeSource(options.store) : fileSource;
}
