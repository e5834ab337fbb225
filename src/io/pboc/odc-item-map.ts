import { DataError } from "../../errors.ts";
import type { BalanceSheet, QualityNote } from "../../model/balance-sheet.ts";
import type { Maturity, Position } from "../../model/position.ts";
import type { Unit } from "../../model/units.ts";
import { parseCsv, parseNumberCell } from "../csv/parse-csv.ts";
import { ioMessages } from "../messages.ts";
import type { PbocLine } from "./item-map.ts";
import { chinesePart } from "./item-map.ts";
import type { PbocCell } from "./monetary-authority.ts";

/**
 * The PBoC "Balance Sheet of Other Depository Corporations" (其他存款性公司资产负债表, 2006-) line by
 * line, read onto the model like the monetary-authority table (src/io/pboc/item-map.ts): labels are
 * matched on their Chinese part; renamed lines keep one key so a line is one series over time
 * (企业活期存款 2006-10 and 单位活期存款 2011- are both `corporate_demand_deposits`).
 *
 * The nesting is the table's own, checked on the 2006-2020 workbooks: 储备资产 = 准备金存款 + 库存现金;
 * 对非金融机构及住户负债 = 纳入广义货币的存款 + 不纳入广义货币的存款 + 其他负债存款; 纳入广义货币的存款 =
 * the three deposit lines under it; 不纳入广义货币的存款 = 可转让存款 + 其他存款. 总负债 includes
 * paid-in capital, as in the monetary-authority table.
 */
const line = (l: Omit<PbocLine, "maturity"> & { maturity?: Maturity }): PbocLine => ({
  maturity: "unknown",
  ...l,
});

const OFC = ["S.124", "S.125", "S.126", "S.127", "S.128", "S.129"] as const;

