import { NotFoundError } from "../errors.ts";
import { recessionMessages } from "./messages.ts";

/** A country the monitor knows: BIS two-letter code, ISO3 (JST, PFMH, RR) and Laeven-Valencia name. */
export interface CountryInfo {
  iso2: string;
  iso3: string;
  name: string;
  /** Name as spelled in the Laeven-Valencia workbook. */
  lvName: string;
  /** One of the 18 JST Macrohistory countries. */
  jst: boolean;
  /** Advanced economy (for the evaluation's sub-samples). */
  advanced: boolean;
}

// The 44 BIS credit-gap economies (XM = euro area has no country data) plus the 18 JST countries.
const TABLE: readonly [string, string, string, string?, boolean?, boolean?][] = [
  ["AR", "ARG", "Argentina"],
  ["AT", "AUT", "Austria", undefined, false, true],
  ["AU", "AUS", "Australia", undefined, true, true],
  ["BE", "BEL", "Belgium", undefined, true, true],
  ["BR", "BRA", "Brazil"],
  ["CA", "CAN", "Canada", undefined, true, true],
  ["CH", "CHE", "Switzerland", undefined, true, true],
  ["CL", "CHL", "Chile"],
  ["CN", "CHN", "China"],
  ["CO", "COL", "Colombia"],
  ["CZ", "CZE", "Czech Republic"],
  ["DE", "DEU", "Germany", undefined, true, true],
  ["DK", "DNK", "Denmark", undefined, true, true],
  ["ES", "ESP", "Spain", undefined, true, true],
  ["FI", "FIN", "Finland", undefined, true, true],
  ["FR", "FRA", "France", undefined, true, true],
  ["GB", "GBR", "United Kingdom", undefined, true, true],
  ["GR", "GRC", "Greece", undefined, false, true],
  ["HK", "HKG", "Hong Kong SAR", "Hong Kong", false, true],
  ["HU", "HUN", "Hungary"],
  ["ID", "IDN", "Indonesia"],
  ["IE", "IRL", "Ireland", undefined, true, true],
  ["IL", "ISR", "Israel", undefined, false, true],
  ["IN", "IND", "India"],
  ["IT", "ITA", "Italy", undefined, true, true],
  ["JP", "JPN", "Japan", undefined, true, true],
  ["KR", "KOR", "Korea", undefined, false, true],
  ["LU", "LUX", "Luxembourg", undefined, false, true],
  ["MX", "MEX", "Mexico"],
  ["MY", "MYS", "Malaysia"],
  ["NL", "NLD", "Netherlands", undefined, true, true],
  ["NO", "NOR", "Norway", undefined, true, true],
  ["NZ", "NZL", "New Zealand", undefined, false, true],
  ["PL", "POL", "Poland"],
  ["PT", "PRT", "Portugal", undefined, true, true],
  ["RU", "RUS", "Russia"],
  ["SA", "SAU", "Saudi Arabia"],
  ["SE", "SWE", "Sweden", undefined, true, true],
  ["SG", "SGP", "Singapore", undefined, false, true],
  ["TH", "THA", "Thailand"],
  ["TR", "TUR", "Türkiye"],
  ["US", "USA", "United States", undefined, true, true],
  ["ZA", "ZAF", "South Africa"],
];

/** Every known country. */
export const COUNTRIES: readonly CountryInfo[] = TABLE.map(([iso2, iso3, name, lv, jst, adv]) => ({
  iso2,
  iso3,
  name,
  lvName: lv ?? name,
  jst: jst ?? false,
  advanced: adv ?? false,
}));

/**
 * Looks a country up by BIS/ISO two-letter code, ISO3 code or name (case-insensitive); `UK` is
 * accepted for GB. Throws NotFoundError listing the known codes.
 * @example resolveCountry("jp").iso3 // "JPN"
 */
export function resolveCountry(code: string): CountryInfo {
  const c = code.trim().toUpperCase();
  const key = c === "UK" ? "GB" : c;
  const hit = COUNTRIES.find(
    (x) => x.iso2 === key || x.iso3 === key || x.name.toUpperCase() === key || x.lvName.toUpperCase() === key,
  );
  if (!hit)
    throw new NotFoundError(
      recessionMessages.unknownCountry(
        code,
        COUNTRIES.map((x) => x.iso2),
      ),
    );
  return hit;
}
