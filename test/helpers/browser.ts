/**
 * The browser tests' (and bench/web.bench.ts's) Chromium and workbench: one set of flags, one
 * launch, and one server over a copy of the template database, so every file starts them alike.
 */
import type { FastifyInstance } from "fastify";
import { chromium, type Browser } from "playwright-core";

import { buildServer, type ServerOptions } from "../../src/server/app.ts";
import { ensureWebBuilt } from "../../src/server/web-build.ts";
import { chromiumPath } from "./chromium.ts";

/** Headless, no sandbox (root in CI), nothing of Chrome's own network chatter. */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Chromium (found by {@link chromiumPath}) with {@link CHROMIUM_FLAGS}; playwright gives it a fresh profile. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
}

/** The workbench served on 127.0.0.1 (port 0) over `dbPath`, web/dist built first when stale. */
export async function serveWorkbench(
  options: ServerOptions & { port?: number },
): Promise<{ app: FastifyInstance; base: string }> {
  // `npm test` on a fresh clone: build web/dist here when it is missing or older than web/src.
  await ensureWebBuilt();
  const { port = 0, ...serverOptions } = options;
  const app = await buildServer(serverOptions);
  return { app, base: await app.listen({ host: "127.0.0.1", port }) };
}
