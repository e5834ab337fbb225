import { spawnSync } from "node:child_process";

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `bslab ARGS` as a user would (the package's bin through node), against `db`. */
export function runCli(args: string[], db: string, input?: string): CliResult {
  const r = spawnSync(process.execPath, ["bin/bslab.mjs", ...args], {
    encoding: "utf8",
    env: { ...process.env, BSLAB_DB: db, FORCE_COLOR: "0" },
    ...(input === undefined ? {} : { input }),
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
