import { formatPlace, type Place } from "../../errors.ts";

/** Message builders of the bundled-dataset readers (one place for their text). */
export const sourceMessages = {
  badNumber: (place: Place, text: string) =>
    `${formatPlace(place)}: not a number: ${JSON.stringify(text)} (expected a number or an empty cell)`,
  notInCalendar: (place: Place, text: string, why: string) =>
    `${formatPlace(place)}: invalid date: ${JSON.stringify(text)} (${why})`,
  badDate: (place: Place, text: string, expected: string) =>
    `${formatPlace(place)}: invalid date: ${JSON.stringify(text)} (expected ${expected})`,
  missingColumns: (file: string, columns: readonly string[], header: readonly string[]) =>
    `${file}: missing column${columns.length > 1 ? "s" : ""} ${columns.map((c) => JSON.stringify(c)).join(", ")} (header has: ${header.slice(0, 20).join(", ")}${header.length > 20 ? ", ..." : ""})`,
  emptyFile: (file: string) => `${file}: no data rows (is this the right file?)`,
  unknownHeader: (file: string, header: readonly string[], expected: string) =>
    `${file}: row 1: unrecognised header ${JSON.stringify(header.join(","))} (expected ${expected})`,
  missingSheet: (file: string, sheet: string, sheets: readonly string[]) =>
    `${file}: no sheet ${JSON.stringify(sheet)} (sheets: ${sheets.join(", ")})`,
  missingFile: (dataset: string, path: string) =>
    `dataset ${dataset} not installed (data/${dataset}/): ${path} not found`,
  notInstalled: (dataset: string) => `dataset ${dataset} not installed (data/${dataset}/)`,
};
