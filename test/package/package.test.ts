/**
 * The package as a user gets it: built and packed once (`npm pack` of a staging copy of the
 * checkout, so the checkout's own dist/ and web/dist are never touched while other tests run),
 * installed from the tarball without dev dependencies into a folder whose path has a space and
 * Chinese characters, then used three ways: (a) plain Node ESM, (b) TypeScript under strict
 * settings with both module resolutions, (c) the installed `bslab` command.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { buildJs, buildTypes, buildWeb } from "../../scripts/build.mjs";
import { Store } from "../../src/store/store.ts";
import { webBuildIsStale } from "../../src/server/web-build.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "bslab-package-"));
const staging = join(tmp, "staging");
const consumer = join(tmp, "经济 研究", "consumer");
const installed = join(consumer, "node_modules", "bslab");
let pack: {
  filename: string;
  size: number;
  unpackedSize: number;
  files: Array<{ path: string; size: number }>;
};
let installLog = "";

/** Runs a command to completion; throws with its output when it fails. */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  const r = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 180_000,
  });
  if (r.status !== 0)
    throw new Error(`${command} ${args.join(" ")} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return `${r.stdout}${r.stderr}`;
}

/** A database with the bundled data loaded (a copy of the run's template). */
function seededDb(name: string): string {
  const path = join(tmp, `${name}.duckdb`);
  copyFileSync(inject("templateDb"), path);
  return path;
}

beforeAll(async () => {
  // Everything a checkout has but its build outputs, dependencies and test artifacts.
  const skip = new Set(["node_modules", ".git", "dist", "test"]);
  mkdirSync(staging, { recursive: true });
  for (const entry of readdirSync(ROOT))
    if (!skip.has(entry))
      cpSync(join(ROOT, entry), join(staging, entry), {
        recursive: true,
        filter: (src) => !src.startsWith(join(ROOT, "web", "dist")),
      });
  await buildJs(ROOT, join(staging, "dist"));
  buildTypes(ROOT, join(staging, "dist"));
  if (webBuildIsStale(join(ROOT, "web"))) await buildWeb(ROOT, join(staging, "web", "dist"));
  else cpSync(join(ROOT, "web", "dist"), join(staging, "web", "dist"), { recursive: true });
  // npm pack would run prepack (the same build); it is done above, into the staging copy.
  [pack] = JSON.parse(run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", tmp], staging));

  mkdirSync(consumer, { recursive: true });
  writeFileSync(
    join(consumer, "package.json"),
    JSON.stringify({ name: "consumer", private: true, type: "module" }),
  );
  installLog = run(
    "npm",
    ["install", "--omit=dev", "--no-audit", "--no-fund", "--prefer-offline", join(tmp, pack.filename)],
    consumer,
    { npm_config_loglevel: "warn" },
  );
}, 600_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("npm pack", () => {
  it("ships what users need: compiled JS and declarations, bin, web app, data, models; no sources, tests or benches", () => {
    const paths = pack.files.map((f) => f.path);
    for (const needed of [
      "package.json",
      "bin/bslab.mjs",
      "dist/index.js",
      "dist/index.d.ts",
      "dist/cli/main.js",
      "dist/vendor/duckdb-node-api.cjs",
      "web/dist/index.html",
      "models/pc.sfc",
      "data/SOURCES.md",
    ])
      expect(paths, needed).toContain(needed);
    for (const p of paths)
      expect(p).not.toMatch(/^(src|test|bench|scripts|\.ci)\/|\.ts$(?<!\.d\.ts)|tsconfig/);
  });

  it("is under 5 MB unpacked without the bundled data", () => {
    const data = pack.files.filter((f) => f.path.startsWith("data/")).reduce((a, f) => a + f.size, 0);
    const rest = pack.unpackedSize - data;
    console.log(
      `tarball ${(pack.size / 1e6).toFixed(2)} MB packed, ${(pack.unpackedSize / 1e6).toFixed(2)} MB unpacked: ` +
        `${(rest / 1e6).toFixed(2)} MB without data/, data/ adds ${(data / 1e6).toFixed(2)} MB`,
    );
    expect(rest).toBeLessThan(5e6);
  });

  it("installs without dev dependencies and without EBADENGINE on this Node", () => {
    expect(installLog).not.toMatch(/EBADENGINE|Unsupported engine/i);
    const deps = readdirSync(join(consumer, "node_modules"));
    for (const dev of ["tsx", "esbuild", "vite", "typescript", "vitest"]) expect(deps).not.toContain(dev);
  });
});

describe("the installed package", () => {
  it("(a) plain Node ESM: the PBoC's 2013-12 indicators at the study's precision, and the PC model", () => {
    writeFileSync(
      join(consumer, "a.mjs"),
      `import { computeAll, listIndicators } from "bslab";
import { ensureBundled } from "bslab/ingest";
import { loadSheet, Store } from "bslab/store";
import { loadBuiltinModel, runScenario } from "bslab/sfc";

const store = await Store.open({ path: process.env.BSLAB_DB });
await ensureBundled(store);
const sheet = await loadSheet(store, "pboc", "2013-12");
store.close();
const results = computeAll(listIndicators({ level: ["central-bank", "sector"] }), { entity: "pboc", date: "2013-12", sheet });
const value = (id) => results.find((r) => r.id === id).value;
const run = runScenario(loadBuiltinModel("pc"), { periods: 10 });
console.log(JSON.stringify({ currency: value("cb.currency_issued_share"), fx: value("cb.fx_to_foreign_liabilities"), y: run.series("Y").at(-1) }));
`,
    );
    const out = JSON.parse(run(process.execPath, ["a.mjs"], consumer, { BSLAB_DB: seededDb("a") }).trim());
    // Peng and Xie (2014), Table 2: currency issued 20.5% of PBoC liabilities; FX 126.5x foreign liabilities.
    expect(out.currency.toFixed(3)).toBe("0.205");
    expect(out.fx.toFixed(1)).toBe("126.5");
    // PC from its steady state stays there: Y* = 3940/37 (Godley and Lavoie 2007, ch. 4).
    expect(out.y).toBeCloseTo(3940 / 37, 6);
  });

  // The README's library examples, type-checked as a user's TypeScript with the strictest options.
  const readmeCode = () =>
    [...readFileSync(join(ROOT, "README.md"), "utf8").matchAll(/```js\n([\s\S]*?)```/g)]
      .map((m) => m[1])
      .join("\n");

  it.each([
    ["node16", { module: "node16", moduleResolution: "node16" }],
    ["bundler", { module: "esnext", moduleResolution: "bundler" }],
  ])(
    "(b) tsc --noEmit passes with strict, exactOptionalPropertyTypes, moduleResolution %s",
    (name, resolution) => {
      const dir = join(consumer, `ts-${name}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "readme.ts"), `${readmeCode()}\nexport {};\n`);
      writeFileSync(
        join(dir, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: {
            ...resolution,
            target: "es2022",
            lib: ["es2023"],
            strict: true,
            exactOptionalPropertyTypes: true,
            noUncheckedIndexedAccess: true,
            skipLibCheck: false,
            noEmit: true,
            typeRoots: [join(ROOT, "node_modules", "@types")],
            types: ["node"],
          },
          files: ["readme.ts"],
        }),
      );
      writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
      const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
      const r = spawnSync(process.execPath, [tsc, "-p", dir], { encoding: "utf8", timeout: 230_000 });
      expect(r.stderr).toBe("");
      // skipLibCheck is off: bslab's declarations, and every declaration they pull in, type-check
      // under these settings. They name no ECharts type (its declarations fail without the DOM lib).
      expect(r.stdout.split("\n").filter((l) => /error TS\d+/.test(l))).toEqual([]);
      expect(r.status).toBe(0);
    },
    // tsc checks every declaration bslab pulls in: about 10 s idle, over a minute on a busy machine.
    240_000,
  );

  it("(c) the installed bin: --version; sheet pboc 2013-12 loads the bundled data from a path with a space and CJK", async () => {
    const bin = join(consumer, "node_modules", ".bin", "bslab");
    const version = (JSON.parse(readFileSync(join(installed, "package.json"), "utf8")) as { version: string })
      .version;
    expect(run(bin, ["--version"], consumer).trim()).toBe(version);
    // A store lacking one bundled dataset (a whole first load takes minutes on a busy machine): the
    // first command loads it from the installed package's data/, under "经济 研究".
    const db = seededDb("c");
    const store = await Store.open({ path: db });
    await store.run("delete from datasets where id = 'shiller-us-market-and-housing'");
    await store.run("delete from bundled_files where dataset = 'shiller-us-market-and-housing'");
    store.close();
    const csv = run(bin, ["sheet", "pboc", "2013-12", "--format", "csv"], consumer, { BSLAB_DB: db });
    expect(csv).toContain("currency_issue,Currency issue,64980.93");
    const cape = run(
      bin,
      ["series", "show", "SHILLER/ie_data/cape", "--from", "1929-09", "--to", "1929-09", "--format", "csv"],
      consumer,
      { BSLAB_DB: db },
    );
    // Shiller's CAPE peak, September 1929: 32.56.
    expect(cape).toMatch(/^1929-09,32\.56/m);
  }, 240_000);

  it("(c) the installed bin: bslab serve answers the API and the web app, with no Vite", async () => {
    const bin = join(consumer, "node_modules", ".bin", "bslab");
    const server = spawn(bin, ["serve", "--port", "0"], {
      cwd: consumer,
      env: { ...process.env, BSLAB_DB: seededDb("serve") },
    });
    try {
      let stderr = "";
      server.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        server.stdout.on("data", (d: Buffer) => {
          out += d.toString();
          const m = /(http:\/\/\S+\/)/.exec(out);
          if (m) resolve(m[1]!);
        });
        server.on("exit", (code) => reject(new Error(`bslab serve exited ${code}: ${stderr}`)));
      });
      const api = await fetch(`${url}api/openapi.json`);
      expect(api.status).toBe(200);
      expect(((await api.json()) as { openapi: string }).openapi).toMatch(/^3\./);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("<html");
    } finally {
      server.kill();
    }
  });
});
