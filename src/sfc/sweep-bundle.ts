/**
 * The sweep worker's entry as one plain-JS ESM file. A worker that boots through tsx compiles the
 * TypeScript simulator on its own (about 0.4-0.5 s a worker); a worker that loads this bundle starts
 * in tens of milliseconds. The bundle is built with esbuild on first use and cached on disk, keyed
 * by a hash of the contents of every file it was built from (and of this file, which holds the
 * build options), so any change to the simulator's sources rebuilds it.
 */
import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { basename, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The TypeScript entry of a sweep worker. */
export const WORKER_ENTRY = fileURLToPath(new URL("./sweep-worker.ts", import.meta.url));
const SELF = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** A bundle ready to load: its path, and whether this call built it (false: reused from the cache). */
export interface WorkerBundle {
  file: string;
  built: boolean;
}

/** Options of {@link ensureWorkerBundle}; both default to the sweep worker and {@link bundleCacheDir}. */
export interface WorkerBundleOptions {
  entry?: string;
  cacheDir?: string;
}

interface Manifest {
  entry: string;
  key: string;
  file: string;
  inputs: string[];
}

/**
 * The per-user cache directory: `node_modules/.cache/bslab/` of this checkout when writable, else
 * `bslab-cache-<uid>` in the system temp directory (private to the user: the cache holds code that
 * gets run). Undefined when neither is usable.
 */
export function bundleCacheDir(): string | undefined {
  const modules = join(ROOT, "node_modules");
  if (existsSync(modules)) {
    const dir = join(modules, ".cache", "bslab");
    try {
      mkdirSync(dir, { recursive: true });
      return dir;
    } catch {
      // Read-only install: fall through to the temp directory.
    }
  }
  try {
    const uid = process.getuid?.() ?? userInfo().username;
    const dir = join(tmpdir(), `bslab-cache-${uid}`);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = lstatSync(dir);
    const mine = process.getuid === undefined || st.uid === process.getuid();
    return st.isDirectory() && mine && (st.mode & 0o022) === 0 ? dir : undefined;
  } catch {
    return undefined;
  }
}

const sha256 = (text: string | Buffer) => createHash("sha256").update(text).digest("hex");

/** The cache key: this file (the build options) and every input file, path and contents. */
function keyOf(inputs: string[], read: (file: string) => string | Buffer): string {
  const hash = createHash("sha256").update(readFileSync(SELF));
  for (const file of [...inputs].sort()) hash.update(`\0${file}\0`).update(read(file));
  return hash.digest("hex").slice(0, 20);
}

function readManifest(path: string): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Manifest;
  } catch {
    return undefined;
  }
}

/** Writes a file under a temporary name and renames it into place, so readers never see half of it. */
function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/**
 * Returns the cached bundle of `entry` when its key still matches the sources, else builds it.
 * @throws when esbuild is not installed, the build fails or there is no writable cache directory
 * (callers fall back to booting the TypeScript entry through tsx)
 */
