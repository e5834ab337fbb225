import { dirname } from "node:path";

import type { DuckDBValue } from "@duckdb/node-api";

import type { BalanceSheet, QualityNote } from "../model/balance-sheet.ts";
import type { Entity, EntityKind } from "../model/entity.ts";
import type { LineKind, Maturity, Position, Side } from "../model/position.ts";
import type { SectorCode } from "../model/sectors.ts";
import type { InstrumentCode } from "../model/instruments.ts";
import { duckdb } from "./duckdb.ts";
import type { Store } from "./store.ts";
import { assertUniquePositions } from "./unique.ts";

function positionRow(sheet: BalanceSheet, vintage: string, p: Position): DuckDBValue[] {
  return [
    sheet.entity,
    sheet.date,
    vintage,
    p.item,
    p.label.zh ?? null,
    p.label.en ?? null,
    p.code ?? null,
    p.side,
    p.kind,
    p.parent ?? null,
    p.instrument ?? null,
    p.currency,
    p.foreign,
    p.maturity,
    p.maturityBasis,
    p.counterparty.join(" "),
    p.interestBearing,
    p.value,
    p.source.dataset,
    p.source.file,
    p.source.row,
    p.source.column ?? null,
    p.source.sheet ?? null,
    p.source.url ?? null,
    p.inflationIndexed ?? null,
  ];
}

/**
 * Writes sheets under a vintage, replacing the same entity/date/vintage if it exists (so importing
 * a file twice changes nothing) and leaving other vintages beside it. Call inside a transaction.
 */
export async function saveSheets(
  store: Store,
  sheets: readonly BalanceSheet[],
  vintage: string,
  dataset: string,
): Promise<void> {
  await store.transaction(async () => {
    await deleteSheets(store, sheets, vintage);
    await appendSheetRows(store, sheets, vintage, dataset);
    await store.append(
      "positions",
      sheets.flatMap((s) => s.positions.map((p) => positionRow(s, vintage, p))),
    );
    await assertUniquePositions(store, vintage, sheets);
  });
}

/** A sheet without its positions: what the `sheets` table holds. */
export type SheetHead = Pick<BalanceSheet, "entity" | "date" | "unit"> & { notes?: BalanceSheet["notes"] };

// Deletes the sheets (and their positions) of the same entity, date and vintage as `sheets`.
async function deleteSheets(store: Store, sheets: readonly SheetHead[], vintage: string): Promise<void> {
  const byEntity = new Map<string, string[]>();
  for (const s of sheets) {
    const dates = byEntity.get(s.entity);
    if (dates) dates.push(s.date);
    else byEntity.set(s.entity, [s.date]);
  }
  for (const [entity, dates] of byEntity) {
    await store.run(
      "delete from positions where entity = $1 and vintage = $2 and list_contains($3::varchar[], date)",
      [entity, vintage, duckdb().listValue(dates)],
    );
    await store.run(
      "delete from sheets where entity = $1 and vintage = $2 and list_contains($3::varchar[], date)",
      [entity, vintage, duckdb().listValue(dates)],
    );
  }
}

async function appendSheetRows(
  store: Store,
  sheets: readonly SheetHead[],
  vintage: string,
  dataset: string,
): Promise<void> {
  await store.append(
    "sheets",
    sheets.map((s) => [
      s.entity,
      s.date,
      vintage,
      s.unit.currency,
      s.unit.scale,
      dataset,
      JSON.stringify(s.notes ?? []),
    ]),
  );
}

/**
 * The columns of a staged positions file, in order: a headerless RFC 4180 CSV (UTF-8, `,`, `"`)
 * where an empty unquoted cell is NULL and `""` is the empty text, or a Parquet file (`.parquet`)
 * with these names and types. Writers produce it row by row;
 * {@link saveStagedSheets} lets DuckDB load it in bulk.
 */
export const STAGED_POSITION_COLUMNS = [
  ["entity", "VARCHAR"],
  ["date", "VARCHAR"],
  ["item", "VARCHAR"],
  ["label_en", "VARCHAR"],
  ["side", "VARCHAR"],
  ["kind", "VARCHAR"],
  ["parent", "VARCHAR"],
  ["instrument", "VARCHAR"],
  ["currency", "VARCHAR"],
  ["is_foreign", "BOOLEAN"],
  ["maturity", "VARCHAR"],
  ["counterparty", "VARCHAR"],
  ["interest_bearing", "BOOLEAN"],
  ["value", "DOUBLE"],
  ["src_row", "INTEGER"],
] as const;

