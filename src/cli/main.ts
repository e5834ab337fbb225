import { Command, CommanderError } from "commander";

import { BslabError } from "../errors.ts";
import type { RegisterCommand } from "./context.ts";

// One module per command family; adding a command is one line here.
const modules: Array<() => Promise<{ register: RegisterCommand }>> = [
  () => import("./commands/data.ts"),
  () => import("./commands/serve.ts"),
  () => import("./commands/io.ts"),
  () => import("./commands/indicators.ts"),
  () => import("./commands/report.ts"),
  // one line per command module
  () => import("./commands/recession.ts"),
  () => import("./commands/sim.ts"),
];

async function main(argv: string[]): Promise<void> {
  const program = new Command("bslab")
    .description("Balance Sheet Lab: balance-sheet mismatch risk, balance-sheet recessions, SFC models")
    .option("--db <path>", "DuckDB database file (default: $BSLAB_DB or the user data directory)")
    .showHelpAfterError()
    .exitOverride();
  program.configureOutput({ writeErr: (text) => process.stderr.write(text) });
  program.hook("preAction", (cmd) => {
    const db = cmd.optsWithGlobals().db as string | undefined;
    if (db) process.env.BSLAB_DB = db;
  });
  for (const load of modules) (await load()).register(program);
  await program.parseAsync(argv);
}

// A reader that stops early (`| head`) closes the pipe: that is not an error worth a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

main(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
    return;
  }
  const message = error instanceof BslabError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`bslab: ${message.split("\n")[0]}\n`);
  if (process.env.BSLAB_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
