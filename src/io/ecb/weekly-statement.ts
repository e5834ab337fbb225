import { DataError } from "../../errors.ts";
import type { BalanceSheet } from "../../model/balance-sheet.ts";
import type { InstrumentCode } from "../../model/instruments.ts";
import type { Maturity, Position, Side, SourceRef } from "../../model/position.ts";
import type { SectorCode } from "../../model/sectors.ts";
import type { Series } from "../../model/series.ts";
import { checkSheet } from "../../model/validate.ts";
import { parseCsv, parseNumberCell } from "../csv/parse-csv.ts";

export const ECB_WFS_DATASET = "eurosystem-weekly-statements";

/**
 * A line of the consolidated weekly financial statement of the Eurosystem, by its item number
 * (Guideline (EU) 2016/2249 Annexes IV-VI; the numbering has been stable since 1999). Labels are
 * the English ones, whatever the language of the page the value was read from.
 */
interface WfsLine {
  en: string;
  instrument?: InstrumentCode;
  counterparty?: SectorCode[];
  /** `EUR`, `XAU`, `foreign` (any other currency), or null. */
  currency?: "EUR" | "XAU" | "foreign" | null;
  interestBearing?: boolean | null;
  maturity?: Maturity;
  side?: Side;
}

const CI: SectorCode[] = ["S.122"];
const A: Record<string, WfsLine> = {
  "1": { en: "Gold and gold receivables", instrument: "AF.11", currency: "XAU", interestBearing: false },
  "2": {
    en: "Claims on non-euro area residents denominated in foreign currency",
    currency: "foreign",
    counterparty: ["S.2"],
  },
  "2.1": {
    en: "Receivables from the IMF",
    instrument: "AF.12",
    currency: "foreign",
    counterparty: ["S.2"],
    interestBearing: true,
  },
  "2.2": {
    en: "Balances with banks and security investments, external loans and other external assets",
    instrument: "AF.2",
    currency: "foreign",
    counterparty: ["S.2"],
    interestBearing: true,
  },
  "3": {
    en: "Claims on euro area residents denominated in foreign currency",
    instrument: "AF.2",
    currency: "foreign",
    counterparty: ["S.1"],
    interestBearing: true,
  },
  "4": { en: "Claims on non-euro area residents denominated in euro", counterparty: ["S.2"] },
  "4.1": {
    en: "Balances with banks, security investments and loans",
    instrument: "AF.2",
    counterparty: ["S.2"],
    interestBearing: true,
  },
  "4.2": {
    en: "Claims arising from the credit facility under ERM II",
    instrument: "AF.4",
    counterparty: ["S.2"],
    interestBearing: true,
    maturity: "short",
  },
  "5": {
    en: "Lending to euro area credit institutions related to monetary policy operations denominated in euro",
    counterparty: CI,
  },
  "5.1": {
    en: "Main refinancing operations",
    instrument: "AF.41",
    counterparty: CI,
    interestBearing: true,
    maturity: "short",
  },
  "5.2": {
    en: "Longer-term refinancing operations",
    instrument: "AF.4",
    counterparty: CI,
    interestBearing: true,
  },
  "5.3": {
    en: "Fine-tuning reverse operations",
    instrument: "AF.41",
    counterparty: CI,
    interestBearing: true,
    maturity: "short",
  },
  "5.4": { en: "Structural reverse operations", instrument: "AF.4", counterparty: CI, interestBearing: true },
  "5.5": {
    en: "Marginal lending facility",
    instrument: "AF.41",
    counterparty: CI,
    interestBearing: true,
    maturity: "short",
  },
  "5.6": { en: "Credits related to margin calls", instrument: "AF.41", counterparty: CI, maturity: "short" },
  "6": {
    en: "Other claims on euro area credit institutions denominated in euro",
    instrument: "AF.4",
    counterparty: CI,
  },
  "7": {
    en: "Securities of euro area residents denominated in euro",
    instrument: "AF.3",
    interestBearing: true,
  },
  "7.1": { en: "Securities held for monetary policy purposes", instrument: "AF.3", interestBearing: true },
  "7.2": { en: "Other securities", instrument: "AF.3", interestBearing: true },
  "8": {
    en: "General government debt denominated in euro",
    instrument: "AF.4",
    counterparty: ["S.13"],
    interestBearing: true,
  },
  "9": { en: "Other assets", instrument: "AF.8", currency: null },
  total: { en: "Total assets" },
};
const L: Record<string, WfsLine> = {
  "1": {
    en: "Banknotes in circulation",
    instrument: "AF.21",
    counterparty: ["S.1"],
    interestBearing: false,
    maturity: "short",
  },
  "2": {
    en: "Liabilities to euro area credit institutions related to monetary policy operations denominated in euro",
    instrument: "AF.22",
    counterparty: CI,
    maturity: "short",
  },
  "2.1": {
    en: "Current accounts (covering the minimum reserve system)",
    instrument: "AF.22",
    counterparty: CI,
    maturity: "short",
  },
  "2.2": {
    en: "Deposit facility",
    instrument: "AF.22",
    counterparty: CI,
    interestBearing: true,
    maturity: "short",
  },
  "2.3": {
    en: "Fixed-term deposits",
    instrument: "AF.29",
    counterparty: CI,
    interestBearing: true,
    maturity: "short",
  },
  "2.4": {
    en: "Fine-tuning reverse operations",
    instrument: "AF.29",
    counterparty: CI,
    interestBearing: true,
    maturity: "short",
  },
  "2.5": { en: "Deposits related to margin calls", instrument: "AF.22", counterparty: CI, maturity: "short" },
  "3": {
    en: "Other liabilities to euro area credit institutions denominated in euro",
    instrument: "AF.22",
    counterparty: CI,
  },
  "4": { en: "Debt certificates issued", instrument: "AF.31", interestBearing: true, maturity: "short" },
  "5": { en: "Liabilities to other euro area residents denominated in euro", instrument: "AF.22" },
  "5.1": { en: "General government", instrument: "AF.22", counterparty: ["S.13"] },
  "5.2": { en: "Other liabilities", instrument: "AF.22" },
  "6": {
    en: "Liabilities to non-euro area residents denominated in euro",
    instrument: "AF.22",
    counterparty: ["S.2"],
  },
  "7": {
    en: "Liabilities to euro area residents denominated in foreign currency",
    instrument: "AF.22",
    currency: "foreign",
  },
  "8": {
    en: "Liabilities to non-euro area residents denominated in foreign currency",
    currency: "foreign",
    counterparty: ["S.2"],
  },
  "8.1": {
    en: "Deposits, balances and other liabilities",
    instrument: "AF.22",
    currency: "foreign",
    counterparty: ["S.2"],
  },
  "8.2": {
    en: "Liabilities arising from the credit facility under ERM II",
    instrument: "AF.4",
    currency: "foreign",
    counterparty: ["S.2"],
  },
  "9": {
    en: "Counterpart of special drawing rights allocated by the IMF",
    instrument: "AF.12",
    currency: "foreign",
    counterparty: ["S.2"],
  },
  "10": { en: "Other liabilities", instrument: "AF.8", currency: null },
  "11": { en: "Revaluation accounts", instrument: "AF.519", side: "equity", interestBearing: false },
  "12": { en: "Capital and reserves", instrument: "AF.519", side: "equity", interestBearing: false },
  total: { en: "Total liabilities" },
};

