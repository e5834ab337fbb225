import { DataError } from "../../errors.ts";
import type { BalanceSheet } from "../../model/balance-sheet.ts";
import type { InstrumentCode } from "../../model/instruments.ts";
import type { LineKind, Maturity, Side } from "../../model/position.ts";
import type { SectorCode } from "../../model/sectors.ts";
import { checkSheet } from "../../model/validate.ts";
import { parseCsv, parseNumberCell } from "../csv/parse-csv.ts";

export const BOJ_ACCOUNTS_DATASET = "boj-accounts";

/** Header of the BoJ Accounts long CSVs (`boj_accounts_long.csv`, `boj_accounts_long_mirrors.csv`). */
export const BOJ_ACCOUNTS_COLUMNS = [
  "date",
  "side",
  "item",
  "value_thousand_yen",
  "source_url",
  "note",
] as const;

interface BojLine {
  key: string;
  side: Side;
  kind?: LineKind;
  parent?: string;
  instrument?: InstrumentCode;
  counterparty?: SectorCode[];
  /** `JPY` domestic, `XAU` gold, `foreign` a foreign currency, null unknown. */
  currency?: "JPY" | "XAU" | "foreign" | null;
  interestBearing?: boolean | null;
  maturity?: Maturity;
}

const GOV: SectorCode[] = ["S.1311"];
const jgs = { side: "asset", instrument: "AF.3", counterparty: GOV, interestBearing: true } as const;
const longJgb = {
  side: "asset",
  parent: "jgs",
  instrument: "AF.32",
  counterparty: GOV,
  interestBearing: true,
  maturity: "long",
} as const;
const bills = { ...longJgb, instrument: "AF.31", maturity: "short" } as const;

/**
 * Every line the Bank of Japan Accounts (営業毎旬報告) print, 2006-2024, by the English label (the
 * Japanese-only releases carry the label of the English release of the same period). "of which"
 * lines under government securities are the parts of that line (their sum equals it on every date);
 * the pooled-collateral loans and the stocks-purchased total are memo lines. Whether current
 * deposits bear interest is not printed on the statement, so it is left unknown.
 */
