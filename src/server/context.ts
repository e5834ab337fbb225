import type { StoreGate } from "./store-gate.ts";

/** What every route module receives: the shared store gate, the route list, limits. */
export interface ServerContext {
  gate: StoreGate;
  version: string;
  routes: Array<{ method: string; url: string; schema: Record<string, unknown> }>;
  limits: { body: number; file: number; sweepRuns: number };
}
