import { NotFoundError, UsageError } from "../errors.ts";
import { EWN_DATASET, EWN_VARIABLES, type EwnVariable } from "../io/sources/ewn.ts";
import type { BalanceSheet } from "../model/balance-sheet.ts";
import { CENTRAL_BANKS, DEPOSITORY_CORPORATIONS, type Entity, SHEET_ENTITIES } from "../model/entity.ts";
import type { Position } from "../model/position.ts";
import type { SectorCode } from "../model/sectors.ts";
import type { Series } from "../model/series.ts";
import { listSeries, loadSeries } from "../store/series.ts";
import { loadSheets, sheetDates } from "../store/sheets.ts";
import type { Store } from "../store/store.ts";
import type { IndicatorInput, VariableValue } from "./compute.ts";
import { indicatorMessages as msg } from "./messages.ts";

/** A period as the CLI accepts it: `2013`, `2013-12` or `2013-12-25`. */
export function parsePeriod(value: string): string {
  if (!/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(value))
    throw new UsageError(msg.badDate(value));
  return value;
}

/** True when an observation dated `obs` (its frequency's period) falls in `period`. */
function inPeriod(obs: string, freq: string, period: string): boolean {
  const key = freq === "A" ? obs.slice(0, 4) : freq === "M" || freq === "Q" ? obs.slice(0, 7) : obs;
  return key.startsWith(period) || period.startsWith(key);
}

/**
 * Lines that FRED series give for a central bank without an itemised statement: each a model
 * position, so the same indicator definitions read them. `factor` converts to the sheet's unit.
 */
interface SeriesLine {
  series: string;
  item: string;
  en: string;
  position: Omit<Position, "item" | "label" | "value" | "source">;
  factor: number;
  note?: string;
}

const base = {
  kind: "item" as const,
  maturity: "unknown" as const,
  maturityBasis: "original" as const,
  counterparty: [] as SectorCode[],
};

const SERIES_LINES: Record<
  string,
  { anchor: string; unit: { currency: string; scale: number }; lines: SeriesLine[] }
> = {
  fed: {
    anchor: "FRED/WALCL",
    unit: { currency: "USD", scale: 6 },
    lines: [
      {
        series: "FRED/WRESBAL",
        item: "reserve_balances",
        en: "Reserve balances with Federal Reserve Banks (WRESBAL)",
        position: {
          ...base,
          side: "liability",
          instrument: "AF.22",
          counterparty: ["S.122"],
          currency: "USD",
          foreign: false,
          interestBearing: true,
          maturity: "short",
        },
        factor: 1,
      },
      {
        series: "FRED/TREAST",
        item: "treasury_securities",
        en: "U.S. Treasury securities held outright (TREAST; maturity split not given)",
        position: {
          ...base,
          side: "asset",
          instrument: "AF.3",
          counterparty: ["S.1311"],
          currency: "USD",
          foreign: false,
          interestBearing: true,
        },
        factor: 1,
      },
      {
        series: "FRED/CURRCIR",
        item: "currency_in_circulation",
        en: "Currency in circulation (CURRCIR, monthly, USD bn x 1000; includes coin and Treasury currency)",
        position: {
          ...base,
          side: "liability",
          instrument: "AF.21",
          counterparty: ["S.1"],
          currency: "USD",
          foreign: false,
          interestBearing: false,
          maturity: "short",
        },
        factor: 1000,
        note: "currency from CURRCIR (monthly; includes coin and Treasury currency, so it overstates Federal Reserve notes slightly)",
      },
    ],
  },
  ecb: { anchor: "FRED/ECBASSETSW", unit: { currency: "EUR", scale: 6 }, lines: [] },
  boj: { anchor: "FRED/JPNASSETS", unit: { currency: "JPY", scale: 8 }, lines: [] },
};

/** The FRED series behind each entity's partial sheets, for listing in notes. */
export function seriesCoverage(entity: string): string {
  const s = SERIES_LINES[entity];
  if (!s) return "";
  const ids = [s.anchor, ...s.lines.map((l) => l.series)].map((id) => id.replace("FRED/", ""));
  const boj = entity === "boj" ? "; annual average, not end of year" : "";
  return `FRED totals only: ${ids.join(", ")}${boj}`;
}

function obsPosition(
  series: Series,
  index: number,
  item: string,
  en: string,
  value: number,
  p: SeriesLine["position"],
): Position {
  const o = series.observations[index]!;
  return {
    ...p,
    item,
    label: { en },
    value,
    counterparty: [...p.counterparty],
    source: {
      dataset: series.dataset,
      file: series.file,
      row: index + 2,
      column: `${series.id.replace("FRED/", "")} ${o.date}`,
    },
  };
}

