import { readFileSync } from "node:fs";

import { NotFoundError } from "../errors.ts";
import { parseCsv } from "../io/csv/parse-csv.ts";
import { loadBisWide } from "../io/sources/bis-wide-csv.ts";
import { datasetPath, MissingDatasetError, memoize } from "../io/sources/common.ts";
import { recessionMessages } from "./messages.ts";

/**
 * A country (or economy, such as the euro area) the monitor knows: BIS two-letter code, ISO3
 * (JST, PFMH, RR; empty for an economy without one) and Laeven-Valencia name.
 */
export interface CountryInfo {
  iso2: string;
  iso3: string;
  name: string;
  /** Name in Chinese (the English name where the data gives none). */
  nameZh: string;
  /** Name as spelled in the Laeven-Valencia workbook. */
  lvName: string;
  /** One of the 18 JST Macrohistory countries. */
  jst: boolean;
  /** Advanced economy (for the evaluation's sub-samples). */
  advanced: boolean;
}

/** Folder and file of the country code list in data/ (ISO 3166-1 codes, names, JST R6 membership). */
export const COUNTRY_CODES = { folder: "country-codes", file: "countries.csv" } as const;

// What a country is lives in data/country-codes/countries.csv; an economy the BIS publishes that
// the list lacks is taken from the BIS file itself (code and "Borrowers' country" name).
function codeList(): CountryInfo[] {
  return memoize("country-codes", () => {
    const { folder, file } = COUNTRY_CODES;
    const rows = parseCsv(readFileSync(datasetPath(folder, file), "utf8"), { fileName: file });
    const header = rows[0]!.map((h) => h.trim());
    const col = (name: string) => header.indexOf(name);
    const [i2, i3, nm, zh, lv, jst, adv] = [
      "iso2",
      "iso3",
      "name",
      "name_zh",
      "lv_name",
      "jst_r6",
      "advanced",
    ].map(col) as [number, number, number, number, number, number, number];
    return rows
      .slice(1)
      .filter((r) => (r[i2] ?? "").trim() !== "")
      .map((r) => {
        const name = r[nm]!.trim();
        return {
          iso2: r[i2]!.trim(),
          iso3: (r[i3] ?? "").trim(),
          name,
          nameZh: (r[zh] ?? "").trim() || name,
          lvName: (r[lv] ?? "").trim() || name,
          jst: (r[jst] ?? "").trim() === "1",
          advanced: (r[adv] ?? "").trim() === "1",
        };
      });
  });
}

// Economies with a BIS credit-to-GDP ratio (WS_CREDIT_GAP), by code, with the BIS's name.
function bisEconomies(): Map<string, string> {
  return memoize("bis-economies", () => {
    const out = new Map<string, string>();
    try {
      for (const s of loadBisWide("WS_CREDIT_GAP")) {
        const code = s.dims.BORROWERS_CTY;
        if (code && !out.has(code)) out.set(code, s.dims["Borrowers' country"] ?? code);
      }
    } catch (error) {
      if (!(error instanceof MissingDatasetError)) throw error;
    }
    return out;
  });
}

/**
 * Every known country: the code list in data/, plus any economy of the BIS credit-gap file it lacks.
 * @example countries().find((c) => c.iso2 === "XM")?.name // "Euro area"
 */
export function countries(): readonly CountryInfo[] {
  return memoize("countries", () => {
    const list = [...codeList()];
    const have = new Set(list.map((c) => c.iso2));
    for (const [iso2, name] of bisEconomies())
      if (!have.has(iso2))
        list.push({ iso2, iso3: "", name, nameZh: name, lvName: name, jst: false, advanced: false });
    return list;
  });
}

/**
 * Looks a country up by BIS/ISO two-letter code, ISO3 code or name (case-insensitive); `UK` is
 * accepted for GB. Throws NotFoundError listing the known codes.
 * @example resolveCountry("jp").iso3 // "JPN"
 * @example resolveCountry("XM").name // "Euro area"
 */
export function resolveCountry(code: string): CountryInfo {
  const c = code.trim().toUpperCase();
  const key = c === "UK" ? "GB" : c;
  const list = countries();
  const hit = list.find(
    (x) =>
      x.iso2 === key ||
      (x.iso3 !== "" && x.iso3 === key) ||
      x.name.toUpperCase() === key ||
      x.lvName.toUpperCase() === key,
  );
  if (!hit)
    throw new NotFoundError(
      recessionMessages.unknownCountry(
        code,
        list.map((x) => x.iso2),
      ),
    );
  return hit;
}
