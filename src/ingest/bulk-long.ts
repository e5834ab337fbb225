import { createHash } from "node:crypto";
import { closeSync, openSync, readSync } from "node:fs";
import { join } from "node:path";

import type { DuckDBConnection } from "@duckdb/node-api";

import { DataError } from "../errors.ts";
import {
  duplicatePositionMessage,
  LONG_CELL_RULES,
  LONG_POSITION_COLUMNS,
  LongPositionRows,
  unbalancedSheetError,
} from "../io/csv/long-positions.ts";
import type { ImportContext } from "../io/mappings/index.ts";
import { ioMessages } from "../io/messages.ts";
import { SheetChecker } from "../model/validate.ts";
import type { SheetHead } from "../store/sheets.ts";
import { duckdb } from "../store/duckdb.ts";
import type { StreamedPositions } from "./stream-file.ts";

/*
 * The bulk path of a big long CSV of positions: DuckDB parses the file and bslab checks it in SQL,
 * so a million rows never become JS objects. It gives exactly what the row-by-row reader
 * (LongPositionRows, streamed by stream-file.ts) gives, same stored rows and same first error:
 *
 * - DuckDB's CSV reader splits records exactly as parseCsv only for plain files. A first pass over
 *   the bytes (which also hashes them) sends anything else to the row-by-row reader: NUL or \x01
 *   bytes, blank lines (they are records for parseCsv, not for DuckDB, and would shift the row
 *   numbers), CRs other than CRLF line ends; DuckDB itself refuses invalid UTF-8, stray quotes
 *   and rows longer than the header, which also fall back.
 * - Row numbers: records come out of DuckDB in file order (insertion order is kept), so record
 *   k (header = 1) is row k; with no blank lines that is the row parseCsv counts.
 * - Every checked column is judged by the same function as the row reader (LONG_CELL_RULES), once
 *   per distinct cell; only the value column is judged in SQL, for the plain decimals DuckDB
 *   converts to the same double as Number() (longer or other forms go to the JS rule too).
 * - The first problem is found in SQL (the first bad cell, unit change within a sheet or repeated
 *   position), then that row is read again by LongPositionRows, which writes the message. Should
 *   the two ever disagree, the file goes the row-by-row way.
 * - Sheet balances are summed in SQL; a sheet not clearly within tolerance (by more than any
 *   difference of summation order could make) is summed again in row order by SheetChecker.
 */

/** JS's String.prototype.trim removes exactly these characters (whitespace and line ends). */
const JS_SPACE = Array.from({ length: 0x10000 }, (_, i) => String.fromCharCode(i))
  .filter((c) => c.trim() === "")
  .join("");
const sql = (s: string) => `'${s.replace(/'/g, "''")}'`;
const trimmed = (e: string) => `trim(${e}, ${sql(JS_SPACE)})`;
// Plain decimals DuckDB reads as Number() does (tested against it); every other cell goes to JS.
const PLAIN_DECIMAL = sql("[+-]?[0-9]{1,15}(\\.[0-9]{0,15})?");
// An empty cell reads as "", a cell missing from a short row as NULL (\x01 never reaches DuckDB).
const NULL_MARK = "\u0001";

const PIECE_BYTES = 1 << 20;

/** Hashes the file and says whether DuckDB's CSV reader splits it as parseCsv does. */
export function scanPlain(path: string): { sha256: string; plain: boolean } {
  const hash = createHash("sha256");
  const fd = openSync(path, "r");
  let plain = true;
  let crlfMode: boolean | undefined;
  let cr = 0;
  let lf = 0;
  let crlf = 0;
  let prev = Buffer.alloc(0);
  try {
    const piece = Buffer.allocUnsafe(PIECE_BYTES);
    for (;;) {
      const n = readSync(fd, piece, 0, PIECE_BYTES, null);
      if (n === 0) break;
      const bytes = piece.subarray(0, n);
      hash.update(bytes);
      if (!plain) continue;
      const win = prev.length > 0 ? Buffer.concat([prev, bytes]) : bytes;
      crlfMode ??= bytes.includes(13);
      if (
        bytes.includes(0) ||
        bytes.includes(1) ||
        win.includes("\n\n") ||
        win.includes("\n\r\n") ||
        win.includes("\r\r") ||
        (!crlfMode && bytes.includes(13))
      )
        plain = false;
      else if (crlfMode) {
        cr += count(bytes, "\r", 0);
        lf += count(bytes, "\n", 0);
        crlf += count(win, "\r\n", Math.max(0, prev.length - 1));
      }
      prev = Buffer.from(win.subarray(Math.max(0, win.length - 2)));
    }
  } finally {
    closeSync(fd);
  }
  if (crlfMode && (cr !== crlf || lf !== crlf)) plain = false;
  return { sha256: hash.digest("hex"), plain };
}

