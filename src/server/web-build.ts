import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import type { build as viteBuild } from "vite";

import { NotFoundError } from "../errors.ts";

const WEB_DIR = fileURLToPath(new URL("../../web/", import.meta.url));

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/**
 * The modules outside web/ that the web app imports (the message catalogue, the palette), followed
 * from relative imports, so a change to them makes the build stale too.
 */
function sharedModules(webDir: string): string[] {
  const seen = new Set<string>();
  const srcRoot = resolve(webDir, "..", "src");
  const visit = (file: string) => {
    for (const m of readFileSync(file, "utf8").matchAll(/from\s+"(\.{1,2}\/[^"]+\.ts)"/g)) {
      const target = resolve(dirname(file), m[1]!);
      if (seen.has(target) || !existsSync(target)) continue;
      seen.add(target);
      visit(target);
    }
  };
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, name.name);
      if (name.isDirectory()) walk(path);
      else if (name.name.endsWith(".ts")) visit(path);
    }
  };
  walk(join(webDir, "src"));
  return [...seen].filter((p) => p.startsWith(srcRoot));
}

/** True when web/dist is missing or older than any file of the web app's sources. */
export function webBuildIsStale(webDir = WEB_DIR): boolean {
  const index = join(webDir, "dist", "index.html");
  if (!existsSync(index)) return true;
  // An installed package ships web/dist without its sources: nothing it could be older than.
  if (!existsSync(join(webDir, "src"))) return false;
  const built = statSync(index).mtimeMs;
  const sources = [join(webDir, "src"), join(webDir, "index.html"), join(webDir, "vite.config.ts")];
  if (sources.some((p) => existsSync(p) && newestMtime(p) > built)) return true;
  return sharedModules(webDir).some((p) => statSync(p).mtimeMs > built);
}

/**
 * Builds the web app with Vite (a dev dependency, imported only here) when web/dist is missing or
 * stale. Returns true when it built.
 */
export async function ensureWebBuilt(webDir = WEB_DIR, force = false): Promise<boolean> {
  if (!force && !webBuildIsStale(webDir)) return false;
  // An installed package ships web/dist and no sources: there is nothing to build it from.
  if (!existsSync(join(webDir, "src")))
    throw new NotFoundError(`the web app is not built (${join(webDir, "dist")} is missing): reinstall bslab`);
  let build: typeof viteBuild;
  try {
    ({ build } = await import("vite"));
  } catch (cause) {
    throw new NotFoundError(
      "the web app needs building (web/dist is missing or older than web/src) and Vite is not installed: run npm install, then npm run build:web",
      { cause },
    );
  }
  await build({ root: webDir, configFile: join(webDir, "vite.config.ts"), logLevel: "warn" });
  return true;
}
