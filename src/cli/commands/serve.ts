import { randomBytes } from "node:crypto";

import type { Command } from "commander";

import { UsageError, messages } from "../../errors.ts";
import { defaultDbPath } from "../../store/paths.ts";

function parsePort(value: string | undefined): number {
  const text = value ?? process.env.PORT ?? "8787";
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535)
    throw new UsageError(messages.invalidOption("--port", text, "an integer 0..65535"));
  return port;
}

export function register(program: Command): void {
  program
    .command("serve")
    .description("serve the web workbench and the HTTP API (builds the web app first if needed)")
    .option("--port <port>", "port (default: $PORT or 8787; 0 picks a free one)")
    .option("--host <host>", "interface to listen on", "127.0.0.1")
    .option("--no-build", "do not build the web app even if web/dist is missing or stale")
    .action(async (opts: { port?: string; host: string; build: boolean }) => {
      const port = parsePort(opts.port);
      // Loaded here, not at the top: Fastify and the web build would slow every other command.
      const { buildServer } = await import("../../server/app.ts");
      const { ensureWebBuilt } = await import("../../server/web-build.ts");
      if (opts.build) {
        process.stderr.write("checking the web app build...\n");
        if (await ensureWebBuilt()) process.stderr.write("built web/dist\n");
      }
      const { isLoopbackHost } = await import("../../server/guard.ts");
      // Beyond loopback every API request needs a token: $BSLAB_TOKEN, or a fresh one printed below.
      const token =
        process.env.BSLAB_TOKEN ||
        (isLoopbackHost(opts.host) ? undefined : randomBytes(24).toString("base64url"));
      process.stderr.write("loading the database...\n");
      const app = await buildServer({
        dbPath: defaultDbPath(),
        host: opts.host,
        precompute: true,
        ...(token ? { token } : {}),
      });
      // A deep accept queue: a burst of connections is accepted (and timed out) at once, not left in
      // SYN retries for a minute.
      const address = await app.listen({ host: opts.host, port, backlog: 4096 });
      const url = address.replace("://[::1]", "://localhost");
      // The web app takes the token from its address (web/src/api.ts) and sends it with each request.
      process.stdout.write(`bslab workbench: ${url}/${token ? `?token=${token}` : ""}\n`);
      if (token && !process.env.BSLAB_TOKEN)
        process.stderr.write(
          `listening on ${opts.host}: API requests need the token above (header x-bslab-token)\n`,
        );
      const stop = () => void app.close().then(() => process.exit(0));
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
}
