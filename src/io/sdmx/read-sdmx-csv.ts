import { DataError } from "../../errors.ts";
import type { Frequency, Series } from "../../model/series.ts";
import { parseCsv, parseNumberCell } from "../csv/parse-csv.ts";
import { unescapeFormula } from "../export/csv-field.ts";
import { ioMessages } from "../messages.ts";

/** The structure an SDMX-CSV file says its rows belong to, e.g. `BIS:WS_TC(1.0)`. */
export interface SdmxStructure {
  /** `dataflow` in SDMX-CSV 1.0; `dataflow`, `datastructure` or `dataprovision` in 2.0. */
  type: string;
  agency: string;
  id: string;
  version: string;
}

/** One observation of an SDMX-CSV file, with its 1-based row in the file. */
export interface SdmxObservation {
  structure: SdmxStructure;
  key: Record<string, string>;
  time: string;
  value: number;
  attributes: Record<string, string>;
  row: number;
}

export interface SdmxCsv {
  version: "1.0" | "2.0";
  /** Dimension ids in file order (the series key order). */
  dimensions: string[];
  attributes: string[];
  observations: SdmxObservation[];
}

const ID = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

// "FREQ: Frequency" (SDMX-CSV with labels) → "FREQ"; plain ids pass unchanged.
function headerId(cell: string): string {
  const t = cell.trim();
  const i = t.indexOf(":");
  if (i > 0 && ID.test(t.slice(0, i).trim())) return t.slice(0, i).trim();
  return t;
}

// In a file with labels, a cell reads "A: Annual"; keep the code.
function codeOf(cell: string, labelled: boolean): string {
  // A cell bslab's writer guarded against formulas (`'=x`) reads back as it was (`=x`).
  const t = unescapeFormula(cell.trim());
  if (!labelled) return t;
  const i = t.indexOf(": ");
  return i > 0 ? t.slice(0, i) : t;
}

/** Parses `AGENCY:ID(VERSION)` (the agency and version may be missing). */
export function parseStructureRef(text: string, type = "dataflow"): SdmxStructure | undefined {
  const m = /^\s*(?:([A-Za-z0-9_.@-]+):)?([A-Za-z0-9_.@-]+)(?:\(([^)]*)\))?\s*$/.exec(text);
  if (!m) return undefined;
  return { type, agency: m[1] ?? "", id: m[2]!, version: m[3] ?? "" };
}

/**
 * Reads SDMX-CSV 1.0 (first column `DATAFLOW` = `AGENCY:ID(VERSION)`) and 2.0 (`STRUCTURE`,
 * `STRUCTURE_ID`, optional `ACTION`), with or without labels (`FREQ: Frequency`, `A: Annual`):
 * dimension columns, `TIME_PERIOD`, `OBS_VALUE`, then attributes such as `UNIT_MULT`. Every row is
 * checked; the first bad cell raises a DataError naming file, row and column. Rows with ACTION `D`
 * (delete) are skipped; an empty OBS_VALUE is a missing observation.
 *
 * @example readSdmxCsv("DATAFLOW,FREQ,TIME_PERIOD,OBS_VALUE\nBIS:WS_TC(1.0),Q,2013-Q4,1.5\n", "x.csv")
 */
