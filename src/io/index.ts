/**
 * bslab's data-in/data-out layer (`bslab/io`).
 *
 * Importing: {@link importFiles} / {@link importFile} / {@link importBytes} / {@link importText}
 * recognise the layout (see {@link MAPPINGS}), parse and validate everything first, then write in
 * one transaction, so a bad file changes nothing. Units and scales are read from the source
 * (`单位：亿元人民币`, UNIT_MULT, the Fed's "Multiplier:") and stored with the values. Re-importing
 * the same bytes reuses their vintage (idempotent); a revised file becomes a newer vintage beside
 * the old one.
 *
 * Exporting: balance sheets and series as tidy long CSV (`entity,date,series,value,unit,scale,
 * source`), XLSX, SDMX-CSV 1.0, or a whole analysis as JSON; `bslab import` reads each back to the
 * same values.
 *
 * @example
 * import { importFile, sheetsToSdmxCsv } from "bslab/io";
 * const result = await importFile(store, "data/pboc-monetary-authority/raw_xls/monetary_authority_bs_2013.xls");
 * const sdmx = sheetsToSdmxCsv(await loadSheets(store, "pboc", "2013-01", "2013-12"));
 */
export {
  decodeUtf8,
  importBytes,
  importFile,
  importFiles,
  importText,
  MAX_IMPORT_BYTES,
  type ImportOptions,
  type ImportResult,
} from "./import-file.ts";
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
