import { existsSync } from "node:fs";

import { ensureBundled } from "../ingest/load-bundled.ts";
import { Store } from "../store/store.ts";

type Mode = "read" | "write";

/**
 * Shares one DuckDB file between the server and the CLI. DuckDB lets one process write a file, or
 * several read it, so the server never holds it for long: requests run one at a time on an instance
 * opened in the mode they need (read-only for reads), and the instance closes after `idleMs`
 * without requests, so `bslab import` in another terminal can open the file.
 */
export class StoreGate {
  readonly path: string;
  private readonly idleMs: number;
  private store: Store | undefined;
  private mode: Mode | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private writes = 0;

  constructor(path: string, idleMs = 1000) {
    this.path = path;
    this.idleMs = idleMs;
  }

  /**
   * Changes when this process writes: when a write starts and when it ends. With the database
   * file unchanged on disk, an equal generation means the same data (see ResponseCache).
   */
  get generation(): number {
    return this.writes;
  }

  /** Loads the bundled data on first use (a write), then closes the file. */
  async prepare(): Promise<string[]> {
    return this.write((store) => ensureBundled(store));
  }

  /** Runs `work` on a read-only store (a writable one for `:memory:` or a file not created yet). */
  read<T>(work: (store: Store) => Promise<T>): Promise<T> {
    return this.exclusive("read", work);
  }

  /** Runs `work` on a writable store; imports wrap their writes in one transaction. */
  write<T>(work: (store: Store) => Promise<T>): Promise<T> {
    return this.exclusive("write", work);
  }

  /** Closes the file now (server shutdown). */
  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    this.release(true);
  }

  private exclusive<T>(mode: Mode, work: (store: Store) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      if (this.timer) clearTimeout(this.timer);
      if (mode === "write") this.writes++;
      try {
        return await work(await this.acquire(mode));
      } finally {
        if (mode === "write") this.writes++;
        this.timer = setTimeout(() => this.release(), this.idleMs);
        this.timer.unref();
      }
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async acquire(mode: Mode): Promise<Store> {
    const readOnly = mode === "read" && this.path !== ":memory:" && existsSync(this.path);
    if (this.store && (this.mode === "write" || readOnly)) return this.store;
    this.release();
    this.store = await Store.open({ path: this.path, readOnly });
    this.mode = readOnly ? "read" : "write";
    return this.store;
  }

  private release(force = false): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    // An in-memory store would lose its data when closed: keep it for the server's life.
    if (this.path === ":memory:" && !force) return;
    this.store?.close();
    this.store = undefined;
    this.mode = undefined;
  }
}