const LINES = new Map<string, BojLine>(
  (
    [
      [
        "asset|Gold",
        { key: "gold", side: "asset", instrument: "AF.11", currency: "XAU", interestBearing: false },
      ],
      [
        "asset|Cash",
        { key: "cash", side: "asset", instrument: "AF.21", interestBearing: false, maturity: "short" },
      ],
      [
        "asset|Receivables under resale agreements",
        {
          key: "resale_agreements",
          side: "asset",
          instrument: "AF.4",
          counterparty: ["S.12"],
          interestBearing: true,
          maturity: "short",
        },
      ],
      [
        "asset|Bills purchased",
        {
          key: "bills_purchased",
          side: "asset",
          instrument: "AF.4",
          counterparty: ["S.12"],
          interestBearing: true,
          maturity: "short",
        },
      ],
      ["asset|Government securities", { key: "jgs", ...jgs }],
      ["asset|Japanese government securities", { key: "jgs", ...jgs }],
      ["asset|Long-term government bonds", { key: "jgs_long_term", ...longJgb }],
      ["asset|Japanese government bonds", { key: "jgs_long_term", ...longJgb }],
      ["asset|Treasury bills and financing bills", { key: "jgs_bills", ...bills }],
      ["asset|Financing bills, treasury bills and treasury discount bills", { key: "jgs_bills", ...bills }],
      ["asset|Treasury bills and treasury discount bills", { key: "jgs_bills", ...bills }],
      [
        "asset|Asset-backed securities",
        {
          key: "asset_backed_securities",
          side: "asset",
          instrument: "AF.3",
          counterparty: ["S.12"],
          interestBearing: true,
        },
      ],
      ...(["Commercial papers", "Commercial paper"] as const).map((l) => [
        `asset|${l}`,
        {
          key: "commercial_paper",
          side: "asset",
          instrument: "AF.31",
          counterparty: ["S.11"],
          interestBearing: true,
          maturity: "short",
        },
      ]),
      [
        "asset|Corporate bonds",
        {
          key: "corporate_bonds",
          side: "asset",
          instrument: "AF.32",
          counterparty: ["S.11"],
          interestBearing: true,
          maturity: "long",
        },
      ],
      [
        "asset|Pecuniary trusts (stocks held as trust property)",
        { key: "trust_stocks", side: "asset", instrument: "AF.51", interestBearing: false },
      ],
      [
        "asset|Pecuniary trusts (index-linked exchange-traded funds held as trust property)",
        { key: "trust_etfs", side: "asset", instrument: "AF.52", interestBearing: false },
      ],
      [
        "asset|Pecuniary trusts (Japan real estate investment trusts held as trust property)",
        { key: "trust_jreits", side: "asset", instrument: "AF.52", interestBearing: false },
      ],
      [
        "asset|Loans (excluding those to the Deposit Insurance Corporation)",
        { key: "loans", side: "asset", instrument: "AF.4", counterparty: ["S.122"], interestBearing: true },
      ],
      [
        "asset|Loans by Funds-Supplying Operations against Pooled Collateral and Special Funds-Supplying Operations to Facilitate Corporate Financing",
        { key: "loans_pooled_collateral", side: "asset", kind: "memo", parent: "loans" },
      ],
      [
        "asset|Total amount of stocks purchased (from February 23,2009)",
        { key: "stocks_purchased_total", side: "asset", kind: "memo" },
      ],
      [
        "asset|Foreign currency assets",
        {
          key: "foreign_currency_assets",
          side: "asset",
          instrument: "AF.2",
          counterparty: ["S.2"],
          currency: "foreign",
          interestBearing: true,
        },
      ],
      ...(["Deposits with agencies", "Deposits with agents"] as const).map((l) => [
        `asset|${l}`,
        {
          key: "deposits_with_agents",
          side: "asset",
          instrument: "AF.22",
          counterparty: ["S.122"],
          interestBearing: false,
          maturity: "short",
        },
      ]),
      ["asset|Others", { key: "other_assets", side: "asset", instrument: "AF.8", currency: null }],
      ["asset|Total", { key: "total_assets", side: "asset", kind: "total" }],
      [
        "liability|Banknotes",
        {
          key: "banknotes",
          side: "liability",
          instrument: "AF.21",
          counterparty: ["S.1"],
          interestBearing: false,
          maturity: "short",
        },
      ],
      [
        "liability|Current deposits",
        {
          key: "current_deposits",
          side: "liability",
          instrument: "AF.22",
          counterparty: ["S.12"],
          maturity: "short",
        },
      ],
      [
        "liability|Other deposits",
        { key: "other_deposits", side: "liability", instrument: "AF.29", maturity: "short" },
      ],
      [
        "liability|Deposits of the government",
        {
          key: "government_deposits",
          side: "liability",
          instrument: "AF.22",
          counterparty: GOV,
          interestBearing: false,
          maturity: "short",
        },
      ],
      [
        "liability|Payables under repurchase agreements",
        {
          key: "repurchase_agreements",
          side: "liability",
          instrument: "AF.4",
          counterparty: ["S.12"],
          interestBearing: true,
          maturity: "short",
        },
      ],
      [
        "liability|Bills sold",
        {
          key: "bills_sold",
          side: "liability",
          instrument: "AF.31",
          counterparty: ["S.12"],
          interestBearing: true,
          maturity: "short",
        },
      ],
      [
        "liability|Others",
        { key: "other_liabilities", side: "liability", instrument: "AF.8", currency: null },
      ],
      [
        "liability|Provisions",
        { key: "provisions", side: "liability", instrument: "AF.8", interestBearing: false },
      ],
      ["liability|Capital", { key: "capital", side: "equity", instrument: "AF.519", interestBearing: false }],
      [
        "liability|Legal and special reserves",
        { key: "legal_and_special_reserves", side: "equity", instrument: "AF.519", interestBearing: false },
      ],
      ["liability|Total", { key: "total_liabilities_and_net_assets", side: "liability", kind: "total" }],
    ] as [string, BojLine][]
  ).map(([k, v]) => [k, v]),
);

export interface BojAccountsOptions {
  dataset?: string;
  /** The file holds third-party copies of the releases (MarketScreener, kabumatome): each sheet says so. */
  mirror?: boolean;
}

/**
 * Reads a Bank of Japan Accounts long CSV (`date,side,item,value_thousand_yen,source_url,note`)
 * into sheets of `boj` in thousand yen, one per release date, each line with its file, row and the
 * release page's URL. Values are kept as printed: the BoJ truncates every line to the thousand
 * yen, so the lines fall 2-6 thousand yen short of the printed Total; that difference is noted on
 * each sheet, never spread over the lines. A government-securities line with its "of which"
 * breakdown becomes a subtotal of it. An unknown label is an error naming its row.
 *
 * @example readBojAccounts(text, "data/boj-accounts/boj_accounts_long.csv").find((s) => s.date === "2014-12-31")
 */
