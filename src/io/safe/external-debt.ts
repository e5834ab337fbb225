import { DataError } from "../../errors.ts";
import type { Series } from "../../model/series.ts";
import { parseCsv, parseNumberCell } from "../csv/parse-csv.ts";

export const SAFE_DATASET = "china-external-debt";

/** Powers of ten of the units SAFE and the pages quoting it print: 亿美元, billion, trillion. */
const UNIT_SCALE: Record<string, number> = {
  "USD 100 million": 8,
  "USD billion": 9,
  "USD trillion": 12,
};

/**
 * The statistical bases of China's external-debt figures, as the file names them. 2001-2014
 * (first published) counts registered foreign-currency debt only; from 2015 SAFE publishes the
 * "full-caliber" figure including RMB-denominated debt; the 2014 release gave one comparable
 * figure in between. Each basis is its own series: a ratio across the break compares two things.
 */
const BASES: Record<string, string> = {
  "pre2015_SAFE_foreign_currency_only(registered_debt+trade_credit;excl_RMB-denominated;residual_maturity)":
    "FC_REGISTERED",
  "SAFE_2014_release_in_RMB_units_comparable_basis_incl_SDR_allocation(pre-full-caliber)": "COMPARABLE_2014",
  "full_caliber_incl_RMB(SAFE_SDDS_2015+)": "FULL_CALIBER",
  official_FX_reserves: "OFFICIAL",
};

const NAMES: Record<string, string> = {
  total_external_debt: "External debt outstanding",
  short_term_external_debt: "Short-term external debt outstanding",
  fx_reserves: "Official foreign exchange reserves",
};

/** A value the file prints more than once for the same year (several pages), and how the copies compare. */
export interface SafeDuplicate {
  id: string;
  year: string;
  kept: { value: number; unit: string; row: number };
  other: { value: number; unit: string; row: number };
  /** |kept - other| in USD 100 million, against half the coarser unit's last digit. */
  agrees: boolean;
}

export interface SafeRead {
  series: Series[];
  duplicates: SafeDuplicate[];
}

// Decimal places printed, for the precision of a figure ("863.2" -> 1).
const decimals = (text: string) => (text.split(".")[1] ?? "").length;

/**
 * Reads `china_external_debt_annual.csv` (`year,series,value,unit,basis,source,quote`): SAFE's
 * total and short-term external debt and the official FX reserves at year-ends, each row read from
 * a named page. Units are as published (亿美元, billion, trillion); every value is converted to USD
 * 100 million (scale 8) here, so ratios need no further conversion. One series per item and basis,
 * `SAFE/EXTERNAL_DEBT/<series>.<BASIS>` of entity `CN` (the 2015 basis break is two series, never one
 * spliced line). A year printed on several pages keeps the finest unit (then the first row); the
 * others are returned in `duplicates` with whether they agree within their printed precision.
 *
 * @example readSafeExternalDebt(text, "data/china-external-debt/china_external_debt_annual.csv", { vintage: "2026-12-01" }).series
 */
export function readSafeExternalDebt(
  text: string,
  file: string,
  options: { dataset?: string; vintage: string },
): SafeRead {
  const rows = parseCsv(text, { fileName: file });
  const header = (rows[0] ?? []).map((h) => h.trim());
  const col = (n: string) => header.indexOf(n);
  for (const c of ["year", "series", "value", "unit", "basis", "source"])
    if (col(c) < 0) throw new DataError(`${file}: row 1: missing column ${c}`, { place: { file, row: 1 } });
  type Pick = { value: number; scaled: number; unit: string; scale: number; row: number; digits: number };
  const picked = new Map<string, Map<string, Pick>>();
  const duplicates: SafeDuplicate[] = [];
  rows.slice(1).forEach((r, i) => {
    const row = i + 2;
    if (r.length === 1 && r[0]!.trim() === "") return;
    const cell = (n: string) => (r[col(n)] ?? "").trim();
    const fail = (column: string, why: string): never => {
      throw new DataError(`${file}: row ${row}, column ${column}: ${why}`, { place: { file, row, column } });
    };
    const year = cell("year");
    if (!/^\d{4}$/.test(year)) fail("year", `invalid year ${JSON.stringify(year)}`);
    if (!Object.hasOwn(NAMES, cell("series")))
      fail("series", `unknown series ${JSON.stringify(cell("series"))}`);
    const basis =
      (Object.hasOwn(BASES, cell("basis")) ? BASES[cell("basis")] : undefined) ??
      fail("basis", `unknown basis ${JSON.stringify(cell("basis"))}`);
    const scale = Object.hasOwn(UNIT_SCALE, cell("unit")) ? UNIT_SCALE[cell("unit")] : undefined;
    if (scale === undefined)
      fail(
        "unit",
        `unknown unit ${JSON.stringify(cell("unit"))} (expected ${Object.keys(UNIT_SCALE).join(" | ")})`,
      );
    const value = parseNumberCell(cell("value"));
    if (value === undefined || value === null)
      fail("value", `not a number: ${JSON.stringify(cell("value"))}`);
    const id = `SAFE/EXTERNAL_DEBT/${cell("series")}.${basis}`;
    // Powers of ten as integers, rounded to the printed precision: 863.2 bn -> 8632 (x 1e8).
    const scaled = Number(
      (value! * 10 ** (scale! - 8)).toFixed(Math.max(0, decimals(cell("value")) - (scale! - 8))),
    );
    const p: Pick = {
      value: value!,
      scaled,
      unit: cell("unit"),
      scale: scale!,
      row,
      digits: decimals(cell("value")),
    };
    const years = picked.get(id) ?? new Map<string, Pick>();
    picked.set(id, years);
    const held = years.get(year);
    if (!held) {
      years.set(year, p);
      return;
    }
    const finer = p.scale - p.digits < held.scale - held.digits;
    const [kept, other] = finer ? [p, held] : [held, p];
    years.set(year, kept);
    const half = 0.5 * 10 ** (other.scale - other.digits - 8);
    duplicates.push({
      id,
      year,
      kept: { value: kept.value, unit: kept.unit, row: kept.row },
      other: { value: other.value, unit: other.unit, row: other.row },
      agrees: Math.abs(kept.scaled - other.scaled) <= half + 1e-9,
    });
  });
  const series = [...picked.entries()].map(([id, years]) => {
    const [key, basis] = id.slice("SAFE/EXTERNAL_DEBT/".length).split(".") as [string, string];
    return {
      id,
      entity: "CN",
      name: `${NAMES[key]} (${basis === "OFFICIAL" ? "year-end" : `year-end, basis ${basis}`}), converted to USD 100 million`,
      frequency: "A" as const,
      unit: "USD",
      scale: 8,
      dataset: options.dataset ?? SAFE_DATASET,
      file,
      vintage: options.vintage,
      observations: [...years.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([date, p]) => ({ date, value: p.scaled })),
    };
  });
  return { series, duplicates };
}
