import { existsSync, readFileSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";

import fastifyMultipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";

import type { Budgets, ServerContext } from "./context.ts";
import { installCompression } from "./compress.ts";
import { installGuard } from "./guard.ts";
import { installJsonBody } from "./json-body.ts";
import { frameworkError, installErrorHandler } from "./http-errors.ts";
import { collectRoutes } from "./openapi.ts";
import { WorkerPool } from "./pool/worker-pool.ts";
import { serverWorkerScript } from "./pool/worker-script.ts";
import { importRoutes } from "./routes/imports.ts";
import { indicatorRoutes } from "./routes/indicators.ts";
import { stressRoutes } from "./routes/stress.ts";
import { metaRoutes } from "./routes/meta.ts";
import { recessionRoutes } from "./routes/recession.ts";
import { sheetRoutes } from "./routes/sheets.ts";
import { seriesRoutes } from "./routes/series.ts";
import { simRoutes } from "./routes/sim.ts";
import { ResponseCache } from "./response-cache.ts";
import { StoreGate } from "./store-gate.ts";

/** Options of {@link buildServer}. */
export interface ServerOptions {
  /** DuckDB file shared with the CLI (default: `$BSLAB_DB` or the user data directory). */
  dbPath: string;
  /** Built web app to serve at `/` (default: web/dist of this checkout); none when it does not exist. */
  webRoot?: string;
  /** Largest JSON body, bytes. Default 1 MiB. */
  bodyLimit?: number;
  /** Largest uploaded file, bytes. Default 20 MiB. */
  fileLimit?: number;
  /** Close the database after this many idle milliseconds. Default 1000. */
  idleCloseMs?: number;
  /** Answers of read-only GET routes kept until the store's data change (0: none). Default 256. */
  cacheEntries?: number;
  /**
   * The address the server will listen on: only Host headers naming it (or a loopback name) are
   * answered. Default 127.0.0.1. A non-loopback address requires `token`.
   */
  host?: string;
  /** Access token every `/api` request must carry (see docs/security.md). Default: none on loopback. */
  token?: string;
  /** Worker threads for heavy requests. Default: the cores less one, at least 2, at most 4. */
  workers?: number;
  /** Heavy requests waiting for a worker beyond the running ones (one more: 503). Default 16. */
  queue?: number;
  /** Time budgets of heavy requests, ms (default: sweep 120 s, evaluate 60 s, import 60 s). */
  budgets?: Partial<Budgets>;
  /**
   * Socket timeouts, ms: all headers within `headers` (default 10 s), the whole request within
   * `request` (30 s), an idle keep-alive socket closed after `keepAlive` (5 s).
   */
  timeouts?: Partial<{ headers: number; request: number; keepAlive: number }>;
  /**
   * Compute the early-warning table (seconds of CPU once per store vintage) on a worker when the
   * server starts and after each import through the API, so its first request reads it. Default
   * false (`bslab serve` sets it).
   */
  precompute?: boolean;
  /** Log requests (pino) to stdout. Default false. */
  logger?: boolean;
}

/** The checkout's built web app folder (web/dist). */
export function defaultWebRoot(): string {
  return fileURLToPath(new URL("../../web/dist/", import.meta.url));
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

/**
 * Builds the HTTP API and web server over a bslab database, loading the bundled data into it first.
 * Use `app.inject()` in tests, `app.listen()` to serve.
 *
 * @example
 * const app = await buildServer({ dbPath: "/tmp/lab.duckdb" });
 * const res = await app.inject({ url: "/api/sheets/pboc/2013-12" });
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const limits = {
    body: options.bodyLimit ?? 1024 * 1024,
    file: options.fileLimit ?? 20 * 1024 * 1024,
    sweepRuns: 20_000,
  };
  const timeouts = { headers: 10_000, request: 30_000, keepAlive: 5_000, ...options.timeouts };
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: limits.body,
    // Slow or idle clients cannot hold sockets: the headers within 10 s, the whole request within
    // 30 s, an idle keep-alive socket 5 s; Node checks these every second (its default is 30 s).
    http: {
      headersTimeout: timeouts.headers,
      connectionsCheckingInterval: Math.min(1_000, timeouts.headers),
    },
    requestTimeout: timeouts.request,
    keepAliveTimeout: timeouts.keepAlive,
    // Errors before routing (a malformed URL) in the same envelope as every other error.
    frameworkErrors: frameworkError,
    // Unknown fields are refused (400), not silently dropped: a typo in a parameter should show.
    ajv: { customOptions: { removeAdditional: false, allErrors: false } },
  });
  // Before anything else: a refused request must not reach a parser or the store.
  installGuard(app, {
    ...(options.host !== undefined ? { host: options.host } : {}),
    ...(options.token !== undefined ? { token: options.token } : {}),
  });
  // Node's headers timeout starts with a request's first byte: a socket that never sends one is
  // closed by its own inactivity timer, cleared once a request arrives (budgets bound the answer).
  app.server.on("connection", (socket: Socket) => socket.setTimeout(timeouts.headers));
  app.server.on("request", (req: IncomingMessage) => req.socket.setTimeout(0));
  const gate = new StoreGate(options.dbPath, options.idleCloseMs ?? 1000);
  await gate.prepare();
  app.addHook("onClose", async () => gate.close());

  const pool = new WorkerPool(serverWorkerScript, {
    size: options.workers ?? Math.min(4, Math.max(2, availableParallelism() - 1)),
    queue: options.queue ?? 16,
    // A worker's heap is bounded: a file that would need more fails alone (413), not the server.
    resourceLimits: { maxOldGenerationSizeMb: 512 },
  });
  app.addHook("onClose", async () => pool.close());

  const ctx: ServerContext = {
    pool,
    budgets: { sweep: 120_000, evaluate: 60_000, import: 60_000, ...options.budgets },
    precompute: options.precompute ?? false,
    gate,
    cache: new ResponseCache(gate, options.cacheEntries ?? 256),
    version: packageVersion(),
    routes: collectRoutes(app),
    limits,
  };
  installErrorHandler(app, limits, options.dbPath);
  installJsonBody(app);
  installCompression(app);
  await app.register(fastifyMultipart, {
    limits: { fileSize: limits.file, files: 1, fields: 10, parts: 12 },
    throwFileSizeLimit: true,
  });

  metaRoutes(app, ctx);
  sheetRoutes(app, ctx);
  indicatorRoutes(app, ctx);
  stressRoutes(app, ctx);
  recessionRoutes(app, ctx);
  simRoutes(app, ctx);
  importRoutes(app, ctx);
  seriesRoutes(app, ctx);

  const webRoot = options.webRoot ?? defaultWebRoot();
  if (existsSync(webRoot)) {
    await app.register(fastifyStatic, { root: webRoot, prefix: "/", index: ["index.html"] });
  } else {
    app.get("/", { schema: { hide: true } }, async (_req, reply) =>
      reply
        .type("text/html")
        .send(
          "<!doctype html><title>bslab</title><p>The web app is not built: run <code>npm run build:web</code> (the API is at <a href='/api/openapi.json'>/api/openapi.json</a>).</p>",
        ),
    );
  }
  return app;
}