export function readSdmxCsv(text: string, file: string): SdmxCsv {
  const rows = parseCsv(text, { fileName: file });
  const raw = rows[0] ?? [];
  const labelled = raw.some((h) => /^[A-Za-z_][\w.-]*: /.test(h.trim()));
  const header = raw.map(headerId);
  const first = header[0] ?? "";
  const version: "1.0" | "2.0" | undefined =
    first === "DATAFLOW" ? "1.0" : first === "STRUCTURE" ? "2.0" : undefined;
  if (!version) throw new DataError(ioMessages.sdmxStructure(file, first), { place: { file, row: 1 } });
  const need =
    version === "2.0" ? ["STRUCTURE_ID", "TIME_PERIOD", "OBS_VALUE"] : ["TIME_PERIOD", "OBS_VALUE"];
  const missing = need.filter((c) => !header.includes(c));
  if (missing.length > 0)
    throw new DataError(ioMessages.missingColumns(file, missing, header), { place: { file, row: 1 } });
  const iTime = header.indexOf("TIME_PERIOD");
  const iValue = header.indexOf("OBS_VALUE");
  const iId = header.indexOf("STRUCTURE_ID");
  const iAction = header.indexOf("ACTION");
  const structural = new Set(["DATAFLOW", "STRUCTURE", "STRUCTURE_ID", "ACTION"]);
  const dimCols = header.map((h, i) => ({ h, i })).filter(({ h, i }) => i < iTime && !structural.has(h));
  const attrCols = header
    .map((h, i) => ({ h, i }))
    .filter(({ h, i }) => i > iTime && i !== iValue && !structural.has(h) && h !== "");
  const observations: SdmxObservation[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const place = (column: string) => ({ file, row: r + 1, column });
    if (row.length === 1 && row[0]!.trim() === "") continue;
    if (row.length < header.length)
      throw new DataError(ioMessages.truncatedRow({ file, row: r + 1 }, row.length, header.length), {
        place: { file, row: r + 1 },
      });
    if (row.length > header.length && row.slice(header.length).some((c) => c.trim() !== ""))
      throw new DataError(ioMessages.extraCells({ file, row: r + 1 }, row.length, header.length), {
        place: { file, row: r + 1 },
      });
    if (iAction >= 0 && codeOf(row[iAction] ?? "", labelled).toUpperCase() === "D") continue;
    const refText = version === "1.0" ? row[0]! : row[iId]!;
    const structure = parseStructureRef(
      labelled ? codeOf(refText, true) : refText,
      version === "1.0" ? "dataflow" : codeOf(row[0]!, labelled).toLowerCase(),
    );
    if (!structure)
      throw new DataError(
        ioMessages.badValue(
          place(header[version === "1.0" ? 0 : iId]!),
          "structure",
          refText,
          "AGENCY:ID(VERSION)",
        ),
        { place: place(header[version === "1.0" ? 0 : iId]!) },
      );
    const value = parseNumberCell(row[iValue]);
    if (value === undefined)
      throw new DataError(ioMessages.notANumber(place("OBS_VALUE"), row[iValue] ?? ""), {
        place: place("OBS_VALUE"),
      });
    if (value === null) continue;
    // Keyed by the file's own column names: null-prototype, so `__proto__` is just a name.
    const key = Object.create(null) as Record<string, string>;
    for (const { h, i } of dimCols) key[h] = codeOf(row[i] ?? "", labelled);
    const attributes = Object.create(null) as Record<string, string>;
    for (const { h, i } of attrCols)
      if ((row[i] ?? "").trim() !== "") attributes[h] = codeOf(row[i]!, labelled);
    observations.push({ structure, key, time: (row[iTime] ?? "").trim(), value, attributes, row: r + 1 });
  }
  if (observations.length === 0) throw new DataError(ioMessages.noRows(file), { place: { file, row: 2 } });
  return { version, dimensions: dimCols.map((d) => d.h), attributes: attrCols.map((a) => a.h), observations };
}

/**
 * Normalises an SDMX period to the ISO form bslab stores and its frequency: `2013`, `2013-Q4`
 * (also `2013Q4`), `2013-12` (also `2013-M12`), `2013-W52`, `2013-12-25`. Semesters and other
 * periods bslab does not store give undefined.
 */
export function normalisePeriod(text: string): { date: string; frequency: Frequency } | undefined {
  const t = text.trim();
  let m: RegExpExecArray | null;
  if (/^\d{4}$/.test(t)) return { date: t, frequency: "A" };
  if ((m = /^(\d{4})-?A1?$/.exec(t))) return { date: m[1]!, frequency: "A" };
  if ((m = /^(\d{4})-?Q([1-4])$/.exec(t))) return { date: `${m[1]}-Q${m[2]}`, frequency: "Q" };
  if ((m = /^(\d{4})-M?(0[1-9]|1[0-2])$/.exec(t))) return { date: `${m[1]}-${m[2]}`, frequency: "M" };
  if ((m = /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/.exec(t))) return { date: `${m[1]}-W${m[2]}`, frequency: "W" };
  if (/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(t)) return { date: t, frequency: "D" };
  return undefined;
}

const FREQ_CODES = new Map<string, Frequency>([
  ["A", "A"],
  ["Q", "Q"],
  ["M", "M"],
  ["W", "W"],
  ["D", "D"],
  ["B", "D"],
]);
/** The largest power of ten a store scale may be (the store keeps scales as 32-bit integers). */
export const MAX_SCALE = 24;
const AREA_DIMS = ["REF_AREA", "BORROWERS_CTY", "COUNTRY", "REF_AREA_CTY", "ENTITY"];
const UNIT_ATTRS = ["UNIT_MEASURE", "UNIT", "UNIT_MEASURE_TYPE"];
const TITLE_ATTRS = ["TITLE", "TITLE_TS", "TITLE_COMPL", "SERIES_NAME"];

