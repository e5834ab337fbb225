import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const WEB_DIR = fileURLToPath(new URL("../../web/", import.meta.url));

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** True when web/dist is missing or older than any file of the web app's sources. */
export function webBuildIsStale(webDir = WEB_DIR): boolean {
  const index = join(webDir, "dist", "index.html");
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = [join(webDir, "src"), join(webDir, "index.html"), join(webDir, "vite.config.ts")];
  return sources.some((p) => existsSync(p) && newestMtime(p) > built);
}

/**
 * Builds the web app with Vite (a dev dependency, imported only here) when web/dist is missing or
 * stale. Returns true when it built.
 */
export async function ensureWebBuilt(webDir = WEB_DIR, force = false): Promise<boolean> {
  if (!force && !webBuildIsStale(webDir)) return false;
  const { build } = await import("vite");
  await build({ root: webDir, configFile: join(webDir, "vite.config.ts"), logLevel: "warn" });
  return true;
}
