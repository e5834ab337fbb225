/**
 * The HTTP API and web workbench server (`bslab/server`).
 *
 * @example
 * import { buildServer } from "bslab/server";
 * const app = await buildServer({ dbPath: "/tmp/lab.duckdb" });
 * await app.listen({ host: "127.0.0.1", port: 8787 });
 */
export { buildServer, defaultWebRoot, type ServerOptions } from "./app.ts";
export { StoreGate } from "./store-gate.ts";
export { ensureWebBuilt, webBuildIsStale } from "./web-build.ts";
export type { ErrorBody } from "./http-errors.ts";