export async function ensureWorkerBundle(options: WorkerBundleOptions = {}): Promise<WorkerBundle> {
  const entry = resolve(options.entry ?? WORKER_ENTRY);
  const dir = options.cacheDir ?? bundleCacheDir();
  if (dir === undefined) throw new Error("no writable cache directory");
  const stem = `${basename(entry).replace(/\.[^.]+$/, "")}-${sha256(entry).slice(0, 12)}`;
  const manifestPath = join(dir, `${stem}.json`);
  const previous = readManifest(manifestPath);
  if (previous?.entry === entry) {
    try {
      const file = join(dir, previous.file);
      if (keyOf(previous.inputs, (f) => readFileSync(f)) === previous.key && existsSync(file))
        return { file, built: false };
    } catch {
      // An input is gone: rebuild.
    }
  }

  const esbuild = await import("esbuild");
  mkdirSync(dir, { recursive: true });
  const loaded = new Map<string, Buffer>();
  const tmp = join(dir, `${stem}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp.mjs`);
  try {
    const result = await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      write: true,
      outfile: tmp,
      metafile: true,
      logLevel: "silent",
      plugins: [
        {
          // The bundle lives in the cache, so each module's `import.meta.url` is pinned to its
          // source file (models.ts finds the built-in models relative to it). The text read here
          // is also what the key hashes.
          name: "bslab-source-urls",
          setup(build) {
            build.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
              const bytes = readFileSync(args.path);
              loaded.set(args.path, bytes);
              const contents = bytes
                .toString("utf8")
                .replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href));
              const loader = /\.[cm]?ts$/.test(args.path) ? "ts" : "js";
              return { contents, loader };
            });
          },
        },
      ],
    });
    const inputs = Object.keys(result.metafile.inputs).map((f) => resolve(f));
    const key = keyOf(inputs, (f) => loaded.get(f) ?? readFileSync(f));
    const name = `${stem}-${key}.mjs`;
    renameSync(tmp, join(dir, name));
    writeAtomic(manifestPath, `${JSON.stringify({ entry, key, file: name, inputs } satisfies Manifest)}\n`);
    if (previous?.file !== undefined && previous.file !== name)
      rmSync(join(dir, previous.file), { force: true });
    return { file: join(dir, name), built: true };
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** How to start a sweep worker: the script, and the Node flags to give it (undefined: inherit). */
export interface WorkerScript {
  url: URL;
  execArgv?: string[];
}

const PRELOAD_FLAGS = new Set(["--import", "--require", "-r", "--loader", "--experimental-loader"]);

/**
 * `execArgv` without the flags that preload tsx (as `tsx file.ts` and `node --import tsx` set):
 * workers inherit them, and a plain-JS worker has no use for a TypeScript loader that costs about
 * 40 ms a worker to start.
 * @example
 * withoutTsxLoader(["--import", "tsx", "--max-old-space-size=512"]); // ["--max-old-space-size=512"]
 */
export function withoutTsxLoader(execArgv: readonly string[]): string[] {
  const isTsx = (value: string) => /(^|[\\/])tsx([\\/]|$)/.test(value);
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i]!;
    const eq = arg.indexOf("=");
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (PRELOAD_FLAGS.has(flag)) {
      const value = eq > 0 ? arg.slice(eq + 1) : execArgv[i + 1];
      if (value !== undefined && isTsx(value)) {
        if (eq < 0) i++;
        continue;
      }
    }
    out.push(arg);
  }
  return out;
}

let memo: Promise<WorkerScript> | undefined;

/**
 * The script sweep workers run: compiled, the worker's JS file in dist/; from the sources, the cached plain-JS bundle (started without tsx flags), or, when it
 * cannot be had (esbuild missing, a failed build, no cache directory, or BSLAB_NO_WORKER_BUNDLE
 * set), the tsx boot of the TypeScript entry. Resolved once per process; with BSLAB_DEBUG set, says
 * on stderr why it fell back.
 */
export function workerScript(): Promise<WorkerScript> {
  // Compiled (dist/, the installed package): the worker's own JS file sits beside this one.
  if (import.meta.url.endsWith(".js"))
    return Promise.resolve({
      url: new URL("./sweep-worker.js", import.meta.url),
      execArgv: withoutTsxLoader(process.execArgv),
    });
  const boot: WorkerScript = { url: new URL("./sweep-worker-boot.mjs", import.meta.url) };
  if (process.env.BSLAB_NO_WORKER_BUNDLE) return Promise.resolve(boot);
  memo ??= ensureWorkerBundle().then(
    (bundle) => ({ url: pathToFileURL(bundle.file), execArgv: withoutTsxLoader(process.execArgv) }),
    (error: unknown) => {
      if (process.env.BSLAB_DEBUG)
        process.stderr.write(
          `bslab: sweep workers boot through tsx (no worker bundle: ${error instanceof Error ? error.message : String(error)})\n`,
        );
      return boot;
    },
  );
  return memo;
}
