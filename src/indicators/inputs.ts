import { NotFoundError, UsageError } from "../errors.ts";
import { EWN_DATASET, EWN_VARIABLES, type EwnVariable } from "../io/sources/ewn.ts";
import type { BalanceSheet } from "../model/balance-sheet.ts";
import { type Entity, ENTITY_KINDS } from "../model/entity.ts";
import { storedNoteText } from "../model/notes.ts";
import type { Position } from "../model/position.ts";
import type { SectorCode } from "../model/sectors.ts";
import type { Series } from "../model/series.ts";
import { listSeries, loadSeries } from "../store/series.ts";
import { getEntity, listEntities, loadSheets, sheetDates } from "../store/sheets.ts";
import type { Store } from "../store/store.ts";
import { joinText } from "../i18n/define.ts";
import type { Text } from "../i18n/lang.ts";
import type { CountryMaturity } from "./assess.ts";
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
 * How a publisher's series of totals or single items (FRED) reads as a balance-sheet line of the
 * entity the store files the series under, for central banks without an itemised statement at a
 * date. Keyed by series id: a mapping of publisher series onto the model, like an item map. `total`
 * series anchor a partial sheet (one per observation); the others add a line in the same period.
 * The value is converted from the series' stored scale to the anchor's.
 */
interface SeriesLine {
  item: string;
  en: string;
  total?: boolean;
  position: Omit<Position, "item" | "label" | "value" | "source">;
  note?: Text;
}

const base = {
  kind: "item" as const,
  maturity: "unknown" as const,
  maturityBasis: "original" as const,
  counterparty: [] as SectorCode[],
};

const totalPosition = {
  ...base,
  kind: "total" as const,
  side: "asset" as const,
  currency: null,
  foreign: null,
  interestBearing: null,
};

const SERIES_LINES: ReadonlyMap<string, SeriesLine> = new Map<string, SeriesLine>([
  ["FRED/WALCL", { item: "total_assets", en: "Total assets (WALCL)", total: true, position: totalPosition }],
  [
    "FRED/ECBASSETSW",
    { item: "total_assets", en: "Total assets (ECBASSETSW)", total: true, position: totalPosition },
  ],
  [
    "FRED/JPNASSETS",
    {
      item: "total_assets",
      en: "Total assets (JPNASSETS; annual average, not end of year)",
      total: true,
      position: totalPosition,
    },
  ],
  [
    "FRED/WRESBAL",
    {
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
      note: {
        en: "deposits of depository institutions from WRESBAL (reserve balances only: the study's item is all deposits of depository institutions, which no bundled 2013 file prints)",
        zh: "存款机构存款取自 WRESBAL（仅为准备金余额；原文口径为存款机构的全部存款，内置的2013年文件均未列出）",
      },
    },
  ],
  [
    "FRED/WFCDA",
    {
      item: "foreign_currency_denominated_assets",
      en: "Foreign currency denominated assets (WFCDA)",
      position: {
        ...base,
        side: "asset",
        instrument: "AF.2",
        counterparty: ["S.2"],
        currency: null,
        foreign: true,
        interestBearing: true,
      },
    },
  ],
  [
    "FRED/TREAST",
    {
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
    },
  ],
  [
    "FRED/CURRCIR",
    {
      item: "currency_in_circulation",
      en: "Currency in circulation (CURRCIR, monthly; includes coin and Treasury currency)",
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
      note: {
        en: "currency from CURRCIR (monthly; includes coin and Treasury currency, so it overstates Federal Reserve notes slightly)",
        zh: "货币取自 CURRCIR（月度；含硬币和财政部发行的通货，因此略高于美联储纸币）",
      },
    },
  ],
]);

/** The stored series of `entity` that read as balance-sheet lines: the anchor (totals) and the others. */
async function lineSeries(store: Store, entity: string): Promise<{ anchor?: Series; others: Series[] }> {
  const metas = (await listSeries(store, { entity })).filter((m) => SERIES_LINES.has(m.id));
  let anchor: Series | undefined;
  const others: Series[] = [];
  for (const m of metas) {
    const s = await loadSeries(store, m.id);
    if (!s) continue;
    if (SERIES_LINES.get(m.id)!.total) anchor ??= s;
    else others.push(s);
  }
  return { ...(anchor ? { anchor } : {}), others };
}

