import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Where the database lives when neither `--db` nor `BSLAB_DB` says: the platform's per-user data
 * directory (XDG on Linux, Application Support on macOS, %APPDATA% on Windows).
 */
export function defaultDbPath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.BSLAB_DB) return env.BSLAB_DB;
  let base: string;
  if (platform === "win32") base = env.APPDATA ?? join(homedir(), "AppData", "Roaming");
  else if (platform === "darwin") base = join(homedir(), "Library", "Application Support");
  else base = env.XDG_DATA_HOME ?? join(homedir(), ".local", "share");
  return join(base, "bslab", "bslab.duckdb");
}

/** The bundled data folder of this checkout (data/ at the package root), or `$BSLAB_DATA_DIR`. */
export function bundledDataDir(): string {
  if (process.env.BSLAB_DATA_DIR) return process.env.BSLAB_DATA_DIR;
  // fileURLToPath, not `.pathname`: the latter keeps %20 and %E7... for spaces and CJK characters.
  return fileURLToPath(new URL("../../data/", import.meta.url));
}