/** The id bslab gives an SDMX series: DBnomics' `AGENCY/DATAFLOW/KEY` with the key dot-separated. */
export function sdmxSeriesId(
  structure: SdmxStructure,
  key: Record<string, string>,
  dims: readonly string[],
): string {
  const code = dims.map((d) => key[d] ?? "").join(".");
  return `${structure.agency || "SDMX"}/${structure.id}/${code}`;
}

/**
 * Groups SDMX observations into series. Unit and scale come from the file: `UNIT_MEASURE` (or
 * `UNIT`) and `UNIT_MULT` (power of ten; absent = 0, SDMX's default). A series whose UNIT_MULT or
 * unit changes between rows is refused, naming the row: values in different scales are never mixed.
 * A bslab series export (dataflow `BSLAB:SERIES`) keeps its original ids, names and frequencies.
 */
export function sdmxToSeries(
  data: SdmxCsv,
  file: string,
  meta: { dataset: string; vintage: string },
): Series[] {
  const out = new Map<string, Series & { firstRow: number }>();
  const seen = new Set<string>();
  for (const o of data.observations) {
    const own = o.structure.agency === "BSLAB" && o.structure.id === "SERIES";
    const dims = data.dimensions.filter((d) => !(own && d !== "SERIES"));
    const id = own && o.key.SERIES ? o.key.SERIES : sdmxSeriesId(o.structure, o.key, dims);
    const period = normalisePeriod(o.time);
    if (!period)
      throw new DataError(
        ioMessages.unsupportedFrequency({ file, row: o.row, column: "TIME_PERIOD" }, o.time),
        {
          place: { file, row: o.row, column: "TIME_PERIOD" },
        },
      );
    const multText = o.attributes.UNIT_MULT ?? "0";
    const scale = Number(multText.trim());
    if (Number.isInteger(scale) && Math.abs(scale) > MAX_SCALE)
      throw new DataError(
        ioMessages.scaleOutOfRange({ file, row: o.row, column: "UNIT_MULT" }, "UNIT_MULT", multText),
        {
          place: { file, row: o.row, column: "UNIT_MULT" },
        },
      );
    if (!Number.isInteger(scale))
      throw new DataError(
        ioMessages.badValue(
          { file, row: o.row, column: "UNIT_MULT" },
          "UNIT_MULT",
          multText,
          "an integer power of ten",
        ),
        { place: { file, row: o.row, column: "UNIT_MULT" } },
      );
    const unitAttr = UNIT_ATTRS.find((a) => o.attributes[a] !== undefined);
    const unit = unitAttr ? o.attributes[unitAttr]! : "not stated in the file";
    const freqCode = o.key.FREQ ?? o.attributes.FREQ;
    const frequency = (freqCode ? FREQ_CODES.get(freqCode) : undefined) ?? period.frequency;
    let s = out.get(id);
    if (!s) {
      const area = AREA_DIMS.find((d) => o.key[d] !== undefined);
      const title = TITLE_ATTRS.find((a) => o.attributes[a] !== undefined);
      s = {
        id,
        entity: area ? o.key[area]! : "",
        name: title ? o.attributes[title]! : id,
        frequency,
        unit,
        scale,
        dataset: meta.dataset,
        file,
        vintage: meta.vintage,
        observations: [],
        firstRow: o.row,
      };
      out.set(id, s);
    } else {
      if (s.scale !== scale)
        throw new DataError(
          ioMessages.mixedScale({ file, row: o.row, column: "UNIT_MULT" }, id, scale, s.scale),
          {
            place: { file, row: o.row, column: "UNIT_MULT" },
          },
        );
      if (s.unit !== unit)
        throw new DataError(
          ioMessages.mixedUnit({ file, row: o.row, column: unitAttr ?? "UNIT_MEASURE" }, id, unit, s.unit),
          {
            place: { file, row: o.row, column: unitAttr ?? "UNIT_MEASURE" },
          },
        );
    }
    const k = `${id}\u0000${period.date}`;
    if (seen.has(k))
      throw new DataError(
        ioMessages.duplicate({ file, row: o.row, column: "TIME_PERIOD" }, `observation ${id} ${period.date}`),
        {
          place: { file, row: o.row, column: "TIME_PERIOD" },
        },
      );
    seen.add(k);
    s.observations.push({ date: period.date, value: o.value });
  }
  return [...out.values()].map(({ firstRow: _f, ...s }) => ({
    ...s,
    observations: s.observations.sort((a, b) => a.date.localeCompare(b.date)),
  }));
}
