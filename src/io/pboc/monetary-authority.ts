import { DataError, messages } from "../../errors.ts";
import type { BalanceSheet, QualityNote } from "../../model/balance-sheet.ts";
import { roundSum } from "../../model/balance-sheet.ts";
import type { Position } from "../../model/position.ts";
import { parseCsv, parseNumberCell } from "../csv/parse-csv.ts";
import type { PbocLine } from "./item-map.ts";
import { chinesePart, lineForLabel } from "./item-map.ts";

export const PBOC_DATASET = "pboc-monetary-authority";
export const PBOC_UNIT = { currency: "CNY", scale: 8 } as const;

/** One published cell: a month, the line it belongs to and where it was read. */
export interface PbocCell {
  period: string;
  label: string;
  value: number;
  file: string;
  row: number;
  column?: string;
}

const TOLERANCE = 0.1;

function position(
  line: PbocLine,
  cell: PbocCell,
  role: Position["kind"],
  parent: string | undefined,
): Position {
  const foreign = line.currency === null ? null : line.currency !== "CNY";
  return {
    item: line.key,
    label: { zh: chinesePart(cell.label) || cell.label, en: line.en },
    side: line.side,
    kind: role,
    ...(parent ? { parent } : {}),
    ...(line.instrument ? { instrument: line.instrument } : {}),
    currency: line.currency === "foreign" ? null : line.currency,
    foreign,
    maturity: line.maturity,
    maturityBasis: "original",
    counterparty: [...line.counterparty],
    interestBearing: line.interestBearing,
    value: cell.value,
    source: {
      dataset: PBOC_DATASET,
      file: cell.file,
      row: cell.row,
      ...(cell.column ? { column: cell.column } : {}),
    },
  };
}

/**
 * Resolves how the deposit lines nest in one month. The layout changed four times: 2000-01 and
 * 2006-10 nest deposits of other depository and other financial corporations under deposits of
 * financial corporations; 2002-05 split that subtotal by bank type instead and print a line
 * "其他存款性公司存款" that fits neither; from 2011 the deposits of other depository corporations
 * sit directly under reserve money. The structure is read from the numbers, and a line that does
 * not add up is kept as a memo with a note, never dropped or forced.
 */
function resolveDeposits(positions: Position[], notes: QualityNote[]): void {
  const byKey = new Map(positions.map((p) => [p.item, p]));
  const parent = byKey.get("deposits_of_financial_corporations");
  const children = ["deposits_of_other_depository_corporations", "deposits_of_other_financial_corporations"]
    .map((k) => byKey.get(k))
    .filter((p): p is Position => p !== undefined);
  if (!parent) {
    for (const child of children) child.parent = "reserve_money";
    return;
  }
  const childSum = roundSum(children.reduce((a, p) => a + p.value, 0));
  if (children.length > 0 && Math.abs(childSum - parent.value) <= TOLERANCE) return;
  parent.kind = "item";
  for (const child of children) {
    child.kind = "memo";
    notes.push({
      item: child.item,
      message: `${child.label.zh} ${child.value} does not add up to ${parent.label.zh} ${parent.value} in this layout; kept as a memo line`,
      difference: roundSum(child.value - parent.value),
    });
  }
}