const itemKey = (side: "asset" | "liability", no: string) =>
  no === "total"
    ? side === "asset"
      ? "total_assets"
      : "total_liabilities"
    : `${side === "asset" ? "A" : "L"}${no}`;

/**
 * The model line of statement item `no` on `side` (`"5.2"`, `"total"`), or undefined: a builder of
 * its position for a value and source. Used by the statement reader and the ILM (Data Portal) reader.
 */
export function wfsLine(
  side: "asset" | "liability",
  no: string,
): { position(value: number, source: SourceRef): Position } | undefined {
  const table = side === "asset" ? A : L;
  if (!Object.hasOwn(table, no)) return undefined;
  const l = table[no]!;
  const currency = l.currency === undefined ? "EUR" : l.currency;
  const parent = no.includes(".") ? itemKey(side, no.split(".")[0]!) : undefined;
  return {
    position: (value, source) => ({
      item: itemKey(side, no),
      label: { en: l.en },
      code: no === "total" ? "total" : `${side === "asset" ? "A" : "L"}${no}`,
      side: l.side ?? side,
      kind: no === "total" ? "total" : "item",
      ...(parent ? { parent } : {}),
      ...(l.instrument && no !== "total" ? { instrument: l.instrument } : {}),
      currency: currency === "foreign" ? null : currency,
      foreign: currency === null ? null : currency !== "EUR",
      maturity: l.maturity ?? "unknown",
      maturityBasis: "original",
      counterparty: [...(l.counterparty ?? [])],
      interestBearing: l.interestBearing ?? null,
      value,
      source,
    }),
  };
}

