// `bslab import` of big generated files, whole process (start-up, reading, every check, the write
// and exit), next to DuckDB's own CSV reader loading the same file in the same loop: the figure to
// compare is the ratio. Then the peak memory of the import at each size (flat means streaming
// works) and the #16 case: a ~200 MB long CSV whose last row is bad.
//
//   node --import tsx bench/import.bench.ts [--runs N] [--sizes 100000,1000000] [--no-bad]
import { spawnSync } from "node:child_process";
import { copyFileSync, createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { DuckDBInstance } from "@duckdb/node-api";

import { bench, runsFromArgs } from "./lib/index.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const cli = join(root, "bin", "bslab.mjs");
const work = mkdtempSync(join(tmpdir(), "bslab-import-bench-"));
const arg = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const sizes = (arg("--sizes") ?? "100000,1000000").split(",").map(Number);

/**
 * A long CSV of positions with `rows` rows: 100 lines per sheet (50 asset, 50 liability of equal
 * values, so every sheet balances), 120 monthly sheets per bank, as many banks as it takes.
 * `badLast` spoils the last row's unit.
 */
async function writeLong(path: string, rows: number, badLast = false): Promise<void> {
  const out = createWriteStream(path);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((ok) => out.once("drain", () => ok()));
  await write("entity,date,item,side,currency,maturity,value,unit\n");
  let buf = "";
  for (let n = 0; n < rows; n++) {
    const sheet = Math.floor(n / 100);
    const i = n % 100;
    const date = `${2000 + Math.floor((sheet % 120) / 12)}-${String((sheet % 12) + 1).padStart(2, "0")}`;
    const unit = badLast && n === rows - 1 ? "CNY 1e8x" : "CNY 1e8";
    buf += `bank${Math.floor(sheet / 120)},${date},item${i},${i < 50 ? "asset" : "liability"},${i % 7 ? "CNY" : "USD"},${i % 3 ? "long" : "short"},${((i % 50) * 7.25 + 1).toFixed(2)},${unit}\n`;
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = "";
    }
  }
  await write(buf);
  await new Promise<void>((ok) => out.end(() => ok()));
}

/** A FRED CSV (observation_date,SERIES) of `rows` daily observations. */
function writeFred(path: string, rows: number): void {
  const parts = ["observation_date,DEXCHUS\n"];
  const day = Date.UTC(1900, 0, 1);
  for (let n = 0; n < rows; n++)
    parts.push(
      `${new Date(day + n * 86_400_000).toISOString().slice(0, 10)},${(6 + (n % 1000) / 1000).toFixed(4)}\n`,
    );
  writeFileSync(path, parts.join(""));
}

// A store holding the bundled data, built once by the CLI (as a user's first run builds it).
const baseDb = join(work, "base.duckdb");
const built = spawnSync(process.execPath, [cli, "datasets", "--format", "csv"], {
  env: { ...process.env, BSLAB_DB: baseDb },
  encoding: "utf8",
});
if (built.status !== 0) throw new Error(`building the base store failed: ${built.stderr}`);

// Prints the process's peak resident memory and its CPU time (user + system, less sensitive to
// other work on the machine than the wall clock) when it exits (preloaded into the measured CLI).
const rssHook = join(work, "rss.cjs");
writeFileSync(
  rssHook,
  `process.on("exit", () => { const u = process.resourceUsage(); require("node:fs").writeSync(2, "\\nmaxrss-kb " + u.maxRSS + " cpu-us " + (u.userCPUTime + u.systemCPUTime) + "\\n"); });`,
);