function count(buf: Buffer, needle: string, from: number): number {
  let k = 0;
  for (let at = buf.indexOf(needle, from); at !== -1; at = buf.indexOf(needle, at + needle.length)) k++;
  return k;
}

type Cell = string | number | boolean | null;

async function rowsOf(c: DuckDBConnection, query: string): Promise<Cell[][]> {
  const reader = await c.runAndReadAll(query);
  return reader.getRowsJS().map((r) => r.map((v) => (typeof v === "bigint" ? Number(v) : (v as Cell))));
}

async function fill(c: DuckDBConnection, table: string, rows: readonly Cell[][]): Promise<void> {
  const appender = await c.createAppender(table);
  try {
    for (const row of rows) {
      for (const v of row) {
        if (v === null) appender.appendNull();
        else if (typeof v === "boolean") appender.appendBoolean(v);
        else appender.appendVarchar(String(v));
      }
      appender.endRow();
    }
  } finally {
    appender.closeSync();
  }
}

// The checked columns: the rule that judges a trimmed cell, and how its stored value is kept
// (`v` text, `n` number; `ok` false when refused).
const RULED = [
  ["date", (t: string) => LONG_CELL_RULES.date(t)],
  ["side", (t: string) => LONG_CELL_RULES.side(t)],
  ["maturity", (t: string) => LONG_CELL_RULES.maturity(t)],
  ["currency", (t: string) => LONG_CELL_RULES.currency(t)],
  ["instrument", (t: string) => LONG_CELL_RULES.instrument(t)],
  ["counterparty", (t: string) => LONG_CELL_RULES.counterparty(t)],
  ["kind", (t: string) => LONG_CELL_RULES.kind(t)],
] as const;

/**
 * Checks and stages a big long CSV the bulk way (see above), in a scratch DuckDB database with
 * bounded memory whose files live in `dir`. Undefined when the file is not one DuckDB reads as
 * parseCsv does (or the header is wrong): the caller then streams it row by row.
 */