/** Builds the sheets of every month from published cells, mapping each label onto the model. */
export function buildPbocSheets(cells: readonly PbocCell[]): BalanceSheet[] {
  const byPeriod = new Map<string, PbocCell[]>();
  for (const cell of cells) {
    const list = byPeriod.get(cell.period) ?? [];
    list.push(cell);
    byPeriod.set(cell.period, list);
  }
  const sheets: BalanceSheet[] = [];
  for (const [period, list] of [...byPeriod].sort(([a], [b]) => a.localeCompare(b))) {
    const positions: Position[] = [];
    const notes: QualityNote[] = [];
    let lastLine: PbocLine | undefined;
    for (const cell of list) {
      if (cell.label.trim() === "") {
        // Rows 33 of the 2002-04 sheets carry a value but no label, under government deposits.
        notes.push({
          item: `row ${cell.row}`,
          message: `unlabelled row ${cell.row} (${cell.value}) after ${lastLine?.zh.source ?? "the start"}; not added to any total`,
        });
        continue;
      }
      const line = lineForLabel(cell.label);
      if (!line) {
        throw new DataError(
          `${cell.file}: row ${cell.row}: unknown PBoC item label ${JSON.stringify(cell.label)} (${period}); add it to src/io/pboc/item-map.ts`,
          {
            place: { file: cell.file, row: cell.row },
          },
        );
      }
      if (positions.some((p) => p.item === line.key)) {
        throw new DataError(`${cell.file}: row ${cell.row}: duplicate position ${line.key} for ${period}`, {
          place: { file: cell.file, row: cell.row },
        });
      }
      lastLine = line;
      positions.push(position(line, cell, line.role, line.parent));
    }
    resolveDeposits(positions, notes);
    sheets.push({ entity: "pboc", date: period, unit: { ...PBOC_UNIT }, positions, notes });
  }
  return sheets;
}

/** Reads the bundled long file: `period,source_file,row,item_label,value`, one row per published cell. */
export function readPbocLongCsv(text: string, fileName: string): PbocCell[] {
  const rows = parseCsv(text, { fileName });
  const header = rows[0] ?? [];
  const want = ["period", "source_file", "row", "item_label", "value"];
  const missing = want.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new DataError(messages.missingColumn(fileName, missing.join(", "), header));
  const col = Object.fromEntries(want.map((c) => [c, header.indexOf(c)])) as Record<string, number>;
  const cells: PbocCell[] = [];
  rows.slice(1).forEach((r, i) => {
    if (r.length === 1 && r[0] === "") return;
    const value = parseNumberCell(r[col.value!]);
    if (value === undefined)
      throw new DataError(
        messages.notANumber({ file: fileName, row: i + 2, column: "value" }, r[col.value!] ?? ""),
      );
    if (value === null) return;
    const period = r[col.period!] ?? "";
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period))
      throw new DataError(
        `${fileName}: row ${i + 2}, column period: invalid month ${JSON.stringify(period)} (expected YYYY-MM)`,
      );
    cells.push({
      period,
      label: r[col.item_label!] ?? "",
      value,
      file: `data/${PBOC_DATASET}/${r[col.source_file!]}`,
      row: Number(r[col.row!]),
    });
  });
  return cells;
}

/**
 * Reads the TWK2022 extract of the same table (`month,外汇,货币黄金,...,总负债`, months as `2021/1`).
 * Each value's source is this CSV's row and column. Only months in `[from, to]` are kept.
 */
export function readPbocWideCsv(
  text: string,
  fileName: string,
  from = "0000-00",
  to = "9999-99",
): PbocCell[] {
  const rows = parseCsv(text, { fileName });
  const header = rows[0] ?? [];
  if (header[0] !== "month") throw new DataError(messages.missingColumn(fileName, "month", header));
  const cells: PbocCell[] = [];
  rows.slice(1).forEach((r, i) => {
    const m = /^(\d{4})\/(\d{1,2})$/.exec(r[0] ?? "");
    if (!m)
      throw new DataError(
        `${fileName}: row ${i + 2}, column month: invalid month ${JSON.stringify(r[0])} (expected YYYY/M)`,
      );
    const period = `${m[1]}-${m[2]!.padStart(2, "0")}`;
    if (period < from || period > to) return;
    header.slice(1).forEach((label, j) => {
      const value = parseNumberCell(r[j + 1]);
      if (value === undefined)
        throw new DataError(
          messages.notANumber({ file: fileName, row: i + 2, column: label }, r[j + 1] ?? ""),
        );
      if (value !== null) cells.push({ period, label, value, file: fileName, row: i + 2, column: label });
    });
  });
  return cells;
}