const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;

// A staged file is CSV (written row by row) or Parquet (written by DuckDB), with these columns.
function readStaged(path: string): string {
  if (path.endsWith(".parquet")) return `read_parquet(${sqlText(path)})`;
  const columns = STAGED_POSITION_COLUMNS.map(([n, t]) => `${sqlText(n)}: ${sqlText(t)}`).join(", ");
  return `read_csv(${sqlText(path)}, header = false, auto_detect = false, delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false, columns = {${columns}})`;
}

/**
 * Writes sheets whose positions are in a staged file (see {@link STAGED_POSITION_COLUMNS}) under a
 * vintage, replacing the same entity/date/vintage like {@link saveSheets}; DuckDB reads the file
 * itself, so a million positions load at its speed. Positions get source dataset `import`, the
 * given file and their staged row. Call inside a transaction.
 */
export async function saveStagedSheets(
  store: Store,
  sheets: readonly SheetHead[],
  staged: { path: string; file: string },
  vintage: string,
  dataset: string,
): Promise<void> {
  await store.transaction(async () => {
    await deleteSheets(store, sheets, vintage);
    await appendSheetRows(store, sheets, vintage, dataset);
    await store.run(
      // Columns by name: the ones a staged file does not carry (labels in Chinese, codes, sheet,
      // URL) stay NULL whatever columns later migrations add.
      `insert into positions (entity, date, vintage, item, label_en, side, kind, parent, instrument,
         currency, is_foreign, maturity, maturity_basis, counterparty, interest_bearing, value,
         src_dataset, src_file, src_row, src_column)
       select entity, date, $1, item, label_en, side, kind, parent, instrument, currency, is_foreign,
         maturity, 'original', counterparty, interest_bearing, value, 'import', $2, src_row, 'value'
       from ${readStaged(staged.path)}`,
      [vintage, staged.file],
    );
    await assertUniquePositions(store, vintage, sheets);
  });
}

/**
 * The first row of a staged positions file (before `beforeRow`, when given) that repeats an item
 * of the same entity and date, or undefined. Runs on its own in-memory database, so it needs no
 * store (and no lock).
 */