export interface WfsRead {
  /** TABLE rows, one (mostly partial) sheet per statement date. */
  sheets: BalanceSheet[];
  /** TEXT rows (commentary figures, EUR bn x 1000): left to the text-figures file, which holds them all. */
  textRows: { date: string; key: string; valueEurMn: number; row: number }[];
}

/**
 * Reads `eurosystem_wfs_long.csv` (`date,side,item_no,item,value_eur_mn,source_url,note`). Rows whose
 * note starts `TABLE` are printed table values (EUR millions) and become lines of `ecb` sheets, each
 * with file, row and page URL; an item with printed sub-items (2.1, 2.2 under 2) is their subtotal.
 * The stored pages were cut off part-way, so most dates lack liabilities or the total: each such
 * sheet has a `coverage` note "partial: ..." quoting where the excerpt ended. Differences of the
 * ECB's own rounding ("Totals/sub-totals may not add up, due to rounding") are noted, not fixed.
 * Rows whose note starts `TEXT` (commentary figures) are returned apart in `textRows`.
 *
 * @example readEurosystemStatements(text, "data/eurosystem-weekly-statements/eurosystem_wfs_long.csv").sheets[0].date // "2009-01-01"
 */
export function readEurosystemStatements(text: string, file: string, dataset = ECB_WFS_DATASET): WfsRead {
  const rows = parseCsv(text, { fileName: file });
  const header = (rows[0] ?? []).map((h) => h.trim());
  const cols = ["date", "side", "item_no", "item", "value_eur_mn", "source_url", "note"];
  const missing = cols.filter((c) => !header.includes(c));
  if (missing.length > 0)
    throw new DataError(`${file}: row 1: missing column(s) ${missing.join(", ")}`, {
      place: { file, row: 1 },
    });
  const col = (n: string) => header.indexOf(n);
  const sheets = new Map<string, BalanceSheet & { excerpt: string }>();
  const textRows: WfsRead["textRows"] = [];
  rows.slice(1).forEach((r, i) => {
    const row = i + 2;
    if (r.length === 1 && r[0]!.trim() === "") return;
    const cell = (n: string) => (r[col(n)] ?? "").trim();
    const fail = (column: string, why: string): never => {
      throw new DataError(`${file}: row ${row}, column ${column}: ${why}`, { place: { file, row, column } });
    };
    const date = cell("date");
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) fail("date", `invalid date ${JSON.stringify(date)}`);
    const side = cell("side");
    if (side !== "asset" && side !== "liability")
      fail("side", `invalid side ${JSON.stringify(side)} (expected asset|liability)`);
    const no = cell("item_no");
    const line = (side === "asset" ? A : L)[no];
    if (!line || !Object.hasOwn(side === "asset" ? A : L, no))
      fail(
        "item_no",
        `unknown ${side} item ${JSON.stringify(no)} of the Eurosystem statement; add it to src/io/ecb/weekly-statement.ts`,
      );
    const value = parseNumberCell(cell("value_eur_mn"));
    if (value === undefined || value === null)
      fail("value_eur_mn", `not a number: ${JSON.stringify(cell("value_eur_mn"))}`);
    const note = cell("note");
    if (note.startsWith("TEXT")) {
      textRows.push({ date, key: `${side === "asset" ? "A" : "L"}${no}`, valueEurMn: value!, row });
      return;
    }
    if (!note.startsWith("TABLE"))
      fail("note", `expected TABLE or TEXT at the start, found ${JSON.stringify(note.slice(0, 20))}`);
    const sheet =
      sheets.get(date) ??
      ({
        entity: "ecb",
        date,
        unit: { currency: "EUR", scale: 6 },
        positions: [],
        notes: [],
        excerpt: note,
      } as BalanceSheet & {
        excerpt: string;
      });
    sheets.set(date, sheet);
    sheet.positions.push(
      wfsLine(side as "asset", no)!.position(value!, {
        dataset,
        file,
        row,
        column: "value_eur_mn",
        url: cell("source_url"),
      }),
    );
  });
  const out: BalanceSheet[] = [];
  for (const { excerpt, ...sheet } of [...sheets.values()].sort((a, b) => a.date.localeCompare(b.date))) {
    // A line with printed sub-items is their subtotal.
    for (const p of sheet.positions)
      if (sheet.positions.some((q) => q.parent === p.item)) p.kind = "subtotal";
    const hasTotals = ["asset", "liability"].every((s) =>
      sheet.positions.some((p) => p.kind === "total" && (p.side === "asset") === (s === "asset")),
    );
    const where = /excerpt ends [^;]*?(?=\.\s|\.$|;|$)/.exec(excerpt)?.[0] ?? "excerpt incomplete";
    if (!hasTotals)
      sheet.notes.push({
        item: "coverage",
        message: `partial: the stored copy of the statement was cut off (${where}); lines not printed there are missing, not zero`,
      });
    const kind = /OPENING|opening/.test(excerpt)
      ? "opening statement (includes the new member's central bank)"
      : "";
    if (kind) sheet.notes.push({ item: "statement", message: kind });
    for (const c of checkSheet(sheet, { absolute: 0 }))
      if (!c.ok && c.check !== "identity")
        sheet.notes.push({
          item: c.item,
          message: `printed ${c.published} vs its lines ${c.computed} (the ECB: totals may not add up, due to rounding)`,
          difference: c.difference,
        });
    out.push(sheet);
  }
  return { sheets: out, textRows };
}