/**
 * Partial sheets of a central bank from its FRED series, one per observation of the total-assets
 * series in [from, to]: a total-assets line (and the same amount as total liabilities and capital, by
 * the balance-sheet identity) plus whichever itemised series have an observation in the same period.
 */
export async function partialSheets(
  store: Store,
  entity: string,
  from: string,
  to: string,
): Promise<BalanceSheet[]> {
  const spec = SERIES_LINES[entity];
  if (!spec) return [];
  const anchor = await loadSeries(store, spec.anchor);
  if (!anchor) return [];
  const others = await Promise.all(spec.lines.map((l) => loadSeries(store, l.series)));
  const sheets: BalanceSheet[] = [];
  const end = to + "\uffff";
  anchor.observations.forEach((o, i) => {
    const key = anchor.frequency === "A" ? o.date.slice(0, 4) : o.date;
    if (key < from.slice(0, key.length) || key > end) return;
    const positions: Position[] = [
      obsPosition(anchor, i, "total_assets", `Total assets (${spec.anchor.replace("FRED/", "")})`, o.value, {
        ...base,
        kind: "total",
        side: "asset",
        currency: null,
        foreign: null,
        interestBearing: null,
      }),
      obsPosition(
        anchor,
        i,
        "total_liabilities_and_capital",
        "Total liabilities and capital (= total assets)",
        o.value,
        { ...base, kind: "total", side: "liability", currency: null, foreign: null, interestBearing: null },
      ),
    ];
    const notes: BalanceSheet["notes"] = [];
    spec.lines.forEach((l, k) => {
      const s = others[k];
      if (!s) return;
      const period = s.frequency === "M" ? o.date.slice(0, 7) : o.date;
      let idx = -1;
      for (let j = s.observations.length - 1; j >= 0; j--)
        if (inPeriod(s.observations[j]!.date, s.frequency, period)) {
          idx = j;
          break;
        }
      if (idx < 0) return;
      positions.push(obsPosition(s, idx, l.item, l.en, s.observations[idx]!.value * l.factor, l.position));
      if (l.note) notes.push({ item: l.item, message: l.note });
    });
    const date = anchor.frequency === "A" ? o.date.slice(0, 4) : o.date;
    sheets.push({ entity, date, unit: { ...spec.unit }, positions, notes });
  });
  return sheets;
}

/** The `coverage` note of a stored sheet that itemises only part of a statement, if it has one. */
function partialNote(sheet: BalanceSheet): BalanceSheet["notes"][number] | undefined {
  return sheet.notes.find((n) => n.item === "coverage" && n.message.startsWith("partial:"));
}

/**
 * Stored partial statements (the Fed's year-end H.4.1 Table 1 lines) completed with the lines the
 * FRED series give on the same date, where the statement has no line of that item, or of that side
 * and instrument, or no total on that side; then the FRED-only sheets of the other dates.
 */
function completePartial(stored: BalanceSheet[], fromSeries: BalanceSheet[]): BalanceSheet[] {
  const byDate = new Map(fromSeries.map((s) => [s.date, s]));
  const out: BalanceSheet[] = stored.map((sheet) => {
    const extra = byDate.get(sheet.date);
    byDate.delete(sheet.date);
    if (!extra) return sheet;
    const own = sheet.positions.filter((p) => p.kind !== "memo");
    const missing = extra.positions.filter((p) =>
      p.kind === "total"
        ? !own.some((q) => q.kind === "total" && (q.side === "asset") === (p.side === "asset"))
        : !sheet.positions.some((q) => q.item === p.item) &&
          !own.some((q) => q.side === p.side && q.instrument === p.instrument),
    );
    return { ...sheet, positions: [...sheet.positions, ...missing], notes: [...sheet.notes, ...extra.notes] };
  });
  return [...out, ...byDate.values()];
}

const CB_IDS = CENTRAL_BANKS.map((e) => e.id);
const ODC_IDS = DEPOSITORY_CORPORATIONS.map((e) => e.id);
const SHEET_ENTITY = new Map(SHEET_ENTITIES.map((e) => [e.id, e]));

type Peers = Partial<Record<SectorCode, BalanceSheet>>;

/**
 * The itemised sheets of the other bundled sectors of `entity`'s economy in [from, to], by date and
 * sector: what terms with `of` read (the PBoC's share of the depository corporations' NFA).
 */
