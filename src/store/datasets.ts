import type { Store } from "./store.ts";

/** What the store knows about a loaded dataset: where it came from and on what terms. */
export interface DatasetInfo {
  id: string;
  title: string;
  publisher: string;
  origin: string;
  vintage: string;
  licence: string;
  /** True for data under non-commercial or share-alike terms (JST is CC BY-NC-SA 4.0). */
  restricted: boolean;
  /** Changes when the bundled files change, so a store reloads them. */
  fingerprint: string;
}

export async function recordDataset(store: Store, d: DatasetInfo): Promise<void> {
  await store.run(
    "insert or replace into datasets values ($1, $2, $3, $4, $5, $6, $7, $8, current_timestamp)",
    [d.id, d.title, d.publisher, d.origin, d.vintage, d.licence, d.restricted, d.fingerprint],
  );
}

export interface DatasetCoverage extends DatasetInfo {
  sheets: number;
  series: number;
  first: string | null;
  last: string | null;
}

/** Every loaded dataset with how many sheets or series it holds and the dates they cover. */
export async function listDatasets(store: Store): Promise<DatasetCoverage[]> {
  return store.all<DatasetCoverage & Record<string, unknown>>(`
    select d.id, d.title, d.publisher, d.origin, d.vintage, d.licence, d.restricted, d.fingerprint,
      coalesce(sh.n, 0) as sheets, coalesce(se.n, 0) as series,
      coalesce(sh.first_date, se.first_date) as first, coalesce(sh.last_date, se.last_date) as last
    from datasets d
    left join (select dataset, count(*) n, min(date) first_date, max(date) last_date from sheets group by dataset) sh on sh.dataset = d.id
    left join (select s.dataset, count(distinct s.id) n, min(o.date) first_date, max(o.date) last_date
               from series s join observations o on o.series_id = s.id and o.vintage = s.vintage group by s.dataset) se on se.dataset = d.id
    order by d.id`);
}