export async function bulkLongPositions(
  path: string,
  file: string,
  header: readonly string[],
  ctx: ImportContext,
  dir: string,
): Promise<StreamedPositions | undefined> {
  const names = header.map((h) => h.trim());
  if (!LONG_POSITION_COLUMNS.every((c) => names.includes(c))) return undefined;
  const { sha256, plain } = scanPlain(path);
  if (!plain) return undefined;
  const instance = await duckdb().DuckDBInstance.create(":memory:", {
    memory_limit: "256MB",
    threads: "2",
    temp_directory: join(dir, "spill"),
    preserve_insertion_order: "true",
  });
  const c = await instance.connect();
  try {
    const checked = await check(c, path, file, header, ctx, dir);
    return checked && { ...checked, sha256, encoding: "utf-8" };
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

async function check(
  c: DuckDBConnection,
  path: string,
  file: string,
  header: readonly string[],
  ctx: ImportContext,
  dir: string,
): Promise<Omit<StreamedPositions, "sha256" | "encoding"> | undefined> {
  const width = header.length;
  const names = header.map((h) => h.trim());
  const raw = sql(join(dir, "raw.parquet"));
  const columns = header.map((_, i) => `c${i}: 'VARCHAR'`).join(", ");
  try {
    await c.run(
      `copy (select row_number() over () + 1 as row, * from read_csv(${sql(path)}, header = true,
         auto_detect = false, delim = ',', quote = '"', escape = '"', strict_mode = true,
         null_padding = true, nullstr = ${sql(NULL_MARK)}, columns = {${columns}}))
       to ${raw} (format parquet, compression uncompressed)`,
    );
  } catch {
    return undefined; // invalid UTF-8, stray quotes, a row longer than the header: row by row
  }
  const col = (name: string) => {
    const i = names.indexOf(name);
    return i >= 0 ? `c${i}` : "''";
  };
  const blank = `(c1 is null and ${trimmed("c0")} = '')`;

  // A row shorter than the header, anywhere, is reported first (as the whole-file check does).
  const cellsOf = `case ${header
    .slice(1)
    .map((_, i) => `when c${i + 1} is null then ${i + 1}`)
    .join(" ")} end`;
  const short = await rowsOf(
    c,
    `select row, ${cellsOf} from ${raw} where c${width - 1} is null and not ${blank} order by row limit 1`,
  );
  if (short[0]) {
    const row = Number(short[0][0]);
    throw new DataError(ioMessages.truncatedRow({ file, row }, Number(short[0][1]), width), {
      place: { file, row },
    });
  }

  // Each distinct cell of a checked column, judged once by the row reader's own rule.
  const joins: string[] = [];
  const ok: string[] = [];
  const distinct = async (name: string, where = "") =>
    (await rowsOf(c, `select distinct ${col(name)} from ${raw} where not ${blank} ${where}`)).map((r) =>
      String(r[0]),
    );
  for (const [name, rule] of RULED) {
    if (!names.includes(name)) continue;
    await c.run(`create table m_${name} (raw varchar, ok boolean, v varchar)`);
    await fill(
      c,
      `m_${name}`,
      (await distinct(name)).map((t) => {
        const v = rule(t.trim());
        return [t, v !== undefined, v ?? null];
      }),
    );
    joins.push(`left join m_${name} on m_${name}.raw = ${col(name)}`);
    ok.push(`m_${name}.ok`);
  }
  const value = col("value");
  await c.run("create table m_unit (raw varchar, ok boolean, v varchar, n varchar)");
  await fill(
    c,
    "m_unit",
    (await distinct("unit")).map((t) => {
      const u = LONG_CELL_RULES.unit(t.trim());
      return [t, u !== undefined, u?.currency ?? null, u?.scale ?? null];
    }),
  );
  await c.run("create table m_value (raw varchar, ok boolean, n varchar)");
  await fill(
    c,
    "m_value",
    (await distinct("value", `and not regexp_full_match(${value}, ${PLAIN_DECIMAL})`)).map((t) => {
      const v = LONG_CELL_RULES.value(t);
      return [t, v !== undefined, v ?? null];
    }),
  );
  const interest = names.includes("interest_bearing") ? col("interest_bearing") : undefined;
  if (interest) {
    await c.run("create table m_ib (raw varchar, v boolean)");
    await fill(
      c,
      "m_ib",
      (await distinct("interest_bearing")).map((t) => [t, LONG_CELL_RULES.interestBearing(t.trim())]),
    );
  }
  const ruled = (name: string, fallback: string) => (names.includes(name) ? `m_${name}.v` : sql(fallback));
  const plainValue = `regexp_full_match(${value}, ${PLAIN_DECIMAL})`;
  // Each entity's home currency (for `is_foreign`): the store's, else the unit currency of its
  // first row, as the reader takes it.
  const entities = new Map<string, string>();
  for (const [entity, currency] of await rowsOf(
    c,
    `select ${trimmed(col("entity"))} as e, arg_min(m_unit.v, row) from ${raw}
       left join m_unit on m_unit.raw = ${col("unit")} where not ${blank} group by e order by min(row)`,
  ))
    entities.set(String(entity), ctx.homeCurrencies.get(String(entity)) ?? String(currency));
  await c.run("create table home (entity varchar, currency varchar)");
  await fill(c, "home", [...entities]);

  // The checked rows, in the staged layout of STAGED_POSITION_COLUMNS ("" for no label, parent,
  // instrument or named currency is NULL there, as the row-by-row stage writes it), plus each
  // row's unit and whether a cell is refused. This file is what the store loads.
  const staged = join(dir, "positions.parquet");
  const currency = ruled("currency", "");
  await c.run(
    `copy (select ${trimmed(col("entity"))} as entity, ${ruled("date", "")} as date,
       ${trimmed(col("item"))} as item, nullif(${trimmed(col("label"))}, '') as label_en,
       ${ruled("side", "")} as side, ${ruled("kind", "item")} as kind,
       nullif(${trimmed(col("parent"))}, '') as parent, nullif(${ruled("instrument", "")}, '') as instrument,
       nullif(${currency}, '') as currency, (${currency} = '' or ${currency} <> home.currency) as is_foreign,
       ${ruled("maturity", "unknown")} as maturity, ${ruled("counterparty", "")} as counterparty,
       ${interest ? "m_ib.v" : "null::boolean"} as interest_bearing,
       case when ${plainValue} then cast(${value} as double) else cast(m_value.n as double) end as value,
       row as src_row, m_unit.v as ucur, cast(m_unit.n as integer) as uscale,
       not (${[
         `${trimmed(col("entity"))} <> ''`,
         `${trimmed(col("item"))} <> ''`,
         `(${plainValue} or m_value.ok)`,
         "m_unit.ok",
         ...ok,
       ].join(" and ")}) as bad
     from ${raw} ${joins.join(" ")}
       left join m_unit on m_unit.raw = ${col("unit")}
       left join m_value on m_value.raw = ${value}
       ${interest ? `left join m_ib on m_ib.raw = ${interest}` : ""}
       left join home on home.entity = ${trimmed(col("entity"))}
     where not ${blank}) to ${sql(staged)} (format parquet, compression uncompressed)`,
  );
  const chk = "k";
  await c.run(
    `create view k as select *, src_row as row, coalesce(parent, '') as part_of from read_parquet(${sql(staged)})`,
  );

  // The first refused row: a bad cell, a unit that differs from its sheet's, or a position twice.
  // One pass for the sheets (their first row and unit, and the sums the balance check needs).
  const [[badRow, count]] = (await rowsOf(c, `select min(row) filter (where bad), count(*) from k`)) as [
    [Cell, Cell],
  ];
  const sheetRows = await rowsOf(
    c,
    `select entity, date, arg_min(ucur, row), arg_min(uscale, row),
       count(distinct ucur) > 1 or count(distinct uscale) > 1,
       coalesce(sum(value) filter (kind = 'item' and side = 'asset'), 0),
       coalesce(sum(value) filter (kind = 'item' and side <> 'asset'), 0),
       arg_min(value, row) filter (kind = 'total' and side = 'asset'),
       arg_min(value, row) filter (kind = 'total' and side <> 'asset'),
       sum(abs(value))
     from k group by all order by min(row)`,
  );
  const [[dupKeys]] = (await rowsOf(
    c,
    "select count(*) from (select entity, date, item from k group by all having count(*) > 1)",
  )) as [[Cell]];
  const unitRow = sheetRows.some((r) => r[4] === true)
    ? await firstOf(
        c,
        `with f as (select entity, date, arg_min(ucur, row) as ucur, arg_min(uscale, row) as uscale
           from k group by all)
         select min(k.row) from k join f using (entity, date) where k.ucur <> f.ucur or k.uscale <> f.uscale`,
      )
    : undefined;
  const dupRow =
    Number(dupKeys) > 0
      ? await firstOf(
          c,
          `with d as (select entity, date, item, min(row) as first from k group by all having count(*) > 1)
           select min(k.row) from k join d using (entity, date, item) where k.row > d.first`,
        )
      : undefined;
  const refused = Math.min(
    badRow === null ? Infinity : Number(badRow),
    unitRow ?? Infinity,
    dupRow ?? Infinity,
  );
  if (refused !== Infinity) return explain(c, raw, chk, file, header, ctx, refused, dupRow);
  if (Number(count) === 0) {
    new LongPositionRows(file, header, ctx.homeCurrencies).finish();
    return undefined;
  }

  await checkBalances(c, sheetRows, file);

  const sheets: SheetHead[] = sheetRows.map(([entity, date, currency, scale]) => ({
    entity: String(entity),
    date: String(date),
    unit: { currency: String(currency), scale: Number(scale) },
  }));
  return { path: staged, rows: Number(count), sheets, entities };
}

async function firstOf(c: DuckDBConnection, query: string): Promise<number | undefined> {
  const v = (await rowsOf(c, query))[0]?.[0];
  return v === null || v === undefined ? undefined : Number(v);
}

/**
 * Reads the refused row again with the row reader (after its sheet's first row, which sets the
 * sheet's unit) and throws the reader's error; a repeated position gets the reader's message.
 */
async function explain(
  c: DuckDBConnection,
  raw: string,
  chk: string,
  file: string,
  header: readonly string[],
  ctx: ImportContext,
  row: number,
  dupRow: number | undefined,
): Promise<undefined> {
  const [sheetFirst] = await rowsOf(
    c,
    `select min(k.row) from ${chk} k join ${chk} r on r.row = ${row} and k.entity = r.entity and k.date = r.date`,
  );
  const firstRow = sheetFirst?.[0] === null || sheetFirst === undefined ? row : Number(sheetFirst[0]);
  const cells = await rowsOf(
    c,
    `select * exclude (row) from ${raw} where row in (${firstRow}, ${row}) order by row`,
  );
  const reader = new LongPositionRows(file, header, ctx.homeCurrencies);
  const record = (r: Cell[]) => r.map((v) => String(v ?? ""));
  if (firstRow < row) reader.read(record(cells[0]!), firstRow);
  const r = reader.read(record(cells.at(-1)!), row);
  if (r && row === dupRow)
    throw new DataError(duplicatePositionMessage(file, row, r.item, r.entity, r.date), {
      place: { file, row, column: "item" },
    });
  return undefined; // the reader accepts the row after all: let it read the whole file
}

// Sums within this of the tolerance are summed again in row order: far more than the difference
// summation order makes (n ulp of the sum of magnitudes) plus the rounding to 1e-6.
const margin = (magnitude: number) => 1e-9 * magnitude + 2e-6;

/**
 * Refuses the first sheet (in file order) that does not balance, as LongPositionRows.finish does,
 * from the sums of `sheets` (rows of the sheet query above, in file order).
 */
async function checkBalances(c: DuckDBConnection, sheets: readonly Cell[][], file: string): Promise<void> {
  const doubtful = new Set<string>();
  const key = (e: unknown, d: unknown) => `${String(e)}\u0000${String(d)}`;
  const near = (published: number, computed: number, magnitude: number) =>
    !Number.isFinite(published) ||
    !Number.isFinite(computed) ||
    Math.abs(published - computed) > 0.1 - margin(magnitude);
  for (const [e, d, , , , a, l, ta, tl, abs] of sheets) {
    const [sa, sl, m] = [Number(a), Number(l), Number(abs)];
    const [pa, pl] = [ta === null ? sa : Number(ta), tl === null ? sl : Number(tl)];
    if (near(pa, sa, m) || near(pl, sl, m) || near(pa, pl, m)) doubtful.add(key(e, d));
  }
  const subtotals = await rowsOf(
    c,
    `with parts as (select entity, date, parent, sum(value) as sum, sum(abs(value)) as abs from k
       where parent <> '' and kind in ('item', 'subtotal') group by all)
     select s.entity, s.date, s.value, p.sum, p.abs from k s join parts p
       on s.entity = p.entity and s.date = p.date and s.item = p.parent
     where s.kind = 'subtotal'`,
  );
  for (const [e, d, v, sum, abs] of subtotals)
    if (near(Number(v), Number(sum), Math.abs(Number(v)) + Number(abs))) doubtful.add(key(e, d));
  if (doubtful.size === 0) return;
  await c.run("create table doubtful (entity varchar, date varchar)");
  await fill(
    c,
    "doubtful",
    [...doubtful].map((k) => k.split("\u0000")),
  );
  const rows = await rowsOf(
    c,
    `with s as (select entity, date, min(row) as first from k join doubtful using (entity, date) group by all)
     select k.entity, k.date, k.kind, k.side, k.item, k.part_of, k.value from k join s using (entity, date)
     order by s.first, k.row`,
  );
  let checker: SheetChecker | undefined;
  let at = "";
  const settle = (entity: string, date: string) => {
    const error = checker && unbalancedSheetError(file, { entity, date, checker });
    if (error) throw error;
  };
  let last: [string, string] = ["", ""];
  for (const [e, d, kind, side, item, parent, value] of rows) {
    const k = key(e, d);
    if (k !== at) {
      settle(...last);
      checker = new SheetChecker();
      at = k;
      last = [String(e), String(d)];
    }
    checker!.add(kind as "item", side as "asset", String(item), String(parent), Number(value));
  }
  settle(...last);
}
