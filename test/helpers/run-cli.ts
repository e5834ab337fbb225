import { spawn, spawnSync } from "node:child_process";

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `bslab ARGS` as a user would (the package's bin through node), against `db`. */
export function runCli(args: string[], db: string, input?: string, timeoutMs = 120_000): CliResult {
  const r = spawnSync(process.execPath, ["bin/bslab.mjs", ...args], {
    encoding: "utf8",
    env: { ...process.env, BSLAB_DB: db, FORCE_COLOR: "0" },
    ...(input === undefined ? {} : { input }),
    timeout: timeoutMs,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** {@link runCli} with extra environment variables (e.g. `BSLAB_FETCH_BASE_URL` for the replay server). */
export function runCliEnv(args: string[], db: string, env: Record<string, string>): CliResult {
  const r = spawnSync(process.execPath, ["bin/bslab.mjs", ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env, BSLAB_DB: db, FORCE_COLOR: "0" },
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * {@link runCliEnv} without blocking this process, for a CLI that talks to a server running in the
 * test itself (the replay server).
 */
export function runCliAsync(args: string[], db: string, env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["bin/bslab.mjs", ...args], {
      env: { ...process.env, ...env, BSLAB_DB: db, FORCE_COLOR: "0" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
