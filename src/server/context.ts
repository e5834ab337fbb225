import type { WorkerPool } from "./pool/worker-pool.ts";
import type { ResponseCache } from "./response-cache.ts";
import type { StoreGate } from "./store-gate.ts";

/** What every route module receives: the shared store gate, the answer cache, the route list, limits. */
export interface ServerContext {
  gate: StoreGate;
  /** Answers of the read-only GET routes, dropped when the store's data change. */
  cache: ResponseCache;
  version: string;
  routes: Array<{ method: string; url: string; schema: Record<string, unknown> }>;
  limits: { body: number; file: number; sweepRuns: number };
  /** Worker threads for heavy requests (sweeps, the evaluation, parsing uploads). */
  pool: WorkerPool;
  /** Time budget of each kind of heavy request, milliseconds (queueing included). */
  budgets: Budgets;
  /** Compute the early-warning table on a worker at start and after each import (`bslab serve`). */
  precompute: boolean;
}

/** Time budgets of the heavy requests, milliseconds. */
export interface Budgets {
  sweep: number;
  evaluate: number;
  import: number;
}
