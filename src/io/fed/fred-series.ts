import type { Text } from "../../i18n/lang.ts";
import type { Series } from "../../model/series.ts";

/**
 * A FRED series of the Fed's H.4.1 as bslab files it: under the `fed` entity in millions of USD
 * (FRED's own unit for the H.4.1 series), with the release line it reproduces. FRED's graph CSV
 * states neither, so a fetched series that the store does not hold yet takes them from here.
 */
export interface FedFredSeries {
  id: string;
  name: string;
  /** The H.4.1 line, as the release prints it (and in Chinese where a cell names it). */
  line: string;
  lineZh?: string;
  /** Indicators that read this line, when it is the only public source of their input. */
  feeds?: readonly string[];
}

export const FED_FRED_SERIES: readonly FedFredSeries[] = [
  { id: "WALCL", name: "Total assets (Wednesday level)", line: "Total assets" },
  {
    id: "WRESBAL",
    name: "Reserve balances with Federal Reserve Banks (Wednesday level)",
    line: "Reserve balances with Federal Reserve Banks",
  },
  {
    id: "TREAST",
    name: "U.S. Treasury securities held outright (Wednesday level)",
    line: "U.S. Treasury securities",
  },
  {
    id: "WSHOMCB",
    name: "Mortgage-backed securities held outright (Wednesday level)",
    line: "Mortgage-backed securities",
  },
  { id: "WSHOSHO", name: "Securities held outright (Wednesday level)", line: "Securities held outright" },
  // The study's FX assets (23.8 bn USD at end-2013); no public copy of 2013 is bundled.
  {
    id: "WFCDA",
    name: "Foreign currency denominated assets (Wednesday level)",
    line: "Foreign currency denominated assets",
    lineZh: "外币计价资产",
    feeds: ["cb.fx_assets_share", "cb.net_fx_position", "cb.fx_to_foreign_liabilities"],
  },
];

/** The entity the H.4.1 series are filed under. */
export const FED_ENTITY = "fed";
const UNIT = { entity: FED_ENTITY, unit: "USD", scale: 6 } as const;

/**
 * How bslab files a FRED series of the Fed's H.4.1 that a response names without unit: under
 * `fed`, in millions of USD, with its name; undefined for other series.
 * @example fedSeriesUnits({ id: "FRED/WFCDA", ... })?.entity // "fed"
 */
export function fedSeriesUnits(
  s: Pick<Series, "id">,
): Pick<Series, "entity" | "unit" | "scale" | "name"> | undefined {
  const known = FED_FRED_SERIES.find((f) => `FRED/${f.id}` === s.id);
  return known ? { ...UNIT, name: known.name } : undefined;
}

/**
 * Where a missing Fed input is published, by indicator id: the H.4.1 line, its FRED series and the
 * command that fetches it, for "not computable" cells to name.
 */
export function fedInputSources(): ReadonlyMap<string, { input: Text; howTo: Text }> {
  const out = new Map<string, { input: Text; howTo: Text }>();
  for (const f of FED_FRED_SERIES)
    for (const id of f.feeds ?? [])
      out.set(id, {
        input: {
          en: `H.4.1 line "${f.line}" (FRED ${f.id}, Wednesday level, millions of USD)`,
          zh: `H.4.1 项目“${f.lineZh ?? f.line}”（FRED ${f.id}，周三时点值，百万美元）`,
        },
        howTo: {
          en: `bslab fetch fred ${f.id} (or bslab import an H.4.1 Data Download Program CSV with that line)`,
          zh: `bslab fetch fred ${f.id}（或用 bslab import 导入含该项目的 H.4.1 数据下载程序 CSV）`,
        },
      });
  return out;
}
