import { createRequire } from "node:module";

import type * as DuckDbModule from "@duckdb/node-api";

/** The DuckDB driver module (@duckdb/node-api). */
export type DuckDb = typeof DuckDbModule;

let loaded: DuckDb | undefined;

/**
 * The DuckDB driver, loaded on first use with `require`. The driver is CommonJS split over about a
 * hundred files; `import` has Node scan each of them for named exports, which costs more than
 * loading them (about 0.4 s against 0.15 s whole-process here), and every store command pays it.
 * Every value import of the driver goes through here so that no `import` brings the scan back.
 * @example const instance = await duckdb().DuckDBInstance.create(":memory:");
 */
export function duckdb(): DuckDb {
  return (loaded ??= createRequire(import.meta.url)("@duckdb/node-api") as DuckDb);
}
