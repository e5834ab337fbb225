/**
 * The store's schema, as numbered migrations. A database records the last migration applied in
 * `meta.schema_version`; opening it applies the missing ones in one transaction.
 */
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
];

export const SCHEMA_VERSION = MIGRATIONS.length;
