#!/usr/bin/env node
/**
 * The build: src/**\/*.ts to plain-JS ESM in dist/ (esbuild, one output file per source file, so
 * `import.meta.url` paths such as `../../data/` keep pointing at the package root and only the
 * modules a command needs get loaded), declaration files with tsc (`--types`), the web app with
 * Vite (`--web`). `npm run build` does all three; `npm pack` runs it first (prepack).
 *
 * In a checkout, bin/bslab.mjs calls `ensureFreshBuild()` before every run: dist/ is rebuilt
 * (JS only, well under a second) when any file under src/ is newer than the last build, so tests
 * and `npx bslab` always run the current sources with no manual build step.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** The package root (the folder holding package.json, src/ and dist/). */
export const ROOT = fileURLToPath(new URL("..", import.meta.url));

const STAMP = ".sources.json";

/**
 * The newest modification time and the number of entries under src/ (folders included, so a
 * deleted or renamed file counts as a change). About 2 ms for the ~250 entries of src/.
 * @param {string} root
 * @returns {{ newest: number, entries: number }}
 */
export function sourceState(root = ROOT) {
  let newest = 0;
  let entries = 0;
  const walk = (dir) => {
    newest = Math.max(newest, statSync(dir).mtimeMs);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      entries++;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(join(root, "src"));
  return { newest, entries };
}

/**
 * Whether dist/ was built from the sources as they are now.
 * @param {string} root
 */
export function distIsFresh(root = ROOT) {
  try {
    const stamp = JSON.parse(readFileSync(join(root, "dist", STAMP), "utf8"));
    const now = sourceState(root);
    return stamp.newest === now.newest && stamp.entries === now.entries;
  } catch {
    return false;
  }
}

/** Every file under `dir`, relative to it, with `/` separators. */
function filesUnder(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(dir, path).split(sep).join("/"));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** Writes under a temporary name and renames into place: a process loading dist/ meanwhile never reads half a file. */
function writeAtomic(path, contents) {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, path);
}

/**
 * Compiles src/**\/*.ts to dist/**\/*.js (relative `.ts` specifiers become `.js`; every other
 * import stays as written) and copies the other files of src/ (e.g. .mjs) as they are. Output
 * files whose source is gone are removed. Writes the stamp last, with the state of the sources
 * taken before reading them, so a file edited during the build makes the next run build again.
 * @param {string} root
 * @param {string} outDir default dist/ of `root`
 */
export async function buildJs(root = ROOT, outDir = join(root, "dist")) {
  const state = sourceState(root);
  const srcDir = join(root, "src");
  const sources = filesUnder(srcDir);
  const ts = sources.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"));
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ts.map((f) => join(srcDir, f)),
    outdir: outDir,
    outbase: srcDir,
    bundle: true,
    write: false,
    platform: "node",
    format: "esm",
    target: "node20",
    charset: "utf8",
    logLevel: "silent",
    plugins: [
      {
        // Bundling with every import external is a per-file compile whose import paths can be
        // rewritten: `./x.ts` becomes `./x.js`, packages and node: builtins stay as written.
        name: "bslab-per-file",
        setup(build) {
          build.onResolve({ filter: /.*/ }, (args) => {
            if (args.kind === "entry-point") return undefined;
            const path = /^\.\.?\//.test(args.path) ? args.path.replace(/\.ts$/, ".js") : args.path;
            return { path, external: true };
          });
        },
      },
    ],
  });
  const written = new Set();
  for (const file of result.outputFiles) {
    writeAtomic(file.path, file.contents);
    written.add(relative(outDir, file.path).split(sep).join("/"));
  }
  for (const f of sources.filter((f) => !f.endsWith(".ts"))) {
    writeAtomic(join(outDir, f), readFileSync(join(srcDir, f)));
    written.add(f);
  }
  for (const f of await buildDriver(root, outDir)) written.add(f);
  const kept = new Set([...written, ...[...written].map((f) => f.replace(/\.js$/, ".d.ts"))]);
  for (const f of filesUnder(outDir))
    if (f !== STAMP && !kept.has(f) && !f.endsWith(".tmp")) rmSync(join(outDir, f), { force: true });
  writeAtomic(join(outDir, STAMP), `${JSON.stringify(state)}\n`);
  return { files: written.size };
}

/** Where the one-file copy of the DuckDB driver goes, relative to dist/ (src/store/duckdb.ts loads it). */
export const DRIVER_FILE = "vendor/duckdb-node-api.cjs";

/**
 * The DuckDB driver (@duckdb/node-api, CommonJS spread over about 190 files) as one CommonJS file
 * in dist/vendor/: loading it costs about what the native bindings alone cost, where the package
 * itself takes twice that in module resolution and reads. The copy is of the installed version and
 * says so: when the installed @duckdb/node-api is another version (an upgrade since the build),
 * the file hands out the installed package instead, so the code run always matches the bindings.
 * The native bindings stay outside, found from the installed driver's folder as the driver itself
 * finds them (so a non-hoisting install such as pnpm's works too).
 * @param {string} root
 * @param {string} outDir
 * @returns {Promise<string[]>} the files written, relative to outDir
 */
