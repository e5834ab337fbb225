import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";

/** A `bslab serve` running as its own process (as a user starts it), for load and reliability runs. */
export interface ServerProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:PORT` */
  base: string;
  /** Resident memory now and at its peak, MB (from /proc; undefined elsewhere). */
  rss(): { now: number; peak: number } | undefined;
  stop(): Promise<void>;
}

/**
 * Starts `bslab serve --port 0 --no-build` on `db` and resolves once it prints its address.
 * @example const s = await startServer("/tmp/x.duckdb"); await fetch(`${s.base}/api/health`); await s.stop();
 */
export function startServer(db: string, env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["bin/bslab.mjs", "serve", "--port", "0", "--no-build"], {
    env: { ...process.env, BSLAB_DB: db, FORCE_COLOR: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(
      () => reject(new Error(`server did not start within 120 s: ${stderr}`)),
      120_000,
    );
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with code ${code}: ${stderr}`));
    });
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /bslab workbench: (http:\/\/[^/\s]+)\//.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      resolve({
        child,
        base: m[1]!.replace("localhost", "127.0.0.1"),
        rss() {
          try {
            const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
            const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
            return { now: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
          } catch {
            return undefined;
          }
        },
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once("exit", () => done());
            child.kill("SIGTERM");
          }),
      });
    });
  });
}
