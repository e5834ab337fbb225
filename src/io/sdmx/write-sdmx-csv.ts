import { csvField } from "../export/csv-field.ts";

/** One observation to write: its series key, period, value and attributes. */
export interface SdmxRow {
  key: Record<string, string>;
  time: string;
  value: number;
  attributes: Record<string, string | number | boolean | null | undefined>;
}

export interface SdmxWriteSpec {
  /** `AGENCY:ID(VERSION)`, e.g. `BSLAB:SERIES(1.0)`. */
  dataflow: string;
  dimensions: readonly string[];
  attributes: readonly string[];
  rows: readonly SdmxRow[];
}

// Quoted as RFC 4180 and guarded against spreadsheet formulas like every CSV bslab writes (an
// item named `=cmd|' /C calc'!A0` gets a leading quote, which the reader removes again).
const field = csvField;

/**
 * Writes SDMX-CSV 1.0 (the SDMX 2.1 format most tools read): `DATAFLOW`, the dimensions,
 * `TIME_PERIOD`, `OBS_VALUE`, then the attributes. Values are written in shortest round-trip form,
 * so reading the file back gives the same numbers bit for bit; text that a spreadsheet would take
 * for a formula is prefixed with `'` (see csvField).
 *
 * @example writeSdmxCsv({ dataflow: "BSLAB:SERIES(1.0)", dimensions: ["SERIES"], attributes: ["UNIT_MULT"],
 *   rows: [{ key: { SERIES: "X" }, time: "2013", value: 1, attributes: { UNIT_MULT: 6 } }] })
 */
export function writeSdmxCsv(spec: SdmxWriteSpec): string {
  const lines = [["DATAFLOW", ...spec.dimensions, "TIME_PERIOD", "OBS_VALUE", ...spec.attributes].join(",")];
  for (const r of spec.rows)
    lines.push(
      [
        field(spec.dataflow),
        ...spec.dimensions.map((d) => field(r.key[d])),
        field(r.time),
        field(r.value),
        ...spec.attributes.map((a) => field(r.attributes[a])),
      ].join(","),
    );
  return lines.join("\n") + "\n";
}
