import type { Command } from "commander";

/** Output format every data-printing command accepts. */
export type OutputFormat = "table" | "csv" | "json";

/**
 * A CLI command module registers its sub-commands on the program; main.ts lists the modules.
 * `help` says help will be printed: a module whose help text needs a heavy module (the import
 * layouts) loads it then, and only then.
 */
export type RegisterCommand = (program: Command, options: { help: boolean }) => void | Promise<void>;