async function peerSheets(
  store: Store,
  entity: Entity,
  from: string,
  to: string,
): Promise<Map<string, Peers>> {
  const byDate = new Map<string, Peers>();
  for (const e of SHEET_ENTITIES) {
    if (e.id === entity.id || e.country !== entity.country || !e.sector) continue;
    for (const s of await loadSheets(store, e.id, from, to))
      byDate.set(s.date, { ...byDate.get(s.date), [e.sector]: s });
  }
  return byDate;
}

/** The EWN economy named `name` (case-insensitive), or undefined. */
export async function ewnEconomy(store: Store, name: string): Promise<string | undefined> {
  const metas = await listSeries(store, { dataset: EWN_DATASET });
  const want = name.trim().toLowerCase();
  return metas.find((m) => m.entity.toLowerCase() === want)?.entity;
}

async function ewnInputs(store: Store, economy: string, from: string, to: string): Promise<IndicatorInput[]> {
  const metas = (await listSeries(store, { dataset: EWN_DATASET, entity: economy })).filter(
    (m) => m.frequency === "A",
  );
  const byYear = new Map<string, Record<string, VariableValue>>();
  for (const m of metas) {
    const variable = m.id.split(".").pop() as EwnVariable;
    if (!(variable in EWN_VARIABLES)) continue;
    const s = await loadSeries(store, m.id);
    for (const o of s?.observations ?? []) {
      if (o.date < from.slice(0, 4) || o.date > to.slice(0, 4)) continue;
      const vars = byYear.get(o.date) ?? {};
      vars[variable] = { value: o.value, source: `${m.file}[Dataset]:${m.id}:${o.date}` };
      byYear.set(o.date, vars);
    }
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([year, variables]) => ({
      entity: economy,
      date: year,
      variables,
      unit: { currency: "USD", scale: 6 },
    }));
}

/**
 * Every input of `entity` with a date in [from, to]: itemised sheets first, then partial sheets
 * from FRED totals at dates no itemised sheet covers; for an EWN economy, one input per year. A
 * sheet input carries the entity's sector and the same-date sheets of its economy's other sectors.
 */
export async function inputsInRange(
  store: Store,
  entity: string,
  from: string,
  to: string,
): Promise<IndicatorInput[]> {
  const info = SHEET_ENTITY.get(entity);
  if (info) {
    const stored = await loadSheets(store, entity, from, to);
    const full = stored.filter((s) => !partialNote(s));
    const have = new Set(full.map((s) => s.date));
    const fromSeries = (await partialSheets(store, entity, from, to)).filter((s) => !have.has(s.date));
    const partial = completePartial(
      stored.filter((s) => partialNote(s)),
      fromSeries,
    );
    const coverage = seriesCoverage(entity);
    const peers = await peerSheets(store, info, from, to);
    const context = (date: string) => ({
      ...(info.sector ? { sector: info.sector } : {}),
      ...(peers.has(date) ? { peers: peers.get(date)! } : {}),
    });
    return [
      ...full.map((sheet) => ({ entity, date: sheet.date, sheet, ...context(sheet.date) })),
      ...partial.map((sheet) => ({
        entity,
        date: sheet.date,
        sheet,
        partial: [partialNote(sheet)?.message.replace(/^partial: /, ""), coverage].filter(Boolean).join("; "),
        ...context(sheet.date),
      })),
    ].sort((a, b) => a.date.localeCompare(b.date));
  }
  const economy = await ewnEconomy(store, entity);
  if (!economy) throw new NotFoundError(msg.unknownEntity(entity, CB_IDS, ODC_IDS));
  return ewnInputs(store, economy, from, to);
}

async function available(store: Store, entity: string): Promise<string> {
  const dates = await sheetDates(store, entity);
  const partial = await partialSheets(store, entity, "", "9999");
  const parts: string[] = [];
  if (dates.length) parts.push(`itemised ${dates[0]} .. ${dates[dates.length - 1]}`);
  if (partial.length) parts.push(`totals ${partial[0]!.date} .. ${partial[partial.length - 1]!.date}`);
  return parts.join("; ") || "none";
}

/**
 * The input of `entity` at `date` (a year, month or day): the last itemised sheet in that period,
 * else the last partial sheet from FRED totals, else (for an EWN economy) that year's variables.
 * Throws NotFoundError naming what exists.
 */
export async function resolveInput(store: Store, entity: string, date: string): Promise<IndicatorInput> {
  parsePeriod(date);
  const list = await inputsInRange(store, entity, date, date);
  const full = list.filter((i) => !i.partial);
  const pick = full[full.length - 1] ?? list[list.length - 1];
  if (pick) return pick;
  const where = SHEET_ENTITY.has(entity) ? await available(store, entity) : "1970 .. 2021 (annual)";
  throw new NotFoundError(msg.noData(entity, date, where));
}
