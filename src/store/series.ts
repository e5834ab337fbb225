import type { DuckDBValue } from "@duckdb/node-api";

import { type Series, type SeriesMeta, vintageKey } from "../model/series.ts";
import { duckdb } from "./duckdb.ts";
import type { Store } from "./store.ts";
import { assertUniqueObservations } from "./unique.ts";

// Latest vintage first, in SQL, as {@link vintageKey} orders them in JS (and the latest_* views):
// "BIS download of " dropped, then the full text to break ties.
const LATEST_FIRST = "regexp_replace(vintage, '^BIS download of ', '') desc, vintage desc";

/**
 * Writes series under their vintage, replacing the same id and vintage (re-import is idempotent)
 * and keeping other vintages beside them; a date given twice for one series is refused.
 */
export async function saveSeries(store: Store, list: readonly Series[]): Promise<void> {
  if (list.length === 0) return;
  await store.transaction(async () => {
    // Bulk deletes as hash semi-joins, and only when some id and vintage is already stored: a
    // statement per series costs ~1 ms each (EWN has 1,274), and scanning the observations
    // (a million rows with the recession data) costs ~0.5 s, wasted on a first load.
    const keys = duckdb().listValue(list.map((s) => `${s.id}\u0000${s.vintage}`));
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
    await store.append("observations", observationRows(list));
    await assertUniqueObservations(store, list);
  });
}

// One appender row at a time: a series of a million observations is never copied into rows.
function* observationRows(list: readonly Series[]): Generator<DuckDBValue[]> {
  for (const s of list) for (const o of s.observations) yield [s.id, s.vintage, o.date, o.value];
}

/** The metadata of the latest vintage of every series matching the filters. */
export async function listSeries(
  store: Store,
  filter: { dataset?: string; entity?: string } = {},
): Promise<SeriesMeta[]> {
  return store.all<SeriesMeta & Record<string, unknown>>(
    `select id, vintage, entity, name, frequency, unit, scale, dataset, file from series
     where ($1::varchar is null or dataset = $1) and ($2::varchar is null or entity = $2)
     qualify row_number() over (partition by id order by ${LATEST_FIRST}) = 1 order by id`,
    [filter.dataset ?? null, filter.entity ?? null],
  );
}

/** One series with its observations (latest vintage unless one is given), or undefined. */
export async function loadSeries(store: Store, id: string, vintage?: string): Promise<Series | undefined> {
  const metas = await store.all<SeriesMeta & Record<string, unknown>>(
    `select id, vintage, entity, name, frequency, unit, scale, dataset, file from series
     where id = $1 and ($2::varchar is null or vintage = $2) order by ${LATEST_FIRST} limit 1`,
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

/**
 * The latest vintage of each of many series in two round trips: `ids` exactly, plus every series
 * whose id starts with a `likes` prefix (optionally of one entity). Same semantics as
 * `loadSeries`/`listSeries` (latest vintage per id, observations by date; vintages compared by
 * {@link vintageKey}), batched: the monitor reads ~60 series per country and a query per series
 * would cost ~1 ms each.
 */
export async function loadLatestSeries(
  store: Store,
  ids: readonly string[],
  likes: readonly { prefix: string; entity?: string }[] = [],
): Promise<Series[]> {
  const params: DuckDBValue[] = [duckdb().listValue([...ids])];
  const cond = ["id in (select unnest($1::varchar[]))"];
  for (const l of likes) {
    params.push(l.prefix);
    let c = `starts_with(id, $${params.length})`;
    if (l.entity !== undefined) {
      params.push(l.entity);
      c += ` and entity = $${params.length}`;
    }
    cond.push(`(${c})`);
  }
  const metas = await store.all<SeriesMeta & Record<string, unknown>>(
    `select id, vintage, entity, name, frequency, unit, scale, dataset, file from series
     where ${cond.join(" or ")} order by id`,
    params,
  );
  const latest = new Map<string, SeriesMeta>();
  for (const m of metas) {
    const have = latest.get(m.id);
    if (!have || vintageKey(m.vintage) > vintageKey(have.vintage)) latest.set(m.id, m);
  }
  if (latest.size === 0) return [];
  const keys = duckdb().listValue([...latest.values()].map((m) => `${m.id}\u0000${m.vintage}`));
  const rows = await store.all<{ id: string; date: string; value: number }>(
    `select series_id as id, date, value from observations
     where series_id || chr(0) || vintage in (select unnest($1::varchar[])) order by series_id, date`,
    [keys],
  );
  const out = new Map<string, Series>();
  for (const m of latest.values()) out.set(m.id, { ...m, observations: [] });
  for (const r of rows) out.get(r.id)!.observations.push({ date: r.date, value: r.value });
  return [...out.values()];
}
