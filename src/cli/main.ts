import { readFileSync } from "node:fs";

import type { Command } from "commander";

import { BslabError, UsageError } from "../errors.ts";
import { preferOneFileDriver } from "../store/duckdb.ts";
import type { RegisterCommand } from "./context.ts";

// One module per command family, with the top-level commands it registers; adding a command is
// one line here. Only the module of the command being run is loaded (the report module alone pulls
// in ECharts); help and unknown commands load them all, `--version` none.
const modules: Array<{ names: string[]; load: () => Promise<{ register: RegisterCommand }> }> = [
  { names: ["datasets", "sheet", "import"], load: () => import("./commands/data.ts") },
  { names: ["serve"], load: () => import("./commands/serve.ts") },
  { names: ["export", "series"], load: () => import("./commands/io.ts") },
  { names: ["indicators", "compare"], load: () => import("./commands/indicators.ts") },
  { names: ["stress"], load: () => import("./commands/stress.ts") },
  { names: ["report"], load: () => import("./commands/report.ts") },
  { names: ["credit-gap", "recession"], load: () => import("./commands/recession.ts") },
  { names: ["sim"], load: () => import("./commands/sim.ts") },
  { names: ["fetch"], load: () => import("./commands/fetch.ts") },
];

/** The words of argv that are neither global options nor their values: the command path first. */
function commandWords(argv: readonly string[]): string[] {
  const words: string[] = [];
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--db") i++;
    else if (!arg.startsWith("-")) words.push(arg);
  }
  return words;
}

/** The package's version, read from package.json beside src/ (or dist/) at run time. */
function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

/** The deepest command named by `words` (e.g. `sim` for `bslab sim`), to say what it expects. */
function commandAt(program: Command, words: readonly string[]): Command {
  let cmd = program;
  for (const word of words) {
    const sub = cmd.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (sub === undefined) break;
    cmd = sub;
  }
  return cmd;
}

/** The one-line message of a Commander usage error (it may print a suggestion on a second line). */
function oneLine(text: string): string {
  return text
    .replace(/^error: /, "")
    .replace(/\s*\n\s*/g, " ")
    .trim();
}

async function main(argv: string[]): Promise<void> {
  const words = commandWords(argv);
  // `--version` alone answers before Commander (or anything else) is even loaded.
  if (words.length === 0 && argv.slice(2).some((a) => a === "--version" || a === "-V")) {
    process.stdout.write(`${packageVersion()}\n`);
    return;
  }
  // The CLI's own process: the build's one-file DuckDB driver loads in half the time.
  preferOneFileDriver();
  const { Command, CommanderError } = await import("commander");
  const program = new Command("bslab")
    .description("Balance Sheet Lab: balance-sheet mismatch risk, balance-sheet recessions, SFC models")
    .option("--db <path>", "DuckDB database file (default: $BSLAB_DB or the user data directory)")
    .exitOverride();
  // Usage errors are one line, like every other failure, so scripts can show them as they are.
  // Help shown because a command group was given no command goes nowhere: the catch below says
  // what was missing in one line instead.
  program.configureOutput({
    writeErr: () => {},
    outputError: (text) => process.stderr.write(`bslab: ${oneLine(text)} (see bslab --help)\n`),
  });
  program.hook("preAction", (cmd) => {
    const db = cmd.optsWithGlobals().db as string | undefined;
    if (db) process.env.BSLAB_DB = db;
  });
  program.version(packageVersion(), "-V, --version", "print the version");
  const name = words[0];
  const wanted = modules.filter((m) => name !== undefined && m.names.includes(name));
  const help = words.length === 0 || words[0] === "help" || argv.some((a) => a === "--help" || a === "-h");
  for (const m of wanted.length > 0 ? wanted : modules) await (await m.load()).register(program, { help });
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // Exit codes: 0 for help and --version, 2 for a usage error (already printed in one line).
    // A command group run without one of its commands: Commander shows its help as an error.
    if (error.code === "commander.help" && error.exitCode !== 0) {
      const cmd = commandAt(program, words);
      const names = cmd.commands.map((c) => c.name()).filter((n) => n !== "help");
      const path = words.slice(0, words.indexOf(cmd.name()) + 1).join(" ");
      const help = cmd === program ? "bslab --help" : `bslab ${path} --help`;
      const what = cmd === program ? "missing command" : `${path} needs a command`;
      throw new UsageError(`${what}: ${names.join(", ")} (see ${help})`);
    }
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  }
}

// A reader that stops early (`| head`) closes the pipe: that is not an error worth a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

// Exit codes: 0 ok (help and --version included), 2 a usage error (Commander's or a UsageError),
// 1 any other failure. Every error is one line on stderr; BSLAB_DEBUG adds the stack.
main(process.argv).catch((error: unknown) => {
  const message = error instanceof BslabError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`bslab: ${message.split("\n")[0]}\n`);
  if (process.env.BSLAB_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