export const ODC_LINES: readonly PbocLine[] = [
  line({
    key: "foreign_assets",
    zh: /^国外资产$/,
    en: "Foreign assets",
    side: "asset",
    role: "item",
    counterparty: ["S.2"],
    currency: "foreign",
    interestBearing: null,
  }),
  line({
    key: "reserve_assets",
    zh: /^储备资产$/,
    en: "Reserve assets",
    side: "asset",
    role: "subtotal",
    counterparty: ["S.121"],
    currency: "CNY",
    interestBearing: null,
  }),
  line({
    key: "deposits_with_central_bank",
    zh: /^准备金存款$/,
    en: "Deposits with central bank",
    side: "asset",
    role: "item",
    parent: "reserve_assets",
    instrument: "AF.22",
    counterparty: ["S.121"],
    currency: "CNY",
    interestBearing: true,
    maturity: "short",
  }),
  line({
    key: "cash_in_vault",
    zh: /^库存现金$/,
    en: "Cash in vault",
    side: "asset",
    role: "item",
    parent: "reserve_assets",
    instrument: "AF.21",
    counterparty: ["S.121"],
    currency: "CNY",
    interestBearing: false,
    maturity: "short",
  }),
  line({
    key: "claims_on_government",
    zh: /^对政府债权$/,
    en: "Claims on government",
    side: "asset",
    role: "item",
    counterparty: ["S.13"],
    currency: "CNY",
    interestBearing: true,
  }),
  line({
    key: "claims_on_government_of_which_central",
    zh: /^其中[：:]中央政府$/,
    en: "Of which: central government",
    side: "asset",
    role: "memo",
    parent: "claims_on_government",
    counterparty: ["S.1311"],
    currency: "CNY",
    interestBearing: true,
  }),
  line({
    key: "central_bank_bonds",
    zh: /^央行债券$/,
    en: "Central bank bonds",
    side: "asset",
    role: "item",
    instrument: "AF.3",
    counterparty: ["S.121"],
    currency: "CNY",
    interestBearing: true,
  }),
  line({
    key: "claims_on_central_bank",
    zh: /^对中央银行债权$/,
    en: "Claims on central bank",
    side: "asset",
    role: "item",
    counterparty: ["S.121"],
    currency: "CNY",
    interestBearing: true,
  }),
  line({
    key: "claims_on_other_depository_corporations",
    zh: /^对其他存款性公司债权$/,
    en: "Claims on other depository corporations",
    side: "asset",
    role: "item",
    counterparty: ["S.122"],
    currency: null,
    interestBearing: true,
  }),
  line({
    key: "claims_on_other_financial_corporations",
    zh: /^对其他金融(性公司|机构)债权$/,
    en: "Claims on other financial corporations",
    side: "asset",
    role: "item",
    counterparty: [...OFC],
    currency: null,
    interestBearing: true,
  }),
  line({
    key: "claims_on_non_financial_corporations",
    zh: /^对非金融(性公司|机构)债权$/,
    en: "Claims on non-financial corporations",
    side: "asset",
    role: "item",
    counterparty: ["S.11"],
    currency: null,
    interestBearing: true,
  }),
  line({
    key: "claims_on_other_resident_sectors",
    zh: /^对其他居民部门债权$/,
    en: "Claims on other resident sectors",
    side: "asset",
    role: "item",
    instrument: "AF.4",
    counterparty: ["S.14", "S.15"],
    currency: null,
    interestBearing: true,
  }),
  line({
    key: "other_assets",
    zh: /^其他资产$/,
    en: "Other assets",
    side: "asset",
    role: "item",
    counterparty: [],
    currency: null,
    interestBearing: null,
  }),
  line({
    key: "total_assets",
    zh: /^总资产$/,
    en: "Total assets",
    side: "asset",
    role: "total",
    counterparty: [],
    currency: null,
    interestBearing: null,
  }),
  line({
    key: "liabilities_to_non_financial_sector",
    zh: /^对非金融机构及住户负债$/,
    en: "Liabilities to non-financial institutions and households",
    side: "liability",
    role: "subtotal",
    counterparty: ["S.11", "S.14", "S.15"],
    currency: null,
    interestBearing: true,
  }),
  line({
    key: "deposits_in_broad_money",
    zh: /^纳入广义货币的存款$/,
    en: "Deposits included in broad money",
    side: "liability",
    role: "subtotal",
    parent: "liabilities_to_non_financial_sector",
    instrument: "AF.2",
    counterparty: ["S.11", "S.14", "S.15"],
    currency: null,
    interestBearing: true,
  }),
  line({
    key: "corporate_demand_deposits",
    zh: /^(企业|单位)活期存款$/,
    en: "Corporate demand deposits",
    side: "liability",
    role: "item",
    parent: "deposits_in_broad_money",
    instrument: "AF.22",
    counterparty: ["S.11"],
    currency: null,
    interestBearing: true,
    maturity: "short",
  }),
  line({
    key: "corporate_time_deposits",
    zh: /^(企业|单位)定期存款$/,
    en: "Corporate time deposits",
    side: "liability",
    role: "item",
    parent: "deposits_in_broad_money",
    instrument: "AF.29",
    counterparty: ["S.11"],
    currency: null,
    interestBearing: true,
  }),
  line({
    key: "household_deposits",
    zh: /^(居民储蓄存款|个人存款)$/,
    en: "Household (personal/saving) deposits",
    side: "liability",
    role: "item",
    parent: "deposits_in_broad_money",
    instrument: "AF.29",
    counterparty: ["S.14"],
    currency: null,
    interestBearing: true,
  }),
  line({
    key: "deposits_excluded_from_broad_money",
    zh: /^不纳入广义货币的存款$/,
    en: "Deposits excluded from broad money",
    side: "liability",
    role: "subtotal",
    parent: "liabilities_to_non_financial_sector",
    instrument: "AF.2",
    counterparty: ["S.11", "S.14", "S.15"],
    currency: null,
    interestBearing: true,
  }),
  line({
    key: "transferable_deposits",
    zh: /^可转让存款$/,
    en: "Transferable deposits",
    side: "liability",
    role: "item",
    parent: "deposits_excluded_from_broad_money",
    instrument: "AF.22",
    counterparty: ["S.11", "S.14", "S.15"],
    currency: null,
    interestBearing: true,
    maturity: "short",
  }),
  line({
    key: "other_deposits",
    zh: /^其他存款$/,
    en: "Other deposits",
    side: "liability",
    role: "item",
    parent: "deposits_excluded_from_broad_money",
    instrument: "AF.29",
    counterparty: ["S.11", "S.14", "S.15"],
    currency: null,
    interestBearing: true,
  }),
  line({
    key: "deposits_in_other_liabilities",
    zh: /^其他负债存款$/,
    en: "Deposits in other liabilities",
    side: "liability",
    role: "item",
    parent: "liabilities_to_non_financial_sector",
    instrument: "AF.29",
    counterparty: ["S.11", "S.14", "S.15"],
    currency: null,
    interestBearing: true,
  }),
  line({
    key: "liabilities_to_central_bank",
    zh: /^对中央银行负债$/,
    en: "Liabilities to central bank",
    side: "liability",
    role: "item",
    counterparty: ["S.121"],
    currency: "CNY",
    interestBearing: true,
  }),
  line({
    key: "liabilities_to_other_depository_corporations",
    zh: /^对其他存款性公司负债$/,
    en: "Liabilities to other depository corporations",
    side: "liability",
    role: "item",
    counterparty: ["S.122"],
    currency: null,
    interestBearing: true,
  }),
  line({
    key: "liabilities_to_other_financial_corporations",
    zh: /^对其他金融性公司负债$/,
    en: "Liabilities to other financial corporations",
    side: "liability",
    role: "item",
    counterparty: [...OFC],
    currency: null,
    interestBearing: true,
  }),
  line({
    key: "liabilities_to_ofc_of_which_broad_money",
    zh: /^其中[：:]计入广义货币的存款$/,
    en: "Of which: deposits included in broad money",
    side: "liability",
    role: "memo",
    parent: "liabilities_to_other_financial_corporations",
    instrument: "AF.2",
    counterparty: [...OFC],
    currency: null,
    interestBearing: true,
  }),
  line({
    key: "foreign_liabilities",
    zh: /^国外负债$/,
    en: "Foreign liabilities",
    side: "liability",
    role: "item",
    counterparty: ["S.2"],
    currency: "foreign",
    interestBearing: true,
  }),
  line({
    key: "bond_issue",
    zh: /^债券发行$/,
    en: "Bond issue",
    side: "liability",
    role: "item",
    instrument: "AF.3",
    counterparty: [],
    currency: null,
    interestBearing: true,
  }),
  line({
    key: "paid_in_capital",
    zh: /^实收资本$/,
    en: "Paid-in capital",
    side: "equity",
    role: "item",
    instrument: "AF.51",
    counterparty: [],
    currency: "CNY",
    interestBearing: false,
  }),
  line({
    key: "other_liabilities",
    zh: /^其他负债$/,
    en: "Other liabilities",
    side: "liability",
    role: "item",
    counterparty: [],
    currency: null,
    interestBearing: null,
  }),
  line({
    key: "total_liabilities",
    zh: /^总负债$/,
    en: "Total liabilities",
    side: "liability",
    role: "total",
    counterparty: [],
    currency: null,
    interestBearing: null,
  }),
];

