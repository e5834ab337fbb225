/**
 * The web workbench in Debian chromium against a real `bslab serve` (port 0), issue #14's targets:
 *
 * - warm navigation to the first chart (compare, explorer and scenario pages; the server's answers
 *   and the browser's cache warm from an earlier visit), timed in the page from navigation start to
 *   the first chart's first `rendered`, next to a baseline navigation to a blank JSON document
 *   (`/api/health`) in the same loop. Target < 500 ms.
 * - slider to repainted chart on the scenario page (PC): from the slider's `input` event to the
 *   frame after the chart took the new run, minus the model run itself, which is the `/api/sim/run`
 *   request of that same move as the browser timed it (Resource Timing). Baseline in the same loop:
 *   one empty animation frame. Target < 50 ms beyond the model run.
 * - first-page JS transferred on a cold visit (fresh browser context), brotli/gzip as served.
 *   Target < 300 KB.
 *
 *   node --import tsx bench/web.bench.ts [--runs N] [--db FILE]
 *
 * `--db FILE` uses a copy of a database that already holds the bundled data; without it one is
 * loaded first (`bslab datasets`, seconds to a minute).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import type { BrowserContext, Page } from "playwright-core";

import { ensureWebBuilt } from "../src/server/web-build.ts";
import { launchChromium } from "../test/helpers/browser.ts";
import { startServer } from "../test/helpers/server-process.ts";
import { median, runsFromArgs } from "./lib/index.ts";

const RUNS = runsFromArgs(5);
const VIEWS = [
  { label: "compare (first page)", view: "#/compare?entity=pboc&date=2013-12&lang=en", page: "compare" },
  {
    label: "explorer, two series",
    view: "#/explorer?s=cb.currency_issued_share@pboc&s=cb.currency_issued_share@fed&from=2010-01&to=2013-12&lang=en",
    page: "explorer",
  },
  { label: "scenario (PC)", view: "#/scenario?model=pc&lang=en", page: "scenario" },
];

const dbArg = process.argv.indexOf("--db");
const dir = mkdtempSync(join(tmpdir(), "bslab-web-bench-"));
const db = join(dir, "bench.duckdb");
if (dbArg >= 0) copyFileSync(process.argv[dbArg + 1]!, db);
else {
  process.stdout.write("loading the bundled data into a fresh database...\n");
  const r = spawnSync(process.execPath, ["bin/bslab.mjs", "datasets", "--format", "json"], {
    env: { ...process.env, BSLAB_DB: db },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`bslab datasets failed: ${r.stderr}`);
}
await ensureWebBuilt();
const server = await startServer(db);
const browser = await launchChromium();
const ms = (x: number) => `${x.toFixed(1)} ms`;
const line = (label: string, value: string, extra = "") =>
  console.log(`  ${label.padEnd(44)} ${value.padStart(10)} ${extra}`);

/** Navigates `page` to `view` and returns the page's own time from navigation start to its first chart drawn. */
async function firstChart(page: Page, view: string, name: string): Promise<number> {
  return (await firstChartParts(page, view, name)).chart;
}

/** The first chart's time and where it went: scripts loaded, last API answer, DOMContentLoaded. */
async function firstChartParts(page: Page, view: string, name: string) {
  await page.goto(`${server.base}/${view}`);
  await page.waitForSelector(`#page[data-ready="${name}"]`, { timeout: 60_000 });
  await page.waitForFunction(() => window.__bslab?.firstChartMs !== undefined, null, { timeout: 60_000 });
  return page.evaluate(() => {
    const res = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
    const chart = window.__bslab!.firstChartMs!;
    const before = res.filter((e) => e.responseEnd <= chart);
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    return {
      chart,
      dom: nav.domContentLoadedEventEnd,
      js: Math.max(0, ...before.filter((e) => /\.js(\?|$)/.test(e.name)).map((e) => e.responseEnd)),
      api: Math.max(0, ...before.filter((e) => /\/api\//.test(e.name)).map((e) => e.responseEnd)),
      apiCount: before.filter((e) => /\/api\//.test(e.name)).length,
    };
  });
}

/** Navigation to a blank JSON document: the baseline of a navigation on this machine now. */
async function blank(page: Page): Promise<number> {
  await page.goto(`${server.base}/api/health`);
  return page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    return nav.responseEnd;
  });
}

/**
 * Moves the scenario page's first slider to `fraction` of its range; returns the time from the
 * `input` event to the frame after the chart's repaint, and the `/api/sim/run` request's duration.
 */
async function slide(
  page: Page,
  fraction: number,
): Promise<{ total: number; run: number; toRequest: number; toSetOption: number }> {
  return page.evaluate(async (f) => {
    const el = document.querySelector<HTMLInputElement>('[data-testid^="slider-"]')!;
    const box = document.querySelector<HTMLElement>('[data-testid="scenario-chart-1"] .chart')!;
    const before = Number(box.dataset.renders ?? 0);
    performance.clearResourceTimings();
    let set = NaN;
    const painted = new Promise<number>((resolve) => {
      const seen = new MutationObserver(() => {
        if (Number(box.dataset.renders ?? 0) <= before) return;
        seen.disconnect();
        set = performance.now();
        // setOption has run; the canvas is painted in the next frame.
        requestAnimationFrame(() => resolve(performance.now()));
      });
      seen.observe(box, { attributes: true, attributeFilter: ["data-renders"] });
    });
    const t0 = performance.now();
    el.value = String(Number(el.min) + (Number(el.max) - Number(el.min)) * f);
    el.dispatchEvent(new Event("input", { bubbles: true }));
    const t1 = await painted;
    const req = performance
      .getEntriesByType("resource")
      .filter((e) => e.name.endsWith("/api/sim/run"))
      .pop();
    return {
      total: t1 - t0,
      run: req ? req.duration : NaN,
      toRequest: req ? req.startTime - t0 : NaN,
      toSetOption: set - t0 - (req ? req.startTime - t0 + req.duration : NaN),
    };
  }, fraction);
}

/** One empty animation frame: the baseline of "the next frame" in the same page and loop. */
const frame = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const t0 = performance.now();
        requestAnimationFrame(() => resolve(performance.now() - t0));
      }),
  );

