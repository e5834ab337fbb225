import { DataError, messages } from "../errors.ts";
import { duckdb } from "./duckdb.ts";
import type { Store } from "./store.ts";

/*
 * Uniqueness of positions (entity, date, vintage, item) and observations (series, vintage, date)
 * without a primary key (schema 8): the index cost a million-row import about 18 s of its 21.7 s.
 * Each write checks, after writing and inside its transaction, the keys it wrote: one grouping of
 * just those rows, whether the twin came from the same write (a file naming a line twice) or was
 * already stored. A refusal throws, so the transaction leaves the store as it was.
 */

/**
 * Refuses (DataError naming the file, row and column item of the repeat) when a position of the
 * sheets `written` under `vintage` is stored twice. Call inside the write's transaction.
 */
export async function assertUniquePositions(
  store: Store,
  vintage: string,
  written: readonly { entity: string; date: string }[],
): Promise<void> {
  if (written.length === 0) return;
  const rows = `from positions p semi join (select unnest($2::varchar[]) as entity, unnest($3::varchar[]) as date) w
       on p.entity = w.entity and p.date = w.date
     where p.vintage = $1`;
  const params = [
    vintage,
    duckdb().listValue(written.map((s) => s.entity)),
    duckdb().listValue(written.map((s) => s.date)),
  ];
  const twice = await store.all(
    `select 1 ${rows} group by p.entity, p.date, p.item having count(*) > 1 limit 1`,
    params,
  );
  if (twice.length === 0) return;
  // Rarely reached: the repeat that comes first in file order, to name it.
  const [dup] = await store.all<{ entity: string; date: string; item: string; file: string; row: number }>(
    `select p.entity, p.date, p.item, p.src_file as file, p.src_row as row ${rows}
     qualify row_number() over (partition by p.entity, p.date, p.item order by p.src_row, p.src_file) = 2
     order by p.src_row, p.src_file limit 1`,
    params,
  );
  const { entity, date, item, file, row } = dup!;
  throw new DataError(messages.duplicatePosition(file, row, item, entity, date), {
    place: { file, row, column: "item" },
  });
}

/**
 * Refuses (DataError naming the series' file) when an observation of the series `written` is
 * stored twice for one date. Call inside the write's transaction.
 */
export async function assertUniqueObservations(
  store: Store,
  written: readonly { id: string; vintage: string }[],
): Promise<void> {
  if (written.length === 0) return;
  const [dup] = await store.all<{ id: string; vintage: string; date: string }>(
    `select o.series_id as id, o.vintage, o.date
     from observations o semi join (select unnest($1::varchar[]) as id, unnest($2::varchar[]) as vintage) w
       on o.series_id = w.id and o.vintage = w.vintage
     group by all having count(*) > 1 order by id, date limit 1`,
    [duckdb().listValue(written.map((s) => s.id)), duckdb().listValue(written.map((s) => s.vintage))],
  );
  if (!dup) return;
  const [series] = await store.all<{ file: string }>(
    "select file from series where id = $1 and vintage = $2",
    [dup.id, dup.vintage],
  );
  const place = { file: series?.file ?? dup.id, column: "date" };
  throw new DataError(messages.duplicateObservation(place, dup.id, dup.date), { place });
}