/** The ODC line a label maps to, or undefined for an unknown label. */
export function odcLineForLabel(label: string): PbocLine | undefined {
  const zh = chinesePart(label).replace(/[\u3000]/g, "");
  return ODC_LINES.find((l) => l.zh.test(zh));
}

function odcPosition(line: PbocLine, cell: PbocCell, dataset: string): Position {
  return {
    item: line.key,
    label: { zh: chinesePart(cell.label) || cell.label, en: line.en },
    side: line.side,
    kind: line.role,
    ...(line.parent ? { parent: line.parent } : {}),
    ...(line.instrument ? { instrument: line.instrument } : {}),
    currency: line.currency === "foreign" ? null : line.currency,
    foreign: line.currency === null ? null : line.currency !== "CNY",
    maturity: line.maturity,
    maturityBasis: "original",
    counterparty: [...line.counterparty],
    interestBearing: line.interestBearing,
    value: cell.value,
    source: { dataset, file: cell.file, row: cell.row, ...(cell.column ? { column: cell.column } : {}) },
  };
}

/**
 * Builds the monthly sheets of the other depository corporations from published cells, mapping each
 * label with {@link ODC_LINES}. An unknown label or a line printed twice in one month is an error
 * naming the cell; nothing is guessed.
 */
export function buildOdcSheets(
  cells: readonly PbocCell[],
  entity = "pboc-odc",
  unit: Unit = { currency: "CNY", scale: 8 },
  dataset = ODC_DATASET,
): BalanceSheet[] {
  const byPeriod = new Map<string, PbocCell[]>();
  for (const cell of cells) byPeriod.set(cell.period, [...(byPeriod.get(cell.period) ?? []), cell]);
  const sheets: BalanceSheet[] = [];
  for (const [period, list] of [...byPeriod].sort(([a], [b]) => a.localeCompare(b))) {
    const positions: Position[] = [];
    const notes: QualityNote[] = [];
    for (const cell of list) {
      const place = { file: cell.file, row: cell.row, ...(cell.column ? { column: cell.column } : {}) };
      const line = odcLineForLabel(cell.label);
      if (!line)
        throw new DataError(
          ioMessages.unknownPbocLabel(place, cell.label, "PBoC other-depository-corporations"),
          {
            place,
          },
        );
      if (positions.some((p) => p.item === line.key))
        throw new DataError(ioMessages.duplicate(place, `line ${line.key} for ${period}`), { place });
      positions.push(odcPosition(line, cell, dataset));
    }
    sheets.push({ entity, date: period, unit: { ...unit }, positions, notes });
  }
  return sheets;
}

