import { periodEnd } from "./schema.ts";
import type { Store } from "./store.ts";

// A DuckDB string literal: COPY takes no parameters, and standard literals have no backslash escapes.
const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;

async function copyToParquet(store: Store, select: string, file: string): Promise<number> {
  const rows = await store.all<{ Count: number }>(
    `copy (${select}) to ${lit(file)} (format parquet, compression zstd)`,
  );
  return Number(rows[0]?.Count ?? 0);
}

/**
 * Writes the latest vintage of an entity's sheets with periods in [from, to] (`to` may be a prefix
 * such as `2013`) to a parquet file, one row per position, from the `latest_positions` view (date
 * as DATE, the stored period text beside it). Returns the number of rows written.
 */
export async function sheetsToParquet(
  store: Store,
  entity: string,
  file: string,
  from = "",
  to = "9999",
): Promise<number> {
  return copyToParquet(
    store,
    `select * from latest_positions where entity = ${lit(entity)}
       and period >= ${lit(from)} and period <= ${lit(to + "\uffff")}
     order by period, src_file, src_row, item`,
    file,
  );
}

/**
 * Writes series to a parquet file, one row per observation: the latest vintage of each (the
 * `latest_observations` view), or the given vintage. `from`/`to` clip the periods as the other
 * export formats do. Returns the number of rows written.
 */
export async function seriesToParquet(
  store: Store,
  ids: readonly string[],
  file: string,
  options: { vintage?: string; from?: string; to?: string } = {},
): Promise<number> {
  const idList = `(${ids.map(lit).join(", ")})`;
  const clip = [
    options.from ? `period >= ${lit(options.from)}` : "true",
    options.to ? `period <= ${lit(options.to + "\uffff")}` : "true",
  ].join(" and ");
  const source =
    options.vintage === undefined
      ? "latest_observations"
      : `(select o.series_id, ${periodEnd("o.date")} as date, o.date as period, o.value, s.unit, s.scale,
           s.frequency, s.name, s.entity, s.dataset, o.vintage
         from observations o join series s on o.series_id = s.id and o.vintage = s.vintage
         where s.vintage = ${lit(options.vintage)})`;
  return copyToParquet(
    store,
    `select * from ${source} where series_id in ${idList} and ${clip} order by series_id, period`,
    file,
  );
}
