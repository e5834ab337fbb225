import { listValue } from "@duckdb/node-api";

import type { Series, SeriesMeta } from "../model/series.ts";
import type { Store } from "./store.ts";

/**
 * Writes series under their vintage, replacing the same id and vintage (re-import is idempotent)
 * and keeping other vintages beside them.
 */
export async function saveSeries(store: Store, list: readonly Series[]): Promise<void> {
  if (list.length === 0) return;
  await store.transaction(async () => {
    // Bulk deletes as hash semi-joins, and only when some id and vintage is already stored: a
    // statement per series costs ~1 ms each (EWN has 1,274), and scanning the observations
    // (a million rows with the recession data) costs ~0.5 s, wasted on a first load.
    const keys = listValue(list.map((s) => `${s.id}\u0000${s.vintage}`));
    const matches = "in (select unnest($1::varchar[]))";
    const clash = await store.all(`select 1 from series where id || chr(0) || vintage ${matches} limit 1`, [
      keys,
    ]);
    if (clash.length > 0) {
      await store.run(`delete from observations where series_id || chr(0) || vintage ${matches}`, [keys]);
      await store.run(`delete from series where id || chr(0) || vintage ${matches}`, [keys]);
    }
    await store.append(
      "series",
      list.map((s) => [s.id, s.vintage, s.entity, s.name, s.frequency, s.unit, s.scale, s.dataset, s.file]),
    );
    await store.append(
      "observations",
      list.flatMap((s) => s.observations.map((o) => [s.id, s.vintage, o.date, o.value])),
    );
  });
}

/** The metadata of the latest vintage of every series matching the filters. */
export async function listSeries(
  store: Store,
  filter: { dataset?: string; entity?: string } = {},
): Promise<SeriesMeta[]> {
  return store.all<SeriesMeta & Record<string, unknown>>(
    `select id, vintage, entity, name, frequency, unit, scale, dataset, file from series
     where ($1::varchar is null or dataset = $1) and ($2::varchar is null or entity = $2)
     qualify row_number() over (partition by id order by vintage desc) = 1 order by id`,
    [filter.dataset ?? null, filter.entity ?? null],
  );
}

/** One series with its observations (latest vintage unless one is given), or undefined. */
export async function loadSeries(store: Store, id: string, vintage?: string): Promise<Series | undefined> {
  const metas = await store.all<SeriesMeta & Record<string, unknown>>(
    `select id, vintage, entity, name, frequency, unit, scale, dataset, file from series
     where id = $1 and ($2::varchar is null or vintage = $2) order by vintage desc limit 1`,
    [id, vintage ?? null],
  );
  const meta = metas[0];
  if (!meta) return undefined;
  const observations = await store.all<{ date: string; value: number }>(
    "select date, value from observations where series_id = $1 and vintage = $2 order by date",
    [id, meta.vintage],
  );
  return { ...meta, observations };
}
