/**
 * Bounded loopback load on a `bslab serve` process: mixed reads (health, a balance sheet, its
 * composition) at a fixed concurrency for a fixed number of requests, alone (the baseline) and
 * while a heavy request runs (a sweep of 2,000 and of 20,000 BSR runs over 1,000 periods). Prints
 * req/s, p50/p99 latency, errors and the server's resident memory, and the p99 as a ratio to the
 * baseline measured in the same run. Never more than CONCURRENCY requests in flight.
 *
 *   node --import tsx bench/load.bench.ts [--requests N] [--concurrency C] [--quick]
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { median } from "./lib/index.ts";
import { startServer, type ServerProcess } from "../test/helpers/server-process.ts";

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  const n = at >= 0 ? Number(process.argv[at + 1]) : NaN;
  return Number.isInteger(n) && n > 0 ? n : fallback;
};
const QUICK = process.argv.includes("--quick");
const REQUESTS = arg("--requests", QUICK ? 300 : 2000);
const CONCURRENCY = arg("--concurrency", 8);
const HEADERS = { "x-bslab-client": "bench" };
const READS = [
  "/api/health",
  "/api/sheets/pboc/2013-12",
  "/api/sheets/pboc/composition?side=asset&from=2010-01&to=2013-12",
];

interface Stats {
  requests: number;
  errors: number;
  seconds: number;
  p50: number;
  p99: number;
  max: number;
}

interface Sample {
  times: number[];
  errors: number;
  seconds: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function stats(samples: Sample[]): Stats {
  const times = samples.flatMap((s) => s.times).sort((a, b) => a - b);
  return {
    requests: times.length,
    errors: samples.reduce((n, s) => n + s.errors, 0),
    seconds: samples.reduce((n, s) => n + s.seconds, 0),
    p50: median(times),
    p99: percentile(times, 99),
    max: times[times.length - 1] ?? NaN,
  };
}

/** `count` reads, `concurrency` at a time. */
async function reads(base: string, count: number, concurrency: number): Promise<Sample> {
  const times: number[] = [];
  let errors = 0;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const url = base + READS[next++ % READS.length]!;
        const t = performance.now();
        try {
          const res = await fetch(url, { headers: HEADERS });
          await res.arrayBuffer();
          if (!res.ok) errors++;
        } catch {
          errors++;
        }
        times.push(performance.now() - t);
      }
    }),
  );
  return { times, errors, seconds: (performance.now() - t0) / 1000 };
}

/** A BSR sweep of about `runs` runs over 1,000 periods (grid kappa × theta). */
function sweepBody(runs: number) {
  const a = 100;
  const b = Math.round(runs / a);
  return {
    model: "bsr",
    periods: 1000,
    grid: [
      { name: "kappa", from: 1, to: 1 + (a - 1) * 0.01 + 0.001, step: 0.01 },
      { name: "theta", from: 0.2, to: 0.2 + (b - 1) * 0.0005 + 0.0001, step: 0.0005 },
    ],
    outputs: [{ name: "Y", period: 1000 }],
  };
}

function line(label: string, s: Stats, server: ServerProcess, baseP99?: number): void {
  const rss = server.rss();
  const ratio = baseP99 === undefined ? "" : `  p99 ratio ${(s.p99 / baseP99).toFixed(2)}`;
  console.log(
    `${label.padEnd(34)} ${String(s.requests).padStart(6)} req  ${(s.requests / s.seconds).toFixed(0).padStart(6)} req/s  p50 ${s.p50.toFixed(1).padStart(6)} ms  p99 ${s.p99.toFixed(1).padStart(6)} ms  max ${s.max.toFixed(0).padStart(5)} ms  errors ${s.errors}  rss ${rss ? `${rss.now.toFixed(0)} MB (peak ${rss.peak.toFixed(0)})` : "n/a"}${ratio}`,
  );
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "bslab-load-"));
  const db = join(dir, "load.duckdb");
  const template = process.env.BSLAB_BENCH_DB;
  if (template) copyFileSync(template, db);
  console.log(`load: ${REQUESTS} reads at concurrency ${CONCURRENCY} (${READS.join(", ")})`);
  const server = await startServer(db);
  try {
    await reads(server.base, 50, 2); // warm-up: first opens, caches
    const base = stats([await reads(server.base, REQUESTS, CONCURRENCY)]);
    line("reads alone (baseline)", base, server);
    for (const runs of QUICK ? [2000] : [2000, 20000]) {
      const started = performance.now();
      const sweep = fetch(`${server.base}/api/sim/sweep`, {
        method: "POST",
        headers: { ...HEADERS, "content-type": "application/json" },
        body: JSON.stringify(sweepBody(runs)),
      }).then(async (r) => ({ status: r.status, text: await r.text(), ms: performance.now() - started }));
      // Reads keep going (in rounds of REQUESTS) for as long as the sweep runs.
      const during: Sample[] = [];
      let done = false;
      void sweep.finally(() => (done = true));
      do during.push(await reads(server.base, REQUESTS, CONCURRENCY));
      while (!done);
      const r = await sweep;
      line(`reads during a ${runs}-run sweep`, stats(during), server, base.p99);
      const rows = r.status === 200 ? (JSON.parse(r.text) as { runs: number }).runs : r.text.slice(0, 200);
      console.log(
        `  the sweep: HTTP ${r.status} in ${(r.ms / 1000).toFixed(1)} s (${rows}${r.status === 200 ? " runs" : ""})`,
      );
    }
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
