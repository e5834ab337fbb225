/**
 * The store's schema, as numbered migrations. A database records the last migration applied in
 * `meta.schema_version`; opening it applies the missing ones in one transaction.
 */
/**
 * A stored period (`2013`, `2013-Q4`, `2013-12`, `2013-12-25`) as the DATE of its last day:
 * 2013-12-31, 2013-12-31, 2013-12-31, 2013-12-25. Anything else gives NULL (the text stays in
 * `period`). Stocks are measured at the period's end, hence the end rather than the start.
 */
export const periodEnd = (d: string): string => `case
     when regexp_full_match(${d}, '\\d{4}-\\d{2}-\\d{2}') then try_cast(${d} as date)
     when regexp_full_match(${d}, '\\d{4}-\\d{2}') then last_day(try_cast(${d} || '-01' as date))
     when regexp_full_match(${d}, '\\d{4}-Q[1-4]') then
       last_day(make_date(cast(left(${d}, 4) as integer), 3 * cast(right(${d}, 1) as integer), 1))
     when regexp_full_match(${d}, '\\d{4}') then make_date(cast(${d} as integer), 12, 31)
   end`;

// The views of migration 6 over observations and positions, made again when 8 rebuilds the tables.
const LATEST_OBSERVATIONS = `create view latest_observations as
     select o.series_id, ${periodEnd("o.date")} as date, o.date as period, o.value, s.unit, s.scale,
       s.frequency, s.name, s.entity, s.dataset, o.vintage
     from observations o join latest_series s on o.series_id = s.id and o.vintage = s.vintage;`;
const LATEST_POSITIONS = `create view latest_positions as
     select p.entity, ${periodEnd("p.date")} as date, p.date as period, p.item, p.label_en, p.label_zh,
       p.code, p.side, p.kind, p.parent, p.instrument, p.currency, p.is_foreign, p.maturity,
       p.maturity_basis, p.counterparty, p.interest_bearing, p.value, s.currency as sheet_currency,
       s.scale, p.vintage, p.src_dataset, p.src_file, p.src_row, p.src_column, p.src_sheet, p.src_url
     from positions p join latest_sheets s
       on p.entity = s.entity and p.date = s.period and p.vintage = s.vintage;`;

export const MIGRATIONS: readonly string[] = [
  `create table meta (key varchar primary key, value varchar);
   create table datasets (
     id varchar primary key, title varchar, publisher varchar, origin varchar, vintage varchar,
     licence varchar, restricted boolean, fingerprint varchar, loaded_at timestamp);
   create table imports (
     id varchar primary key, dataset varchar, file varchar, sha256 varchar, mapping varchar,
     vintage varchar, rows integer, imported_at timestamp);
   create table entities (
     id varchar primary key, name_en varchar, name_zh varchar, sector varchar, country varchar,
     home_currency varchar);
   create table sheets (
     entity varchar, date varchar, vintage varchar, currency varchar, scale integer, dataset varchar,
     notes varchar, primary key (entity, date, vintage));
   create table positions (
     entity varchar, date varchar, vintage varchar, item varchar, label_zh varchar, label_en varchar,
     code varchar, side varchar, kind varchar, parent varchar, instrument varchar, currency varchar,
     is_foreign boolean, maturity varchar, maturity_basis varchar, counterparty varchar,
     interest_bearing boolean, value double, src_dataset varchar, src_file varchar, src_row integer,
     src_column varchar, src_sheet varchar, primary key (entity, date, vintage, item));
   create table series (
     id varchar, vintage varchar, entity varchar, name varchar, frequency varchar, unit varchar,
     scale integer, dataset varchar, file varchar, primary key (id, vintage));
   create table observations (
     series_id varchar, vintage varchar, date varchar, value double,
     primary key (series_id, vintage, date));`,
  // 2: the size and modification time of each bundled dataset's files when it was loaded, so a
  // run can tell the files are unchanged without hashing 20 MB.
  `create table bundled_files (dataset varchar primary key, stat_key varchar);`,
  // 3: the publisher's address of each line, where a file names one per line (the BoJ's and the
  // ECB's release pages), so a value can be traced to the page it was read from.
  `alter table positions add column src_url varchar;`,
  // 4: what an entity is (central-bank, other-depository-corporations, sector, country) is data:
  // the bundled entity rows and `import --entity-kind` set it. Older rows take it from their sector.
  `alter table entities add column kind varchar;
   update entities set kind = case sector when 'S.121' then 'central-bank'
     when 'S.122' then 'other-depository-corporations' else null end;`,
  // 5: every response `bslab fetch` stored: where it came from, when, and the raw text as received,
  // so a fetched vintage can be traced to (and re-read from) the bytes behind it.
  `create table fetches (
     id varchar primary key, source varchar, url varchar, retrieved_at varchar, sha256 varchar,
     bytes integer, content varchar, dataset varchar, vintage varchar);`,
  // 6: views for R, Python and Stata users (docs/store-schema.md): the latest vintage of every
  // series and every sheet, the period as a DATE (its last day) beside the stored text. Latest:
  // the greatest vintage once "BIS download of " is dropped (vintageKey), as loadLatestSeries;
  // sheets the greatest vintage, as loadSheets.
  `create view latest_series as
     select * from series
     qualify row_number() over (
       partition by id order by regexp_replace(vintage, '^BIS download of ', '') desc, vintage desc) = 1;
   ${LATEST_OBSERVATIONS}
   create view latest_sheets as
     select entity, ${periodEnd("date")} as date, date as period, vintage, currency, scale, dataset, notes
     from sheets qualify row_number() over (partition by entity, date order by vintage desc) = 1;
   ${LATEST_POSITIONS}`,
  // 7: whether a line's principal is indexed to inflation (the Fed's TIPS lines), so the study's
  // nominal notes and bonds can be told from them; NULL where the line does not say.
  `alter table positions add column inflation_indexed boolean;`,
  // 8: positions and observations without a primary key. Keeping the index up cost about 18 s of a
  // million-row import (21.7 s against 3.6 s); every write now checks the keys it wrote instead
  // (src/store/unique.ts), in the same transaction. DuckDB cannot drop a key in place: each table
  // is copied, rows and column order kept, and the views over it made again.
  `create table positions_v8 (
     entity varchar, date varchar, vintage varchar, item varchar, label_zh varchar, label_en varchar,
     code varchar, side varchar, kind varchar, parent varchar, instrument varchar, currency varchar,
     is_foreign boolean, maturity varchar, maturity_basis varchar, counterparty varchar,
     interest_bearing boolean, value double, src_dataset varchar, src_file varchar, src_row integer,
     src_column varchar, src_sheet varchar, src_url varchar, inflation_indexed boolean);
   insert into positions_v8 select * from positions;
   create table observations_v8 (series_id varchar, vintage varchar, date varchar, value double);
   insert into observations_v8 select * from observations;
   drop view latest_positions;
   drop view latest_observations;
   drop table positions;
   drop table observations;
   alter table positions_v8 rename to positions;
   alter table observations_v8 rename to observations;
   ${LATEST_OBSERVATIONS}
   ${LATEST_POSITIONS}`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
