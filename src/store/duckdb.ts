import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

import type * as DuckDbModule from "@duckdb/node-api";

/** The DuckDB driver module (@duckdb/node-api). */
export type DuckDb = typeof DuckDbModule;

let loaded: DuckDb | undefined;
let preferOneFile = false;

// The one-file copy of the driver the build writes (scripts/build.mjs buildDriver), beside dist/store/.
const ONE_FILE = new URL("../vendor/duckdb-node-api.cjs", import.meta.url);

/**
 * Makes {@link duckdb} load the build's one-file copy of the driver (dist/vendor/), which loads in
 * half the time of the package's ~190 files. The CLI asks for it before its first store command;
 * a library user keeps the installed package itself, so values built with their own
 * `@duckdb/node-api` (whose classes are checked with `instanceof`) stay valid parameters. Has no
 * effect once the driver is loaded, or where there is no copy (running the TypeScript sources).
 * @internal
 */
export function preferOneFileDriver(): void {
  preferOneFile = true;
}

/**
 * The DuckDB driver, loaded on first use with `require`. The driver is CommonJS split over about a
 * hundred files; `import` has Node scan each of them for named exports, which costs more than
 * loading them (about 0.4 s against 0.15 s whole-process here), and every store command pays it.
 * Every value import of the driver goes through here so that no `import` brings the scan back.
 * @example const instance = await duckdb().DuckDBInstance.create(":memory:");
 */
export function duckdb(): DuckDb {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const oneFile = preferOneFile ? fileURLToPath(ONE_FILE) : undefined;
  loaded = require(oneFile !== undefined && existsSync(oneFile) ? oneFile : "@duckdb/node-api") as DuckDb;
  return loaded;
}
