import { Command, CommanderError } from "commander";

import { BslabError } from "../errors.ts";
import type { RegisterCommand } from "./context.ts";

// One module per command family, with the top-level commands it registers; adding a command is
// one line here. Only the module of the command being run is loaded (the report module alone pulls
// in ECharts); help and unknown commands load them all.
const modules: Array<{ names: string[]; load: () => Promise<{ register: RegisterCommand }> }> = [
  { names: ["datasets", "sheet", "import"], load: () => import("./commands/data.ts") },
  { names: ["serve"], load: () => import("./commands/serve.ts") },
  { names: ["export", "series"], load: () => import("./commands/io.ts") },
  { names: ["indicators", "compare"], load: () => import("./commands/indicators.ts") },
  { names: ["report"], load: () => import("./commands/report.ts") },
  { names: ["credit-gap", "recession"], load: () => import("./commands/recession.ts") },
  { names: ["sim"], load: () => import("./commands/sim.ts") },
];

/** The command word in argv: the first argument that is neither a global option nor its value. */
function commandName(argv: readonly string[]): string | undefined {
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--db") i++;
    else if (!arg.startsWith("-")) return arg;
  }
  return undefined;
}

async function main(argv: string[]): Promise<void> {
  const program = new Command("bslab")
    .description("Balance Sheet Lab: balance-sheet mismatch risk, balance-sheet recessions, SFC models")
    .option("--db <path>", "DuckDB database file (default: $BSLAB_DB or the user data directory)")
    .exitOverride();
  // Usage errors are one line, like every other failure, so scripts can show them as they are.
  program.configureOutput({
    writeErr: (text) => process.stderr.write(text),
    outputError: (text, write) => write(`bslab: ${text.replace(/^error: /, "").trim()} (see bslab --help)\n`),
  });
  program.hook("preAction", (cmd) => {
    const db = cmd.optsWithGlobals().db as string | undefined;
    if (db) process.env.BSLAB_DB = db;
  });
  const name = commandName(argv);
  const wanted = modules.filter((m) => name !== undefined && m.names.includes(name));
  for (const m of wanted.length > 0 ? wanted : modules) (await m.load()).register(program);
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
