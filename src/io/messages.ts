import { formatPlace as formatAny, type Place } from "../errors.ts";

/** `file: row 3, column value` (the file, then the place inside it). */
export function formatPlace(place: Place): string {
  const { file, ...rest } = place;
  const inner = formatAny(rest);
  return file === undefined ? inner : inner ? `${file}: ${inner}` : file;
}

const list = (xs: readonly string[], max = 12) =>
  xs.slice(0, max).join(", ") + (xs.length > max ? `, ... (${xs.length} in all)` : "");

/**
 * Message builders of the import and export layer (src/io), one place for their text. Every message
 * names the input and the place, then says what to do.
 */
export const ioMessages = {
  tooLarge: (file: string, size: number, limit: number) =>
    `${file}: ${size} bytes is larger than the import limit of ${limit} bytes (split the file, or import a filtered extract)`,
  notUtf8: (file: string, offset: number, hint: string) =>
    `${file}: byte ${offset}: not valid UTF-8 text${hint} (save it as UTF-8; GBK/GB18030 and Latin-1 exports must be converted, e.g. iconv -f GBK -t UTF-8)`,
  notGb18030: (file: string, offset: number) =>
    `${file}: byte ${offset}: not valid GB18030 text (the file was read as GB18030/GBK because its first non-ASCII bytes are not UTF-8; save it as UTF-8)`,
  emptyFile: (file: string) => `${file}: the file is empty (0 bytes)`,
  blankFile: (file: string, bytes: number) =>
    `${file}: the file holds only whitespace (${bytes} bytes: no header, no rows)`,
  scaleOutOfRange: (place: Place, what: string, text: string) =>
    `${formatPlace(place)}: ${what} ${text} is not a power of ten bslab can store (expected an integer from -24 to 24; 6 means millions)`,
  noSuchFile: (file: string) => `cannot read ${file}: no such file`,
  unknownLayout: (file: string, header: readonly string[], known: readonly string[]) =>
    `${file}: row 1: header matches no known layout: ${list(header)} (use --mapping; known: ${known.join(", ")})`,
  unknownWorkbook: (file: string, sheet: string, firstCell: string, known: readonly string[]) =>
    `${file}: sheet ${JSON.stringify(sheet)}: workbook layout not recognised (cell A1 reads ${JSON.stringify(firstCell)}; use --mapping; known: ${known.join(", ")})`,
  unknownMapping: (name: string, known: readonly string[]) =>
    `unknown mapping ${JSON.stringify(name)} (known: ${known.join(", ")})`,
  mappingNeedsText: (name: string, file: string) =>
    `${file}: mapping ${name} reads CSV text, but the file is a spreadsheet workbook (export it as CSV, or import it without --mapping)`,
  badWorkbook: (file: string, why: string) =>
    `${file}: not a readable .xls/.xlsx workbook (${why}); is the file complete?`,
  truncatedRow: (place: Place, cells: number, expected: number) =>
    `${formatPlace(place)}: row has ${cells} cells, the header has ${expected} (truncated file?)`,
  extraCells: (place: Place, cells: number, expected: number) =>
    `${formatPlace(place)}: row has ${cells} cells, the header has ${expected} (an unquoted comma in a value?)`,
  notANumber: (place: Place, text: string) =>
    `${formatPlace(place)}: not a number: ${JSON.stringify(text)} (expected a number or an empty cell)`,
  badPeriod: (place: Place, text: string, expected: string) =>
    `${formatPlace(place)}: invalid period ${JSON.stringify(text)} (expected ${expected})`,
  badValue: (place: Place, what: string, text: string, expected: string) =>
    `${formatPlace(place)}: invalid ${what} ${JSON.stringify(text)} (expected ${expected})`,
  missingColumns: (file: string, columns: readonly string[], header: readonly string[]) =>
    `${file}: row 1: missing column${columns.length > 1 ? "s" : ""} ${columns.map((c) => JSON.stringify(c)).join(", ")} (header has: ${list(header)})`,
  noRows: (file: string) => `${file}: no data rows below the header (is the file truncated?)`,
  duplicate: (place: Place, what: string) =>
    `${formatPlace(place)}: duplicate ${what} (each appears once per file)`,
  mixedScale: (place: Place, series: string, scale: number, first: number, what = "UNIT_MULT") =>
    `${formatPlace(place)}: ${what} ${scale} differs from ${first} used earlier for series ${series}; one series has one scale (convert first)`,
  mixedUnit: (place: Place, series: string, unit: string, first: string) =>
    `${formatPlace(place)}: unit ${JSON.stringify(unit)} differs from ${JSON.stringify(first)} used earlier for ${series}`,
  unknownPbocLabel: (place: Place, label: string, table: string) =>
    `${formatPlace(place)}: unknown ${table} item label ${JSON.stringify(label)} (add it to src/io/pboc/odc-item-map.ts)`,
  noUnitLine: (file: string, sheet: string) =>
    `${file}: sheet ${JSON.stringify(sheet)}: no unit line (单位：...) in the first rows, so the scale is unknown (state it: --unit 亿元)`,
  badUnit: (place: Place, text: string) =>
    `${formatPlace(place)}: unit line ${JSON.stringify(text)} names no known scale (expected e.g. 单位：亿元)`,
  noMonthHeader: (file: string, sheet: string) =>
    `${file}: sheet ${JSON.stringify(sheet)}: no header row with months (2013.01, 2013.02, ...) found`,
  unbalanced: (file: string, entity: string, date: string, item: string, published: number, parts: number) =>
    `${file}: sheet ${entity} ${date} does not balance: ${item} published ${published} vs parts ${parts}; nothing was imported`,
  unsupportedFrequency: (place: Place, text: string) =>
    `${formatPlace(place)}: period ${JSON.stringify(text)} has a frequency bslab does not store (A, Q, M, W, D)`,
  sdmxStructure: (file: string, first: string) =>
    `${file}: row 1: not SDMX-CSV (first column is ${JSON.stringify(first)}; expected DATAFLOW for SDMX-CSV 1.0 or STRUCTURE for 2.0)`,
  nothingToExport: (what: string) => `nothing to export: ${what}`,
  unknownSeries: (id: string, near: readonly string[]) =>
    `unknown series ${JSON.stringify(id)}${near.length ? ` (did you mean: ${near.join(", ")}?)` : " (list them with `bslab series`)"}`,
  parseFailedIn: (file: string, cause: string) => `${file}: ${cause}`,
};