/** The series behind an entity's partial sheets, for listing in notes. */
function seriesCoverage(anchor: Series, others: readonly Series[]): Text {
  const ids = [anchor, ...others].map((s) => s.id.replace(/^FRED\//, ""));
  return msg.coverage(ids, anchor.frequency === "A");
}

function obsPosition(series: Series, index: number, value: number, l: SeriesLine): Position {
  const o = series.observations[index]!;
  return {
    ...l.position,
    item: l.item,
    label: { en: l.en },
    value,
    counterparty: [...l.position.counterparty],
    source: {
      dataset: series.dataset,
      file: series.file,
      row: index + 2,
      column: `${series.id.replace(/^FRED\//, "")} ${o.date}`,
    },
  };
}

/**
 * Partial sheets of a central bank from its stored series of totals (FRED), one per observation of
 * the total-assets series in [from, to]: a total-assets line (and the same amount as total
 * liabilities and capital, by the balance-sheet identity) plus whichever itemised series have an
 * observation in the same period.
 */
export async function partialSheets(
  store: Store,
  entity: string,
  from: string,
  to: string,
): Promise<BalanceSheet[]> {
  return (await seriesSheets(store, entity, from, to)).sheets;
}

/** {@link partialSheets}, and the note saying which series they come from ("" when none). */
async function seriesSheets(
  store: Store,
  entity: string,
  from: string,
  to: string,
): Promise<{ sheets: BalanceSheet[]; coverage: Text | undefined }> {
  const { anchor, others } = await lineSeries(store, entity);
  if (!anchor) return { sheets: [], coverage: undefined };
  const coverage = seriesCoverage(anchor, others);
  const aLine = SERIES_LINES.get(anchor.id)!;
  const sheets: BalanceSheet[] = [];
  const end = to + "\uffff";
  anchor.observations.forEach((o, i) => {
    const key = anchor.frequency === "A" ? o.date.slice(0, 4) : o.date;
    if (key < from.slice(0, key.length) || key > end) return;
    const positions: Position[] = [
      obsPosition(anchor, i, o.value, aLine),
      obsPosition(anchor, i, o.value, {
        item: "total_liabilities_and_capital",
        en: "Total liabilities and capital (= total assets)",
        position: { ...totalPosition, side: "liability" },
      }),
    ];
    const notes: BalanceSheet["notes"] = [];
    for (const s of others) {
      const l = SERIES_LINES.get(s.id)!;
      const period = s.frequency === "M" ? o.date.slice(0, 7) : o.date;
      let idx = -1;
      for (let j = s.observations.length - 1; j >= 0; j--)
        if (inPeriod(s.observations[j]!.date, s.frequency, period)) {
          idx = j;
          break;
        }
      if (idx < 0) continue;
      const factor = 10 ** (s.scale - anchor.scale);
      positions.push(obsPosition(s, idx, s.observations[idx]!.value * factor, l));
      if (l.note) notes.push({ item: l.item, message: l.note.en, text: l.note });
    }
    const date = anchor.frequency === "A" ? o.date.slice(0, 4) : o.date;
    sheets.push({
      entity,
      date,
      unit: { currency: anchor.unit, scale: anchor.scale },
      positions,
      notes,
    });
  });
  return { sheets, coverage };
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

type Peers = Partial<Record<SectorCode, BalanceSheet>>;

/**
 * The itemised sheets of the other sectors of `entity`'s economy in the store in [from, to], by date
 * and sector: what terms with `of` read (the PBoC's share of the depository corporations' NFA).
 */
async function peerSheets(
  store: Store,
  entity: Entity,
  from: string,
  to: string,
): Promise<Map<string, Peers>> {
  const byDate = new Map<string, Peers>();
  if (!entity.country) return byDate;
  for (const e of await listEntities(store)) {
    if (e.id === entity.id || e.country !== entity.country || !e.sector) continue;
    for (const s of await loadSheets(store, e.id, from, to))
      byDate.set(s.date, { ...byDate.get(s.date), [e.sector]: s });
  }
  return byDate;
}

/** The message of an unknown entity: the store's entities by kind, and how to add one. */
async function unknownEntity(store: Store, id: string): Promise<NotFoundError> {
  const byKind = new Map<string, string[]>(ENTITY_KINDS.map((k) => [k, []]));
  for (const e of await listEntities(store)) {
    const k = e.kind ?? "kind not set";
    byKind.set(k, [...(byKind.get(k) ?? []), e.id]);
  }
  return new NotFoundError(msg.unknownEntity(id, new Map([...byKind].filter(([, ids]) => ids.length > 0))));
}

/** The usage error of a comparison given an entity that is not a central bank, naming the store's. */
export async function notCentralBank(store: Store, id: string): Promise<UsageError> {
  const cbs = (await listEntities(store)).filter((e) => e.kind === "central-bank").map((e) => e.id);
  return new UsageError(msg.notCentralBank(id, cbs));
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
      kind: "country" as const,
    }));
}

/** The `partial` note of an input: the sheet's own note, then the FRED series it was completed from. */
function partialOf(
  own: BalanceSheet["notes"][number] | undefined,
  coverage: Text | undefined,
): { partial?: string; partialText?: Text } {
  const strip = (t: string) => t.replace(/^partial: /, "").replace(/^部分：/, "");
  const mine = own ? (own.text ?? storedNoteText(own.message)) : undefined;
  const parts = [
    ...(mine ? [{ en: strip(mine.en), zh: strip(mine.zh) }] : []),
    ...(coverage ? [coverage] : []),
  ];
  if (!parts.length) return {};
  const t = joinText(parts, { en: "; ", zh: "；" });
  return { partial: t.en, partialText: t };
}

/**
 * Every input of `entity` with a date in [from, to], resolved from the store for any entity it
 * knows (bundled or imported): itemised sheets first, then partial sheets from series of totals at
 * dates no itemised sheet covers; for an External Wealth of Nations economy, one input per year. A
 * sheet input carries the entity's kind and sector and the same-date sheets of its economy's other
 * sectors. The one place indicator inputs come from.
 */
