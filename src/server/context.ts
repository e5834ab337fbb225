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
}