export function readBojAccounts(
  text: string,
  file: string,
  options: BojAccountsOptions = {},
): BalanceSheet[] {
  const dataset = options.dataset ?? BOJ_ACCOUNTS_DATASET;
  const rows = parseCsv(text, { fileName: file });
  const header = (rows[0] ?? []).map((h) => h.trim());
  const missing = BOJ_ACCOUNTS_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0)
    throw new DataError(`${file}: row 1: missing column(s) ${missing.join(", ")}`, {
      place: { file, row: 1 },
    });
  const col = (name: string) => header.indexOf(name);
  const byDate = new Map<string, BalanceSheet>();
  const translated = new Set<string>();
  rows.slice(1).forEach((r, i) => {
    const row = i + 2;
    if (r.length === 1 && r[0]!.trim() === "") return;
    const cell = (name: string) => (r[col(name)] ?? "").trim();
    const fail = (column: string, why: string): never => {
      throw new DataError(`${file}: row ${row}, column ${column}: ${why}`, { place: { file, row, column } });
    };
    const date = cell("date");
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
      fail("date", `invalid date ${JSON.stringify(date)} (expected YYYY-MM-DD)`);
    const label = cell("item");
    const line = LINES.get(`${cell("side")}|${label}`);
    if (!line)
      fail(
        "item",
        `unknown Bank of Japan Accounts line ${JSON.stringify(`${cell("side")}: ${label}`)}; add it to src/io/boj/accounts.ts`,
      );
    const value = parseNumberCell(cell("value_thousand_yen"));
    if (value === undefined || value === null)
      fail("value_thousand_yen", `not a number: ${JSON.stringify(cell("value_thousand_yen"))}`);
    const note = cell("note");
    const sheet = byDate.get(date) ?? {
      entity: "boj",
      date,
      unit: { currency: "JPY", scale: 3 },
      positions: [],
      notes: [],
    };
    byDate.set(date, sheet);
    if (/translated from the Japanese release/.test(note)) translated.add(date);
    const l = line!;
    const currency = l.currency === undefined ? "JPY" : l.currency;
    const ofWhich = /^of which: /.test(note);
    sheet.positions.push({
      item: l.key,
      label: { en: label },
      side: l.side,
      kind: l.kind ?? "item",
      ...(l.parent ? { parent: l.parent } : {}),
      ...(l.instrument ? { instrument: l.instrument } : {}),
      currency: currency === "foreign" ? null : currency,
      foreign: currency === null ? null : currency !== "JPY",
      maturity: l.maturity ?? "unknown",
      maturityBasis: "original",
      counterparty: [...(l.counterparty ?? [])],
      interestBearing: l.interestBearing ?? null,
      value: value!,
      source: { dataset, file, row, column: "value_thousand_yen", url: cell("source_url") },
    });
    if (ofWhich && l.parent === "jgs") {
      const parent = sheet.positions.find((p) => p.item === "jgs");
      if (parent) parent.kind = "subtotal";
    }
    if (/Total rows not captured/.test(note) && !sheet.notes.some((n) => n.item === "totals"))
      sheet.notes.push({
        item: "totals",
        message:
          "the printed Total rows were not in the stored copy of the release: total assets is the sum of the lines",
      });
  });
  for (const sheet of byDate.values()) {
    if (translated.has(sheet.date))
      sheet.notes.push({
        item: "labels",
        message:
          "Japanese-only release: labels are those of the BoJ's English release of the same period (translation, not BoJ text)",
      });
    if (options.mirror)
      sheet.notes.push({
        item: "copy",
        message:
          "read from a third-party copy of the BoJ release (see data/boj-accounts/SOURCES.md); the figures are the BoJ's",
      });
    for (const c of checkSheet(sheet, { absolute: 0 }))
      if (!c.ok)
        sheet.notes.push({
          item: c.item,
          message:
            c.check === "identity"
              ? `printed totals differ: assets ${c.published} vs liabilities and net assets ${c.computed}`
              : `lines sum to ${c.computed}, printed ${c.published}: each line is truncated to the thousand yen (kept as printed)`,
          difference: c.difference,
        });
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** Whether a header row is the BoJ Accounts long layout. */
export function isBojAccountsHeader(header: readonly string[]): boolean {
  return BOJ_ACCOUNTS_COLUMNS.every((c) => header.includes(c));
}