export const ODC_DATASET = "pboc-other-depository-corporations";

/**
 * Reads the TWK2022 extract of the ODC table (`month,国外资产,储备资产,...,总负债`, months `2021/1`).
 * The extract prints "其他负债" twice: the first is the deposit line 其他负债存款 (it sits between
 * 其他存款 and 对中央银行负债, as in the workbooks); the second is meant to be other liabilities but
 * repeats the first in every month checked against the workbooks. When the two are equal the second
 * is left out with a quality note, so the sheet's failed side-total shows the missing amount.
 */
export function readOdcWideCsv(
  text: string,
  file: string,
  entity = "pboc-odc",
  dataset = ODC_DATASET,
): BalanceSheet[] {
  const rows = parseCsv(text, { fileName: file });
  const header = (rows[0] ?? []).map((h) => h.trim());
  if (header[0] !== "month")
    throw new DataError(ioMessages.missingColumns(file, ["month"], header), { place: { file, row: 1 } });
  const labels = header.map((h, i) =>
    h === "其他负债" && header.indexOf("其他负债", i + 1) > i ? "其他负债存款" : h,
  );
  const firstOther = labels.indexOf("其他负债存款");
  const lastOther = header.lastIndexOf("其他负债");
  const cells: PbocCell[] = [];
  const repeated = new Set<string>();
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.length === 1 && row[0]!.trim() === "") continue;
    const m = /^(\d{4})\/(\d{1,2})$/.exec((row[0] ?? "").trim());
    if (!m)
      throw new DataError(
        ioMessages.badPeriod({ file, row: r + 1, column: "month" }, row[0] ?? "", "YYYY/M"),
        {
          place: { file, row: r + 1, column: "month" },
        },
      );
    if (row.length < header.length)
      throw new DataError(ioMessages.truncatedRow({ file, row: r + 1 }, row.length, header.length), {
        place: { file, row: r + 1 },
      });
    const period = `${m[1]}-${m[2]!.padStart(2, "0")}`;
    for (let c = 1; c < header.length; c++) {
      const place = { file, row: r + 1, column: header[c]! };
      const value = parseNumberCell(row[c]);
      if (value === undefined) throw new DataError(ioMessages.notANumber(place, row[c] ?? ""), { place });
      if (value === null) continue;
      if (c === lastOther && firstOther >= 0 && row[firstOther] === row[c]) {
        repeated.add(period);
        continue;
      }
      cells.push({ period, label: labels[c]!, value, file, row: r + 1, column: header[c]! });
    }
  }
  const sheets = buildOdcSheets(cells, entity, { currency: "CNY", scale: 8 }, dataset);
  for (const s of sheets)
    if (repeated.has(s.date))
      s.notes.push({
        item: "other_liabilities",
        message:
          "the extract's second 其他负债 column repeats 其他负债存款; other liabilities left out (total liabilities is as published)",
      });
  return sheets;
}