/** JS of the first page on a cold visit: bytes transferred and decoded. */
async function firstPageJs(
  context: BrowserContext,
): Promise<{ transferred: number; decoded: number; files: number }> {
  const page = await context.newPage();
  await page.goto(`${server.base}/`);
  await page.waitForSelector('#page[data-ready="compare"]', { timeout: 60_000 });
  await page.waitForFunction(() => window.__bslab?.firstChartMs !== undefined, null, { timeout: 60_000 });
  const r = await page.evaluate(() => {
    const js = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter((e) =>
      /\.m?js(\?|$)/.test(new URL(e.name).pathname),
    );
    return {
      transferred: js.reduce((n, e) => n + e.transferSize, 0),
      decoded: js.reduce((n, e) => n + e.decodedBodySize, 0),
      files: js.length,
    };
  });
  await page.close();
  return r;
}

try {
  console.log(`\nweb workbench in chromium (median of ${RUNS}, each next to its baseline)`);
  const cold = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const js = await firstPageJs(cold);
  await cold.close();
  line(
    "first-page JS transferred (cold visit)",
    `${(js.transferred / 1024).toFixed(1)} KB`,
    `(${js.files} files, ${(js.decoded / 1024).toFixed(1)} KB decoded; target < 300 KB)`,
  );

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  for (const v of VIEWS) {
    const page = await context.newPage();
    const navCdp = await context.newCDPSession(page);
    await navCdp.send("Performance.enable");
    const navBusy = async () =>
      (await navCdp.send("Performance.getMetrics")).metrics.find((x) => x.name === "TaskDuration")!.value *
      1000;
    // Warm-up: the server computes and caches its answers, the browser caches the code.
    await firstChart(page, v.view, v.page);
    await blank(page);
    const base: number[] = [];
    const nav: number[] = [];
    const parts: Array<Awaited<ReturnType<typeof firstChartParts>>> = [];
    const busyNav: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      base.push(await blank(page));
      const b0 = await navBusy();
      const p = await firstChartParts(page, v.view, v.page);
      busyNav.push((await navBusy()) - b0);
      parts.push(p);
      nav.push(p.chart);
    }
    await page.close();
    const b = median(base);
    const m = median(nav);
    console.log(`\n warm navigation to first chart: ${v.label}`);
    line("baseline: navigation to /api/health", ms(b));
    line("navigation start -> first chart", ms(m), `${(m / b).toFixed(2)}x  (target < 500 ms)`);
    line(
      "  page main-thread busy time",
      ms(median(busyNav)),
      "(CDP TaskDuration, to the chart and a little after)",
    );
    line("  DOMContentLoaded", ms(median(parts.map((p) => p.dom))));
    line("  last script loaded", ms(median(parts.map((p) => p.js))));
    line(`  last API answer (${parts[0]!.apiCount} requests)`, ms(median(parts.map((p) => p.api))));
  }

  const page = await context.newPage();
  // The renderer's main-thread busy time (CDP Performance.TaskDuration): on a loaded machine the
  // wall time is mostly waiting for a core; this is the work the page itself did.
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  const busy = async () =>
    (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration")!.value * 1000;
  await firstChart(page, VIEWS[2]!.view, "scenario");
  await slide(page, 0.2);
  const totals: number[] = [];
  const runs: number[] = [];
  const beyond: number[] = [];
  const frames: number[] = [];
  const toRequest: number[] = [];
  const toSetOption: number[] = [];
  const tasks: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    frames.push(await frame(page));
    const b0 = await busy();
    const s = await slide(page, i % 2 ? 0.3 : 0.7);
    tasks.push((await busy()) - b0);
    totals.push(s.total);
    runs.push(s.run);
    beyond.push(s.total - s.run);
    toRequest.push(s.toRequest);
    toSetOption.push(s.toSetOption);
  }
  await page.close();
  await context.close();
  const f = median(frames);
  console.log("\n slider to repainted chart: scenario (PC), first slider");
  line("baseline: one empty animation frame", ms(f));
  line("input -> repainted chart", ms(median(totals)), `${(median(totals) / f).toFixed(2)}x`);
  line("  of which the model run (/api/sim/run)", ms(median(runs)));
  line("  beyond the model run", ms(median(beyond)), `${(median(beyond) / f).toFixed(2)}x  (target < 50 ms)`);
  line("    input -> request sent", ms(median(toRequest)));
  line("    response -> both charts set", ms(median(toSetOption)));
  line("  page main-thread busy time per move", ms(median(tasks)), "(CDP TaskDuration, whole move)");
  line("    charts set -> next frame", ms(median(beyond) - median(toRequest) - median(toSetOption)));
} finally {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
