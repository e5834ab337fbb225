/**
 * The import layouts, one file per family: positions.ts (bslab long/tidy CSVs and the PBoC tables),
 * official.ts (Fed DDP, FRED, BIS), central-banks.ts (BoJ BS01 and Accounts, ECB ILM), datasets.ts (crisis databases, EWN, JST, Shiller, ...),
 * sdmx-xlsx.ts (any workbook, SDMX-CSV, bslab JSON).
 */
import { bojAccounts, bojBs01, ecbIlm } from "./central-banks.ts";
import { ewn, jst, laevenValencia, nikkei, reinhartRogoff, sectoralBalances, shiller } from "./datasets.ts";
import { bisCsvCol, bisCsvFlat, fedDdp, fred } from "./official.ts";
import { long, longSeries, pboc, pbocLong, pbocMonthly, pbocOdc, pbocXls, tidySheets } from "./positions.ts";
import { bslabJson, sdmxCsv, xlsx } from "./sdmx-xlsx.ts";
import type { Mapping } from "./types.ts";

export { describeUnit, headerOf, withBytes } from "./helpers.ts";
export { readFedDdpSeries } from "./official.ts";
export type { ImportContext, Mapping, ParsedImport, PositionRowReader } from "./types.ts";

/** Every layout `bslab import` knows, tried in order; the first whose `detect` accepts the header wins. */
export const MAPPINGS: Mapping[] = [
  pbocXls,
  laevenValencia,
  reinhartRogoff,
  ewn,
  xlsx(() => MAPPINGS),
  long,
  tidySheets,
  longSeries,
  pbocLong,
  pboc,
  pbocOdc,
  shiller,
  pbocMonthly,
  fedDdp,
  bojBs01,
  bojAccounts,
  fred,
  ecbIlm,
  sdmxCsv,
  bisCsvCol,
  bisCsvFlat,
  jst,
  sectoralBalances,
  nikkei,
  bslabJson,
];