/**
 * Reads `eurosystem_wfs_text_figures.csv` (`date,item_no,item,value_eur_bn,quote,source_url,note`):
 * figures quoted in the releases' commentary, EUR billions to one decimal, including aggregates the
 * table does not print (net foreign-currency position A2+A3-L7-L8-L9, net lending, base money).
 * One series per item number, `ECB/WFS_TEXT/<item_no>` of entity `ecb`, in EUR billions (scale 9);
 * names say they are commentary figures (precision +/- EUR 0.05 bn), not table values.
 *
 * @example readEurosystemTextFigures(text, "data/eurosystem-weekly-statements/eurosystem_wfs_text_figures.csv", { vintage: "2026-12-01" })
 */
export function readEurosystemTextFigures(
  text: string,
  file: string,
  options: { dataset?: string; vintage: string },
): Series[] {
  const rows = parseCsv(text, { fileName: file });
  const header = (rows[0] ?? []).map((h) => h.trim());
  const col = (n: string) => header.indexOf(n);
  for (const c of ["date", "item_no", "item", "value_eur_bn"])
    if (col(c) < 0) throw new DataError(`${file}: row 1: missing column ${c}`, { place: { file, row: 1 } });
  const byKey = new Map<string, Series>();
  rows.slice(1).forEach((r, i) => {
    const row = i + 2;
    if (r.length === 1 && r[0]!.trim() === "") return;
    const cell = (n: string) => (r[col(n)] ?? "").trim();
    const date = cell("date");
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
      throw new DataError(`${file}: row ${row}, column date: invalid date ${JSON.stringify(date)}`, {
        place: { file, row, column: "date" },
      });
    const value = parseNumberCell(cell("value_eur_bn"));
    if (value === undefined || value === null)
      throw new DataError(
        `${file}: row ${row}, column value_eur_bn: not a number: ${JSON.stringify(cell("value_eur_bn"))}`,
        {
          place: { file, row, column: "value_eur_bn" },
        },
      );
    const key = cell("item_no");
    const s = byKey.get(key) ?? {
      id: `ECB/WFS_TEXT/${key}`,
      entity: "ecb",
      name: `${cell("item")} (weekly statement commentary, EUR bn to 0.1 bn; not a table value)`,
      frequency: "W" as const,
      unit: "EUR",
      scale: 9,
      dataset: options.dataset ?? ECB_WFS_DATASET,
      file,
      vintage: options.vintage,
      observations: [],
    };
    byKey.set(key, s);
    if (s.observations.some((o) => o.date === date))
      throw new DataError(`${file}: row ${row}, column date: ${key} printed twice for ${date}`, {
        place: { file, row, column: "date" },
      });
    s.observations.push({ date, value });
  });
  return [...byKey.values()].map((s) => ({
    ...s,
    observations: s.observations.sort((a, b) => a.date.localeCompare(b.date)),
  }));
}
