/**
 * bslab's readers and writers of files (`bslab/io`): they turn files into records (balance sheets,
 * series) and records into files, and know nothing of the store. Writing what they read into a
 * store is the ingest layer's job (`bslab/ingest`: `importFile`, `ensureBundled`).
 *
 * Reading: {@link MAPPINGS} lists every import layout (recognised from the header or the
 * workbook); each reads a file into a {@link ParsedImport}. Units and scales are read from the
 * source (`单位：亿元人民币`, UNIT_MULT, the Fed's "Multiplier:") and kept with the values.
 *
 * Exporting: balance sheets and series as tidy long CSV (`entity,date,series,value,unit,scale,
 * source`), XLSX, SDMX-CSV 1.0, or a whole analysis as JSON; `bslab import` reads each back to the
 * same values.
 *
 * @example
 * import { sheetsToSdmxCsv } from "bslab/io";
 * import { loadSheets } from "bslab/store";
 * const sdmx = sheetsToSdmxCsv(await loadSheets(store, "pboc", "2013-01", "2013-12"));
 */
export { decodeUtf8, firstInvalidUtf8 } from "./text/decode.ts";
export { headerOf, MAPPINGS, type ImportContext, type Mapping, type ParsedImport } from "./mappings/index.ts";
export { ioMessages } from "./messages.ts";
export { analysisToJson, readAnalysisJson, type AnalysisJson } from "./export/json.ts";
export { seriesToSdmxCsv, sheetsToSdmxCsv, BSLAB_SERIES_FLOW, BSLAB_SHEET_FLOW } from "./export/sdmx.ts";
export { readTidySeries, readTidySheets, seriesToCsv, sheetsToCsv } from "./export/tidy-csv.ts";
export { seriesToXlsx, sheetsToXlsx } from "./export/xlsx.ts";
export { POSITION_COLUMNS, SERIES_COLUMNS, TIDY_COLUMNS } from "./export/records.ts";
export { normalisePeriod, readSdmxCsv, sdmxToSeries, type SdmxCsv } from "./sdmx/read-sdmx-csv.ts";
export { writeSdmxCsv, type SdmxRow, type SdmxWriteSpec } from "./sdmx/write-sdmx-csv.ts";
export { isWorkbookBytes, readWorkbook, type SheetGrid, type Workbook } from "./xlsx/read-workbook.ts";
export { writeWorkbook } from "./xlsx/write-workbook.ts";
export { readPbocWorkbook, type PbocTable } from "./pboc/xls-workbook.ts";
export { buildOdcSheets, ODC_LINES, readOdcWideCsv } from "./pboc/odc-item-map.ts";