export async function buildDriver(root = ROOT, outDir = join(root, "dist")) {
  const require = createRequire(join(root, "package.json"));
  const pkgPath = require.resolve("@duckdb/node-api/package.json");
  const { version, main } = JSON.parse(readFileSync(pkgPath, "utf8"));
  const entry = join(dirname(pkgPath), main ?? "index.js");
  const licence = readFileSync(join(dirname(pkgPath), "LICENSE"), "utf8").trim();
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    absWorkingDir: root,
    stdin: {
      resolveDir: root,
      sourcefile: "duckdb-driver-entry.js",
      contents: `
        const installed = require("@duckdb/node-api/package.json").version;
        module.exports = installed === ${JSON.stringify(version)}
          ? require(${JSON.stringify(entry)})
          : require("@duckdb/node-api");`,
    },
    bundle: true,
    write: false,
    outfile: join(outDir, DRIVER_FILE),
    platform: "node",
    format: "cjs",
    target: "node20",
    logLevel: "silent",
    // The MIT licence asks for its notice in every copy.
    banner: {
      js: `/* @duckdb/node-api ${version} in one file (bslab scripts/build.mjs, buildDriver).\n\n${licence.replaceAll("*/", "* /")}\n*/`,
    },
    plugins: [
      {
        name: "bslab-driver",
        setup(build) {
          build.onResolve({ filter: /^@duckdb\/node-api(\/package\.json)?$/ }, (args) => ({
            path: args.path,
            external: true,
          }));
          build.onResolve({ filter: /^@duckdb\/node-bindings$/ }, () => ({
            path: "node-bindings",
            namespace: "bslab-driver",
          }));
          build.onLoad({ filter: /.*/, namespace: "bslab-driver" }, () => ({
            loader: "js",
            contents: `module.exports = require("node:module")
              .createRequire(require.resolve("@duckdb/node-api/package.json"))("@duckdb/node-bindings");`,
          }));
        },
      },
    ],
  });
  for (const file of result.outputFiles) writeAtomic(file.path, file.contents);
  return [DRIVER_FILE];
}

/**
 * Declaration files for dist/ (tsc with tsconfig.build.json: stripInternal, `.ts` specifiers
 * rewritten to `.js`). Throws with tsc's first error line when it fails.
 * @param {string} root
 * @param {string} outDir default dist/ of `root`
 */
export function buildTypes(root = ROOT, outDir = join(root, "dist")) {
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  const args = [tsc, "-p", join(root, "tsconfig.build.json"), "--outDir", outDir];
  const r = spawnSync(process.execPath, args, { encoding: "utf8" });
  if (r.status !== 0)
    throw new Error(`tsc (declarations) failed: ${(r.stdout || r.stderr).trim().split("\n")[0]}`);
  // tsc keeps `./x.ts` specifiers in declarations; consumers without allowImportingTsExtensions
  // reject them (TS5097), and no .ts file ships.
  for (const f of filesUnder(outDir).filter((f) => f.endsWith(".d.ts"))) {
    const text = readFileSync(join(outDir, f), "utf8");
    const fixed = text.replace(/((?:from|import)\s*\(?\s*)(["'])(\.\.?\/[^"']*?)\.ts\2/g, "$1$2$3.js$2");
    if (fixed !== text) writeAtomic(join(outDir, f), fixed);
  }
}

/**
 * The web app into web/dist (Vite), so the package ships it and `bslab serve` needs no Vite.
 * @param {string} root
 * @param {string} outDir default web/dist of `root`
 */
export async function buildWeb(root = ROOT, outDir = join(root, "web", "dist")) {
  const { build } = await import("vite");
  const web = join(root, "web");
  await build({
    root: web,
    configFile: join(web, "vite.config.ts"),
    logLevel: "warn",
    build: { outDir, emptyOutDir: true },
  });
}

/**
 * Makes dist/ current when this is a checkout: true when dist/ may be run, false when it could not
 * be built here (esbuild missing or a source that does not compile), in which case the caller runs
 * the sources through tsx, which reports a broken source itself. BSLAB_DEBUG says why.
 * @param {string} root
 */
export async function ensureFreshBuild(root = ROOT) {
  if (distIsFresh(root)) return true;
  try {
    await buildJs(root);
    return true;
  } catch (error) {
    if (process.env.BSLAB_DEBUG)
      process.stderr.write(
        `bslab: running the sources through tsx (dist/ not built: ${error?.message ?? error})\n`,
      );
    return false;
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = new Set(process.argv.slice(2));
  const all = args.has("--all");
  const t = performance.now();
  if (all || args.has("--web")) await buildWeb();
  const { files } = await buildJs();
  if (all || args.has("--types")) buildTypes();
  process.stdout.write(`built dist/ (${files} files) in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
}
