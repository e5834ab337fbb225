import { spawnSync, type SpawnSyncOptions } from "node:child_process";

import type { BenchCase } from "./measure.ts";

/** Options of a whole-process case: where it runs and what it is given. */
export interface ProcessOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Text written to the process's stdin. */
  input?: string;
}

/**
 * A bench case that runs `command ARGS` as a whole process (start-up, module loading and exit
 * included) once per call, failing the bench when the process does not exit 0 so a broken
 * command is never timed as a fast one. `args` may depend on the size.
 *
 * @example
 * const nodeBare = processCase("node -e 0", process.execPath, () => ["-e", "0"]);
 */
export function processCase<S>(
  label: string,
  command: string,
  args: (size: S) => string[],
  options: ProcessOptions = {},
): BenchCase<S> {
  return {
    label,
    sampleMs: 0,
    run: (size) => {
      const spawnOptions: SpawnSyncOptions = {
        encoding: "utf8",
        stdio: ["pipe", "pipe", "pipe"],
        maxBuffer: 256 * 1024 * 1024,
        ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
        ...(options.env === undefined ? {} : { env: options.env }),
        ...(options.input === undefined ? {} : { input: options.input }),
      };
      const r = spawnSync(command, args(size), spawnOptions);
      if (r.status !== 0)
        throw new Error(
          `${label}: ${command} ${args(size).join(" ")} exited ${r.status ?? r.signal}: ${String(r.stderr).trim().split("\n")[0]}`,
        );
      return r.stdout;
    },
  };
}