export async function firstStagedDuplicate(
  path: string,
  beforeRow = Number.MAX_SAFE_INTEGER,
): Promise<{ entity: string; date: string; item: string; row: number } | undefined> {
  // A bounded database of its own: the grouping spills to disk rather than grow with the file.
  const instance = await duckdb().DuckDBInstance.create(":memory:", {
    memory_limit: "256MB",
    threads: "2",
    temp_directory: dirname(path),
  });
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(
      `with s as (select entity, date, item, src_row from ${readStaged(path)} where src_row < $1),
         d as (select entity, date, item, min(src_row) as first from s group by all having count(*) > 1)
       select s.entity, s.date, s.item, min(s.src_row) as row from s join d using (entity, date, item)
       where s.src_row > d.first group by all order by row limit 1`,
      [beforeRow],
    );
    const row = reader.getRowsJS()[0];
    if (!row) return undefined;
    return { entity: String(row[0]), date: String(row[1]), item: String(row[2]), row: Number(row[3]) };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

interface PositionRow {
  [key: string]: unknown;
  item: string;
  label_zh: string | null;
  label_en: string | null;
  code: string | null;
  side: Side;
  kind: LineKind;
  parent: string | null;
  instrument: InstrumentCode | null;
  currency: string | null;
  is_foreign: boolean | null;
  maturity: Maturity;
  maturity_basis: "original" | "remaining";
  counterparty: string;
  interest_bearing: boolean | null;
  value: number;
  src_dataset: string;
  src_file: string;
  src_row: number;
  src_column: string | null;
  src_sheet: string | null;
  src_url: string | null;
  inflation_indexed: boolean | null;
}

function toPosition(r: PositionRow): Position {
  return {
    item: r.item,
    label: { ...(r.label_zh ? { zh: r.label_zh } : {}), ...(r.label_en ? { en: r.label_en } : {}) },
    ...(r.code ? { code: r.code } : {}),
    side: r.side,
    kind: r.kind,
    ...(r.parent ? { parent: r.parent } : {}),
    ...(r.instrument ? { instrument: r.instrument } : {}),
    currency: r.currency,
    foreign: r.is_foreign,
    maturity: r.maturity,
    maturityBasis: r.maturity_basis,
    counterparty: r.counterparty ? (r.counterparty.split(" ") as SectorCode[]) : [],
    interestBearing: r.interest_bearing,
    ...(r.inflation_indexed === true ? { inflationIndexed: true } : {}),
    value: r.value,
    source: {
      dataset: r.src_dataset,
      file: r.src_file,
      row: r.src_row,
      ...(r.src_column ? { column: r.src_column } : {}),
      ...(r.src_sheet ? { sheet: r.src_sheet } : {}),
      ...(r.src_url ? { url: r.src_url } : {}),
    },
  };
}

/**
 * The sheets of an entity with dates in [from, to] (ISO strings compare in date order; `to` may be a
 * prefix such as `2013`), the latest vintage of each, in two queries however many dates there are.
 */
export async function loadSheets(
  store: Store,
  entity: string,
  from = "",
  to = "9999",
): Promise<BalanceSheet[]> {
  const heads = await store.all<{
    date: string;
    vintage: string;
    currency: string;
    scale: number;
    notes: string;
  }>(
    `select date, vintage, currency, scale, notes from sheets
     where entity = $1 and date >= $2 and date <= $3
     qualify row_number() over (partition by date order by vintage desc) = 1 order by date`,
    [entity, from, to + "\uffff"],
  );
  if (heads.length === 0) return [];
  const rows = await store.all<PositionRow & { date: string; vintage: string }>(
    `select p.* from positions p join (
       select date, vintage from sheets where entity = $1 and date >= $2 and date <= $3
       qualify row_number() over (partition by date order by vintage desc) = 1) s
     on p.date = s.date and p.vintage = s.vintage
     where p.entity = $1 order by p.date, p.src_file, p.src_row, p.item`,
    [entity, from, to + "\uffff"],
  );
  const byDate = new Map<string, Position[]>();
  for (const r of rows) {
    const list = byDate.get(r.date) ?? [];
    list.push(toPosition(r));
    byDate.set(r.date, list);
  }
  return heads.map((h) => ({
    entity,
    date: h.date,
    unit: { currency: h.currency, scale: h.scale },
    positions: byDate.get(h.date) ?? [],
    notes: JSON.parse(h.notes) as QualityNote[],
  }));
}

/** The latest vintage of an entity's sheet at `date`, or undefined. */
export async function loadSheet(
  store: Store,
  entity: string,
  date: string,
): Promise<BalanceSheet | undefined> {
  return (await loadSheets(store, entity, date, date)).find((s) => s.date === date);
}

/** Dates at which an entity has a sheet, ascending. */
export async function sheetDates(store: Store, entity: string): Promise<string[]> {
  const rows = await store.all<{ date: string }>(
    "select distinct date from sheets where entity = $1 order by date",
    [entity],
  );
  return rows.map((r) => r.date);
}

/** Writes (or replaces) an entity's record, its kind included. */
export async function saveEntity(store: Store, e: Entity): Promise<void> {
  await store.run(
    "insert or replace into entities (id, name_en, name_zh, sector, country, home_currency, kind) values ($1, $2, $3, $4, $5, $6, $7)",
    [e.id, e.name.en, e.name.zh, e.sector, e.country, e.homeCurrency, e.kind],
  );
}

interface EntityRow {
  [key: string]: unknown;
  id: string;
  name_en: string;
  name_zh: string;
  sector: SectorCode | null;
  country: string;
  home_currency: string;
  kind: EntityKind | null;
}

const toEntity = (r: EntityRow): Entity => ({
  id: r.id,
  name: { en: r.name_en, zh: r.name_zh },
  kind: r.kind,
  sector: r.sector,
  country: r.country,
  homeCurrency: r.home_currency,
});

/** Every entity the store knows, by id. */
export async function listEntities(store: Store): Promise<Entity[]> {
  return (await store.all<EntityRow>("select * from entities order by id")).map(toEntity);
}

/** The entity `id`, or undefined. */
export async function getEntity(store: Store, id: string): Promise<Entity | undefined> {
  const rows = await store.all<EntityRow>("select * from entities where id = $1", [id]);
  return rows[0] ? toEntity(rows[0]) : undefined;
}