/** Runs `bslab import FILE` on a fresh copy of the base store; returns stderr. */
function importOnce(file: string, expectOk = true): string {
  const db = join(work, "run.duckdb");
  copyFileSync(baseDb, db);
  const r = spawnSync(process.execPath, ["--require", rssHook, cli, "import", file, "--quiet"], {
    env: { ...process.env, BSLAB_DB: db },
    encoding: "utf8",
  });
  rmSync(db, { force: true });
  rmSync(`${db}.wal`, { force: true });
  if ((r.status === 0) !== expectOk)
    throw new Error(`bslab import ${file} exited ${r.status}: ${r.stderr.trim().split("\n")[0]}`);
  return r.stderr;
}
const peakMb = (stderr: string) => Number(/maxrss-kb (\d+)/.exec(stderr)?.[1] ?? NaN) / 1024;
const cpuMs = (stderr: string) => Number(/cpu-us (\d+)/.exec(stderr)?.[1] ?? NaN) / 1000;

// DuckDB's own CSV reader loading the same file into a table: the baseline.
const duck = await DuckDBInstance.create(":memory:");
const conn = await duck.connect();
async function duckdbReadCsv(file: string): Promise<void> {
  await conn.run(`create or replace temp table t as select * from read_csv('${file.replace(/'/g, "''")}')`);
}

const files = new Map<string, string>();
for (const n of sizes) {
  const longFile = join(work, `long-${n}.csv`);
  await writeLong(longFile, n);
  files.set(`long ${n}`, longFile);
  const fredFile = join(work, `fred-${n}.csv`);
  writeFred(fredFile, n);
  files.set(`fred ${n}`, fredFile);
}
const label = (n: number) => `${n.toLocaleString("en")} rows`;
const runs = runsFromArgs(5);
const copyCost = { label: "(copying the 30 MB store file, included in the import case)", sampleMs: 0 };

for (const layout of ["long", "fred"] as const) {
  await bench({
    title: `bslab import, ${layout === "long" ? "long CSV of positions" : "FRED-layout CSV"}, whole process`,
    sizes: sizes.map((n) => ({ label: label(n), value: n })),
    runs,
    baseline: {
      label: "DuckDB read_csv of the same file (in process)",
      sampleMs: 0,
      run: (n: number) => duckdbReadCsv(files.get(`${layout} ${n}`)!),
    },
    cases: [
      { ...copyCost, run: () => copyFileSync(baseDb, join(work, "copy.duckdb")) },
      {
        label: "bslab import FILE (new process, every check on)",
        sampleMs: 0,
        run: (n: number) => importOnce(files.get(`${layout} ${n}`)!),
      },
    ],
  });
}

console.log("\nPeak resident memory and CPU time (user + system) of `bslab import` (whole process):");
for (const n of sizes)
  for (const layout of ["long", "fred"] as const) {
    const f = files.get(`${layout} ${n}`)!;
    const mb = (statSync(f).size / 2 ** 20).toFixed(0);
    const stderr = importOnce(f);
    console.log(
      `  ${layout.padEnd(5)} ${label(n).padStart(16)} (${mb.padStart(4)} MB file): ${peakMb(stderr).toFixed(0)} MB, CPU ${cpuMs(stderr).toFixed(0)} ms`,
    );
  }

if (!process.argv.includes("--no-bad")) {
  const bad = join(work, "bad-last-row.csv");
  await writeLong(bad, 3_800_000, true);
  const t = performance.now();
  const stderr = importOnce(bad, false);
  const ms = performance.now() - t;
  const message = stderr.split("\n").find((l) => l.includes("row 3800001")) ?? stderr.trim().split("\n")[0];
  console.log(
    `\n#16: ${(statSync(bad).size / 2 ** 20).toFixed(0)} MB long CSV with a bad last row: refused in ${(ms / 1000).toFixed(1)} s, peak ${peakMb(stderr).toFixed(0)} MB\n  ${message}`,
  );
}
console.log(
  "\nGrowth: the long CSV costs O(rows) time (a hashing pass, DuckDB's parse into Parquet, SQL checks over it, then the insert, whose primary key dominates) in memory bounded by the scratch database's 256 MB limit; the FRED layout is read whole (O(rows) time and memory).",
);
conn.closeSync();
duck.closeSync();
rmSync(work, { recursive: true, force: true });