export async function inputsInRange(
  store: Store,
  entity: string,
  from: string,
  to: string,
): Promise<IndicatorInput[]> {
  const info = await getEntity(store, entity);
  if (info) {
    const stored = await loadSheets(store, entity, from, to);
    const full = stored.filter((s) => !partialNote(s));
    const have = new Set(full.map((s) => s.date));
    const fromTotals = await seriesSheets(store, entity, from, to);
    const coverage = fromTotals.coverage;
    const fromSeries = fromTotals.sheets.filter((s) => !have.has(s.date));
    const partial = completePartial(
      stored.filter((s) => partialNote(s)),
      fromSeries,
    );
    const peers = await peerSheets(store, info, from, to);
    const context = (date: string) => ({
      kind: info.kind,
      ...(info.sector ? { sector: info.sector } : {}),
      ...(peers.has(date) ? { peers: peers.get(date)! } : {}),
    });
    return [
      ...full.map((sheet) => ({ entity, date: sheet.date, sheet, ...context(sheet.date) })),
      ...partial.map((sheet) => ({
        entity,
        date: sheet.date,
        sheet,
        ...partialOf(partialNote(sheet), coverage),
        ...context(sheet.date),
      })),
    ].sort((a, b) => a.date.localeCompare(b.date));
  }
  const economy = await ewnEconomy(store, entity);
  if (!economy) throw await unknownEntity(store, entity);
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

/** The last day a period covers, as days since 1970: `2013` -> 2013-12-31, `2013-Q4` -> 2013-12-31. */
export function periodEnd(date: string): number {
  const y = Number(date.slice(0, 4));
  const q = /^\d{4}-Q([1-4])$/.exec(date);
  if (q) return Date.UTC(y, Number(q[1]) * 3, 0) / 86_400_000;
  if (date.length === 4) return Date.UTC(y, 12, 0) / 86_400_000;
  const m = Number(date.slice(5, 7));
  if (date.length === 7) return Date.UTC(y, m, 0) / 86_400_000;
  return Date.UTC(y, m - 1, Number(date.slice(8, 10))) / 86_400_000;
}

/** How far (in days) an itemised sheet may lie from the asked period and still stand in for it. */
const NEAREST_DAYS = 366;

/**
 * The input of `entity` at `date` (a year, month or day): the last itemised sheet in that period;
 * else the itemised sheet nearest to it within a year (said in `dateNote`, e.g. the BoJ's
 * 2013-09-30 accounts for 2013-12); else the last partial sheet from series of totals; else (for an
 * EWN economy) that year's variables. Throws NotFoundError naming what exists.
 */
export async function resolveInput(store: Store, entity: string, date: string): Promise<IndicatorInput> {
  parsePeriod(date);
  const list = await inputsInRange(store, entity, date, date);
  const full = list.filter((i) => !i.partial);
  if (full.length) return full[full.length - 1]!;
  if (await getEntity(store, entity)) {
    const want = periodEnd(date);
    let best: { d: string; gap: number } | undefined;
    for (const d of await sheetDates(store, entity)) {
      const gap = Math.abs(periodEnd(d) - want);
      if (gap <= NEAREST_DAYS && (!best || gap < best.gap)) best = { d, gap };
    }
    const near =
      best &&
      (await inputsInRange(store, entity, best.d, best.d)).find((i) => !i.partial && i.date === best.d);
    if (near) {
      const note = msg.nearestDate(date, near.date);
      return { ...near, dateNote: note.en, dateNoteText: note };
    }
  }
  const pick = list[list.length - 1];
  if (pick) return pick;
  const where = (await getEntity(store, entity)) ? await available(store, entity) : "1970 .. 2021 (annual)";
  throw new NotFoundError(msg.noData(entity, date, where));
}

/**
 * The study's country-level maturity figure for a central bank's economy: short-term external debt
 * over official FX reserves in the year of `date`, from the stored series of the entity's country
 * (SAFE's, for China), or undefined when the store has none.
 */
export async function countryMaturity(
  store: Store,
  entity: string,
  date: string,
): Promise<CountryMaturity | undefined> {
  const info = await getEntity(store, entity);
  if (!info?.country) return undefined;
  const metas = await listSeries(store, { entity: info.country });
  const year = date.slice(0, 4);
  const at = async (id: string) => {
    const s = await loadSeries(store, id);
    const o = s?.observations.filter((x) => x.date.startsWith(year)).at(-1);
    return s && o ? { s, v: o.value } : undefined;
  };
  for (const debt of metas.filter((m) => /short_term_external_debt/.test(m.id))) {
    const res = metas.find((m) => /fx_reserves/.test(m.id) && m.scale === debt.scale && m.unit === debt.unit);
    if (!res) continue;
    const [d, r] = [await at(debt.id), await at(res.id)];
    if (!d || !r || r.v === 0) continue;
    return { value: d.v / r.v, year, source: `${debt.id} / ${res.id} (${d.s.file})` };
  }
  return undefined;
}
