// The cached plain-JS bundle sweep workers load: built once, reused while the sources are
// unchanged, rebuilt when they change; and the tsx boot it falls back to gives the same rows.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

import { afterEach, describe, expect, it } from "vitest";

import { loadBuiltinModel, parseGridAxis, parseOutputs, sweep, sweepSync } from "../../src/sfc/index.ts";
import { WORKER_ENTRY, ensureWorkerBundle, withoutTsxLoader } from "../../src/sfc/sweep-bundle.ts";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "bslab-bundle-test-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("sweep worker bundle", () => {
  it("builds the worker entry once and reuses it while the sources are unchanged", async () => {
    const cacheDir = tempDir();
    const first = await ensureWorkerBundle({ cacheDir });
    expect(first.built).toBe(true);
    const mtime = statSync(first.file).mtimeMs;
    const second = await ensureWorkerBundle({ cacheDir });
    expect(second).toEqual({ file: first.file, built: false });
    expect(statSync(first.file).mtimeMs).toBe(mtime);
    // Plain JS with each module's import.meta.url pinned to its source (models.ts finds models/).
    const text = readFileSync(first.file, "utf8");
    expect(text).toContain(
      JSON.stringify(pathToFileURL(WORKER_ENTRY.replace(/sweep-worker\.ts$/, "models.ts")).href),
    );
    expect(text).not.toMatch(/from "\.{1,2}\//);
  });

  it("rebuilds when a source changes, when the key does not match, and when the bundle is gone", async () => {
    const src = tempDir();
    const cacheDir = tempDir();
    const entry = join(src, "entry.ts");
    writeFileSync(entry, 'import { value } from "./dep.ts";\nexport const out: number = value;\n');
    writeFileSync(join(src, "dep.ts"), "export const value: number = 1;\n");
    const a = await ensureWorkerBundle({ entry, cacheDir });
    expect(a.built).toBe(true);
    expect((await ensureWorkerBundle({ entry, cacheDir })).built).toBe(false);

    // A dependency of the entry changes: new key, new bundle, the old one is removed.
    writeFileSync(join(src, "dep.ts"), "export const value: number = 2;\n");
    const b = await ensureWorkerBundle({ entry, cacheDir });
    expect(b.built).toBe(true);
    expect(b.file).not.toBe(a.file);
    expect(existsSync(a.file)).toBe(false);
    expect(((await import(pathToFileURL(b.file).href)) as { out: number }).out).toBe(2);
    expect((await ensureWorkerBundle({ entry, cacheDir })).built).toBe(false);

    // A stale manifest (its key no longer that of the sources) is rebuilt.
    const manifest = readdirSync(cacheDir).find((f) => f.endsWith(".json"))!;
    const data = JSON.parse(readFileSync(join(cacheDir, manifest), "utf8")) as { key: string };
    writeFileSync(join(cacheDir, manifest), JSON.stringify({ ...data, key: "0".repeat(20) }));
    const c = await ensureWorkerBundle({ entry, cacheDir });
    expect(c).toEqual({ file: b.file, built: true });

    rmSync(c.file);
    expect(await ensureWorkerBundle({ entry, cacheDir })).toEqual({ file: b.file, built: true });
    expect(readdirSync(cacheDir).filter((f) => f.includes(".tmp"))).toEqual([]);
  });

  it("fails (for the tsx fallback) when the entry does not build", async () => {
    const src = tempDir();
    const entry = join(src, "entry.ts");
    writeFileSync(entry, 'import "./missing.ts";\n');
    await expect(ensureWorkerBundle({ entry, cacheDir: tempDir() })).rejects.toThrow();
  });

  it("starts bundle workers without the tsx loader flags, keeping other flags", () => {
    expect(
      withoutTsxLoader([
        "--require",
        "/x/node_modules/tsx/dist/preflight.cjs",
        "--import",
        "file:///x/node_modules/tsx/dist/loader.mjs",
        "--max-old-space-size=512",
      ]),
    ).toEqual(["--max-old-space-size=512"]);
    expect(withoutTsxLoader(["--import=tsx", "--import", "./other.mjs", "-r", "tsx/cjs"])).toEqual([
      "--import",
      "./other.mjs",
    ]);
  });

  it("gives the same rows through the tsx boot fallback as through the bundle and in-process", async () => {
    const pc = loadBuiltinModel("pc");
    const options = {
      periods: 20,
      grid: [parseGridAxis("rbar=0.01:0.04:0.01"), parseGridAxis("alpha1=0.55:0.6:0.05")],
      outputs: parseOutputs("Y@2,Y@20"),
      threads: 2,
    };
    const local = sweepSync(pc, options);
    const bundled = await sweep(pc, options);
    process.env.BSLAB_NO_WORKER_BUNDLE = "1";
    try {
      const booted = await sweep(pc, options);
      expect(booted.threads).toBe(2);
      expect([...booted.values]).toEqual([...local.values]);
    } finally {
      delete process.env.BSLAB_NO_WORKER_BUNDLE;
    }
    expect([...bundled.values]).toEqual([...local.values]);
  });
});
