import type { Command } from "commander";

/** Output format every data-printing command accepts. */
export type OutputFormat = "table" | "csv" | "json";

/** A CLI command module registers its sub-commands on the program; main.ts lists the modules. */
export type RegisterCommand = (program: Command) => void;
