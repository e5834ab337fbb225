import { statSync } from "node:fs";

import type { FastifyRequest } from "fastify";

import type { Store } from "../store/store.ts";
import type { StoreGate } from "./store-gate.ts";

/**
 * What the store holds, in one small query (a few ms): the series (id and vintage of each), the
 * imports, the dataset loads, the sheets and the entities. Every write bslab makes (an import from
 * the web or from `bslab import` in another process, a bundled dataset loaded) changes it.
 */
export async function storeSummary(store: Store): Promise<string> {
  const [row] = await store.all<{ key: string }>(
    `select concat_ws('|',
       (select count(*) || ':' || coalesce(bit_xor(hash(id, vintage))::varchar, '') from series),
       (select count(*) || ':' || coalesce(bit_xor(hash(id, sha256, imported_at))::varchar, '') from imports),
       (select count(*) || ':' || coalesce(bit_xor(hash(id, fingerprint, loaded_at))::varchar, '') from datasets),
       (select count(*) || ':' || coalesce(bit_xor(hash(entity, date, vintage))::varchar, '') from sheets),
       (select count(*) || ':' || coalesce(bit_xor(hash(id, name_en, name_zh, sector, country, home_currency))::varchar, '') from entities)) as key`,
  );
  return row?.key ?? "";
}

/**
 * Identity, size and times of the database file and its write-ahead log: a commit by any process
 * changes one of them. Undefined for `:memory:` (only this process can change it).
 */
function fileKey(path: string): string | undefined {
  if (path === ":memory:") return undefined;
  const part = (p: string) => {
    const st = statSync(p, { throwIfNoEntry: false, bigint: true });
    return st ? `${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}` : "-";
  };
  return `${part(path)}|${part(`${path}.wal`)}`;
}

/** `{a:1,b:2}` whatever the order of the keys, for cache keys. */
function sorted(value: unknown): string {
  if (!value || typeof value !== "object") return JSON.stringify(value ?? null);
  const o = value as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${sorted(o[k])}`)
    .join(",")}}`;
}

/**
 * Answers of the read-only GET routes, kept while the store's data stay the same: a bounded LRU per
 * server, keyed by the route and its validated (defaulted, coerced) parameters and query.
 *
 * Before each answer the cache makes sure the store has not changed: when neither the database
 * file nor its log changed on disk and this process wrote nothing since the last check, nothing
 * else can have changed it, and no query is needed (the file need not even be open); otherwise
 * {@link storeSummary} is read, and when it differs every answer is dropped. So an import through
 * `POST /api/imports` or by `bslab import` in another process shows at the next request. Errors
 * are never kept, and concurrent requests for the same answer share one computation.
 */
export class ResponseCache {
  private readonly gate: StoreGate;
  private readonly max: number;
  private entries = new Map<string, Promise<unknown>>();
  private summary: string | undefined;
  /** File key and gate generation at which `summary` was last confirmed. */
  private verified: { file: string | undefined; generation: number } | undefined;
  private checks = 0;
  private applied = 0;
  /** The check running, shared by the requests that arrive meanwhile (with no write since it began). */
  private pending: { generation: number; done: Promise<void> } | undefined;

  /** `maxEntries` 0 turns the cache off (every request computes its answer). */
  constructor(gate: StoreGate, maxEntries = 256) {
    this.gate = gate;
    this.max = maxEntries;
  }

  /** Number of answers held. */
  get size(): number {
    return this.entries.size;
  }

  /**
   * The answer of `req`, computed by `compute` unless held. `key` replaces the default key (route,
   * parameters and query) when the route normalises its input itself.
   */
  async answer<T>(req: FastifyRequest, compute: () => Promise<T>, key?: string): Promise<T> {
    if (this.max <= 0) return compute();
    await this.check();
    const k =
      key ?? `${req.method} ${req.routeOptions.url ?? req.url} ${sorted(req.params)} ${sorted(req.query)}`;
    const held = this.entries.get(k) as Promise<T> | undefined;
    if (held) {
      // Most recently used last: the first key of the map is the one to evict.
      this.entries.delete(k);
      this.entries.set(k, held);
      return held;
    }
    const fresh = compute();
    const entries = this.entries;
    entries.set(k, fresh);
    fresh.catch(() => {
      if (entries.get(k) === fresh) entries.delete(k);
    });
    while (entries.size > this.max) entries.delete(entries.keys().next().value!);
    return fresh;
  }

  /**
   * Starts computing the answer under `key` unless one is held or running (work that a route will
   * ask for, begun before it is asked: the early-warning table after a data change). A failure is
   * not kept, so the route's own request computes it again.
   */
  async prime<T>(key: string, compute: () => Promise<T>): Promise<void> {
    if (this.max <= 0) return;
    await this.check();
    if (this.entries.has(key)) return;
    const fresh = compute();
    const entries = this.entries;
    entries.set(key, fresh);
    fresh.catch(() => {
      if (entries.get(key) === fresh) entries.delete(key);
    });
    while (entries.size > this.max) entries.delete(entries.keys().next().value!);
  }

  /** Drops every answer held when the store's data changed since the last check. */
  private async check(): Promise<void> {
    const v = this.verified;
    const generation = this.gate.generation;
    const file = fileKey(this.gate.path);
    if (v && file !== undefined && file === v.file && generation === v.generation) return;
    if (this.pending?.generation === generation) return this.pending.done;
    const done = this.summarise();
    const pending = { generation, done };
    this.pending = pending;
    try {
      await done;
    } finally {
      if (this.pending === pending) this.pending = undefined;
    }
  }

  private async summarise(): Promise<void> {
    const ticket = ++this.checks;
    const seen = await this.gate.read(async (store) => ({
      summary: await storeSummary(store),
      // Taken while the file is open: no other process can write to it meanwhile.
      file: fileKey(this.gate.path),
      generation: this.gate.generation,
    }));
    // A check that started before one already applied saw older data: ignore it.
    if (ticket < this.applied) return;
    this.applied = ticket;
    if (seen.summary !== this.summary) {
      this.entries = new Map();
      this.summary = seen.summary;
    }
    this.verified = { file: seen.file, generation: seen.generation };
  }
}
