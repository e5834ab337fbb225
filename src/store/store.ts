import { mkdirSync } from "node:fs";
import { dirname } from "node:path";

import type { DuckDBConnection, DuckDBInstance, DuckDBValue } from "@duckdb/node-api";

import { BslabError } from "../errors.ts";
import { textBuilders } from "../i18n/define.ts";
import { duckdb } from "./duckdb.ts";
import { STORE_MESSAGES } from "./messages.ts";
import { defaultDbPath } from "./paths.ts";
import { MIGRATIONS, SCHEMA_VERSION } from "./schema.ts";

export interface OpenOptions {
  /** Database file; default `$BSLAB_DB` or the per-user data directory. `:memory:` for a scratch store. */
  path?: string;
  readOnly?: boolean;
  /**
   * How long to keep retrying while another process holds the file's lock (DuckDB allows one
   * writer, or many readers), milliseconds. Default 10 s; 0: fail at once.
   */
  lockWaitMs?: number;
}

const isLockError = (error: unknown) => /lock/i.test(error instanceof Error ? error.message : String(error));

type Row = Record<string, unknown>;

const storeText = textBuilders(STORE_MESSAGES);

function storeError(path: string, cause: unknown): BslabError {
  const text = cause instanceof Error ? cause.message : String(cause);
  // A lock held by another process: say so in words; DuckDB's own text (with its PID) stays the cause.
  const message = /lock/i.test(text)
    ? storeText.locked(path)
    : storeText.cannotOpen(path, text.split("\n")[0] ?? text);
  return new BslabError("store", message, { cause });
}

/**
 * An open bslab database: an embedded DuckDB file holding entities, balance-sheet positions and
 * series. Everything that writes goes through {@link Store.transaction}, so a failed import leaves
 * the file as it was.
 *
 * @example
 * const store = await Store.open({ path: "/tmp/lab.duckdb" });
 * try { console.log(await store.all("select count(*) as n from positions")); } finally { store.close(); }
 */
export class Store {
  readonly path: string;
  readonly readOnly: boolean;
  private readonly instance: DuckDBInstance;
  /** @internal */
  readonly connection: DuckDBConnection;
  private inTransaction = false;

  private constructor(
    path: string,
    readOnly: boolean,
    instance: DuckDBInstance,
    connection: DuckDBConnection,
  ) {
    this.path = path;
    this.readOnly = readOnly;
    this.instance = instance;
    this.connection = connection;
  }

  /** Opens (and on first use creates and migrates) a database. */
  static async open(options: OpenOptions = {}): Promise<Store> {
    const path = options.path ?? defaultDbPath();
    const readOnly = options.readOnly ?? false;
    let instance: DuckDBInstance;
    // A writer holds the lock only for its write (an import's transaction): wait a little for it,
    // retrying at growing intervals, before saying the file is busy.
    const deadline = Date.now() + (options.lockWaitMs ?? 10_000);
    for (let wait = 25; ; wait = Math.min(wait * 2, 400)) {
      try {
        if (path !== ":memory:" && !readOnly) mkdirSync(dirname(path), { recursive: true });
        instance = await duckdb().DuckDBInstance.create(path, readOnly ? { access_mode: "READ_ONLY" } : {});
        break;
      } catch (error) {
        if (!isLockError(error) || Date.now() + wait > deadline) throw storeError(path, error);
        await new Promise((resolve) => setTimeout(resolve, wait * (0.5 + Math.random())));
      }
    }
    const store = new Store(path, readOnly, instance, await instance.connect());
    if (!readOnly) await store.migrate();
    return store;
  }

  /** The schema version recorded in the file (0 for a new file). */
  async schemaVersion(): Promise<number> {
    const tables = await this.all(
      "select table_name from information_schema.tables where table_name = 'meta'",
    );
    if (tables.length === 0) return 0;
    const rows = await this.all("select value from meta where key = 'schema_version'");
    return rows.length ? Number(rows[0]!.value) : 0;
  }

  private async migrate(): Promise<void> {
    const current = await this.schemaVersion();
    if (current > SCHEMA_VERSION) {
      throw new BslabError(
        "store",
        `database ${this.path} has schema version ${current}, newer than this bslab (${SCHEMA_VERSION}); upgrade bslab`,
      );
    }
    if (current === SCHEMA_VERSION) return;
    await this.transaction(async () => {
      for (let v = current; v < SCHEMA_VERSION; v++) await this.connection.run(MIGRATIONS[v]!);
      await this.run("insert or replace into meta values ('schema_version', $1)", [String(SCHEMA_VERSION)]);
    });
  }

  /** Runs a statement with positional parameters ($1, $2, ...). */
  async run(sql: string, params: DuckDBValue[] = []): Promise<void> {
    await this.connection.run(sql, params);
  }

  /** Runs a query and returns plain JS rows (BIGINT as number where it fits). */
  async all<T extends Row = Row>(sql: string, params: DuckDBValue[] = []): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(sql, params);
    // Rows as arrays, keyed here: the driver's own row objects cost ~5x more for wide tables.
    const names = reader.columnNames();
    return reader.getRowsJS().map((row) => {
      const out: Row = {};
      for (let i = 0; i < names.length; i++) {
        const v = row[i];
        out[names[i]!] = typeof v === "bigint" ? Number(v) : v;
      }
      return out as T;
    });
  }

  /**
   * Runs `work` in one transaction: either all of its writes land or none do. Nested calls join
   * the outer transaction.
   */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return work();
    await this.connection.run("begin transaction");
    this.inTransaction = true;
    try {
      const result = await work();
      await this.connection.run("commit");
      return result;
    } catch (error) {
      await this.connection.run("rollback").catch(() => undefined);
      throw error;
    } finally {
      this.inTransaction = false;
    }
  }

  /**
   * Appends rows to a table through DuckDB's appender (fast bulk insert inside the transaction).
   * Rows may come from a generator, so a million of them need not be built at once.
   */
  async append(table: string, rows: Iterable<readonly DuckDBValue[]>): Promise<void> {
    const appender = await this.connection.createAppender(table);
    try {
      for (const row of rows) {
        for (const value of row) {
          if (value === null || value === undefined) appender.appendNull();
          else if (typeof value === "number") appender.appendDouble(value);
          else if (typeof value === "boolean") appender.appendBoolean(value);
          else appender.appendVarchar(String(value));
        }
        appender.endRow();
      }
    } finally {
      appender.closeSync();
    }
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/** Opens the store, runs `work`, and always closes it, so other processes can open the file. */
export async function withStore<T>(
  work: (store: Store) => Promise<T>,
  options: OpenOptions = {},
): Promise<T> {
  const store = await Store.open(options);
  try {
    return await work(store);
  } finally {
    store.close();
  }
}
