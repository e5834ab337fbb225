import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import type { FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { seededDbPath } from "../helpers/temp-store.ts";
import { launchChromium, serveWorkbench } from "../helpers/browser.ts";

const ARTIFACTS = join(import.meta.dirname, "..", "artifacts");

let app: FastifyInstance;
let browser: Browser;
let base: string;
let db: { path: string; cleanup: () => void };

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  db = seededDbPath();
  ({ app, base } = await serveWorkbench({ dbPath: db.path }));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  db?.cleanup();
});

/** Opens a view and waits until its page has rendered its data. */
async function open(view: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${base}/${view}`);
  const name = view.replace(/^#\//, "").split("?")[0];
  await page.waitForSelector(`#page[data-ready="${name}"]`, { timeout: 20_000 });
  expect(errors, "uncaught errors in the page").toEqual([]);
  expect(await page.locator("#page .error").count(), await page.locator("#page").innerText()).toBe(0);
  return page;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

describe("web workbench in chromium", () => {
  it("central-bank comparison: PBoC 2013-12 currency issued 20.5%, FX assets 83.3%; time to first chart", async () => {
    const page = await open("#/compare?entity=pboc&date=2013-12&lang=en");
    // From the indicator engine, beside the study's printed figures.
    const cb = page.locator('[data-testid="cb-indicators"]');
    expect(await cb.locator("tr", { hasText: "Currency issued / total liabilities" }).innerText()).toMatch(
      /20\.5% \(study 20\.5% ✓\)/,
    );
    expect(await cb.locator("tr", { hasText: "FX assets / total assets" }).first().innerText()).toMatch(
      /83\.3% \(study 83\.3% ✓\)/,
    );
    const table2 = await page.locator('[data-testid="table2"]').innerText();
    expect(table2).toContain("severe creditor-type currency mismatch");
    expect(table2).toContain("capital-structure mismatch present");
    // Revaluation stress: 10% of the net FC position 262,181.77 is 26,218.18 = 119.3x own capital 219.75.
    expect(await page.locator('[data-testid="stress-verdict"]').innerText()).toContain(
      "119.3 times own capital",
    );
    expect(await page.locator('[data-testid="figure1"] canvas').count()).toBeGreaterThan(0);
    // The lines themselves, as shares of the published totals.
    const liab = page.locator('[data-testid="liab-at-date"] tr', { hasText: "Currency issue" });
    expect(await liab.innerText()).toContain("20.5%");
    const assets = page.locator('[data-testid="assets-at-date"] tr', { hasText: "Foreign exchange" });
    expect(await assets.innerText()).toContain("83.3%");
    expect(await assets.innerText()).toContain("264,270.04");
    const timing = await page.evaluate(() => ({
      chart: window.__bslab?.firstChartMs,
      dom: performance.getEntriesByType("navigation")[0]?.toJSON() as { domContentLoadedEventEnd: number },
    }));
    expect(timing.chart).toBeGreaterThan(0);
    console.log(
      `time to first chart (compare page, from navigation start): ${Math.round(timing.chart!)} ms (DOMContentLoaded ${Math.round(timing.dom.domContentLoadedEventEnd)} ms)`,
    );
    await shot(page, "compare-en");
    await page.close();
  });

  it("balance-sheet page: the 2013-12 lines, the identity check, and the language switch", async () => {
    const page = await open("#/sheet?entity=pboc&date=2013-12&lang=en");
    const assets = await page.locator('[data-testid="assets"]').innerText();
    expect(assets).toContain("264,270.04");
    expect(assets).toContain("317,278.55");
    expect(assets).toContain("CNY 100 mn");
    expect(await page.locator('[data-testid="checks"] h3').innerText()).toBe("Accounting checks: ok");
    expect(await page.locator('[data-testid="sheet-bars"] canvas').count()).toBeGreaterThan(0);
    await shot(page, "sheet-en");

    // Sorting: clicking the value header puts the largest asset line first when descending.
    const header = page.locator('[data-testid="assets"] th[data-key="value"]');
    await header.click();
    await header.click();
    expect(await header.getAttribute("aria-sort")).toBe("descending");
    expect(await page.locator('[data-testid="assets"] tbody tr').first().innerText()).toContain("317,278.55");

    await page.click("#lang");
    await page.waitForSelector('#page[data-ready="sheet"] [data-testid="assets"]');
    await expect.poll(() => page.url()).toContain("lang=zh");
    expect(await page.locator("nav").innerText()).toContain("资产负债表");
    const zh = await page.locator('[data-testid="assets"]').innerText();
    expect(zh).toContain("外汇");
    expect(zh).toContain("亿元");
    expect(zh).toContain("264,270.04");
    await shot(page, "sheet-zh");
    await page.close();
  });

  it("indicator explorer: clicking the chart lists the balance-sheet lines of that date", async () => {
    const page = await open("#/explorer?entity=pboc&id=cb.fx_assets_share&from=2013-01&to=2013-12&lang=en");
    const box = (await page.locator('[data-testid="explorer-chart"] .chart').boundingBox())!;
    await page.mouse.click(box.x + box.width - 30, box.y + box.height / 2);
    const lines = page.locator('[data-testid="explorer-lines"]');
    await expect.poll(() => lines.innerText()).toContain("2013-12");
    const text = await lines.innerText();
    expect(text).toContain("pboc 2013-12: 83.3%");
    expect(text).toContain("264,270.04");
    expect(text).toContain("monetary_authority_bs_2013.xls:9");
    expect(page.url()).toContain("at=2013-12");
    await shot(page, "explorer");
    await page.close();
  });

  it("indicator explorer, country level: China 1990-2021 from the External Wealth of Nations", async () => {
    const page = await open("#/explorer?entity=China&id=country.net_external_debt_to_net_fdi&lang=en");
    // The series search holds the country level too: the chip names the economy.
    expect(await page.locator('[data-testid="series-chip"]').getAttribute("data-spec")).toBe(
      "country.net_external_debt_to_net_fdi@China",
    );
    const chart = page.locator('[data-testid="explorer-chart"]');
    expect(await chart.locator("h3").innerText()).toContain("China 1990 – 2021");
    expect(await chart.locator("canvas").count()).toBeGreaterThan(0);
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      chart.locator('button[data-download="csv"]').click(),
    ]);
    const csv = readFileSync(await file.path(), "utf8")
      .trim()
      .split("\n");
    expect(csv).toHaveLength(33);
    expect(csv[1]).toMatch(/^1990,-1\.9163/);
    // Click the last year: the five EWN series the ratio came from.
    const box = (await chart.locator(".chart").boundingBox())!;
    await page.mouse.click(box.x + box.width - 25, box.y + box.height / 2);
    const lines = page.locator('[data-testid="explorer-lines"]');
    await expect.poll(() => lines.innerText()).toContain("China 2021");
    const text = await lines.innerText();
    for (const v of ["debt_liabilities", "debt_assets", "fx_reserves", "fdi_liabilities", "fdi_assets"])
      expect(text).toContain(`EWN/2022-12/924.${v}:2021`);
    expect(page.url()).toContain("at=2021");
    await shot(page, "explorer-china");
    await page.close();
  });

  it("recession monitor: Japan's timeline, four marks, the credit gap", async () => {
    const page = await open("#/recession?country=JP&from=1985&to=2010&lang=en");
    expect(await page.locator('[data-testid="verdict"]').innerText()).toContain(
      "balance-sheet recession from 1990",
    );
    expect(await page.locator('[data-testid="marks"] .panel').count()).toBe(4);
    expect(await page.locator('[data-testid="credit-gap"] canvas').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="evidence"] tbody tr').count()).toBe(26);

    // The skill score arrives after the page (the evaluation takes seconds on first use).
    const skill = page.locator('[data-testid="skill"]');
    await skill.locator('[data-testid="skill-table"]').waitFor({ timeout: 30_000 });
    const table = await skill.locator('[data-testid="skill-table"]').innerText();
    expect(table).toContain("BIS quarterly x Laeven-Valencia 2026");
    expect(table).toContain("credit gap");
    expect(table).toMatch(/0\.\d{3} – 0\.\d{3}/);
    expect(await skill.locator('[data-testid="skill-table"] tbody tr').count()).toBe(4);
    expect(await skill.locator('[data-testid="skill-chart"] canvas').count()).toBeGreaterThan(0);
    await skill.scrollIntoViewIfNeeded();
    await shot(page, "recession");

    // Every chart downloads as PNG, SVG (a real vector file) and its data as CSV.
    const panel = page.locator('[data-testid="credit-gap"]');
    const download = async (kind: string) => {
      const [file] = await Promise.all([
        page.waitForEvent("download"),
        panel.locator(`button[data-download="${kind}"]`).click(),
      ]);
      const path = await file.path();
      return { name: file.suggestedFilename(), text: readFileSync(path, kind === "png" ? "latin1" : "utf8") };
    };
    const svg = await download("svg");
    expect(svg.name).toMatch(/\.svg$/);
    expect(svg.text).toMatch(/^<svg/);
    const csv = await download("csv");
    // With a byte-order mark, for Excel on Chinese Windows.
    expect(csv.text.split("\n")[0]).toBe("\ufeffdate,ratio,trend,gap,bis_gap,buffer_guide");
    const png = await download("png");
    expect(png.text.slice(1, 4)).toBe("PNG");
    await page.close();
  });

  it("scenario lab: moving a slider re-runs the model and changes the chart (BSR and PC)", async () => {
    // BSR: bring the bank clean-up forward from "off" to period 26.
    const page = await open("#/scenario?model=bsr&lang=en");
    const chart = page.locator('[data-testid="scenario-chart-2"]');
    await expect.poll(() => chart.getAttribute("data-sum")).not.toBeNull();
    const before = await chart.getAttribute("data-sum");
    await page.locator('[data-testid="slider-cleanup_period"]').focus();
    for (let i = 0; i < 55; i++) await page.keyboard.press("ArrowLeft");
    await expect.poll(() => page.url()).toContain("v.cleanup_period=26");
    await expect.poll(() => chart.getAttribute("data-sum")).not.toBe(before);
    // The key presses each start a run; wait for the one for period 26 and for ECharts' transition,
    // so the screenshot shows the final chart rather than lines mid-animation.
    await expect.poll(() => page.getByTestId("scenario-status").textContent()).toContain("cleanup_period=26");
    await page.waitForTimeout(1500);
    await shot(page, "scenario-bsr");
    await page.close();

    // PC: raise government spending from period 5 on.
    const pc = await open("#/scenario?model=pc&lang=en");
    const y = pc.locator('[data-testid="scenario-chart-1"]');
    await expect.poll(() => y.getAttribute("data-sum")).not.toBeNull();
    const flat = await y.getAttribute("data-sum");
    await pc.locator('[data-testid="slider-G"]').focus();
    for (let i = 0; i < 10; i++) await pc.keyboard.press("ArrowRight");
    await expect.poll(() => y.getAttribute("data-sum")).not.toBe(flat);
    expect(pc.url()).toContain("v.G=");
    await shot(pc, "scenario-pc");
    await pc.close();
  });

  it("scenario lab sweep: one parameter draws a line, two a heatmap, with the expected points", async () => {
    const page = await open("#/scenario?model=pc&lang=en");
    const sweep = page.locator('[data-testid="sweep"]');
    await sweep.waitFor();
    const chart = page.locator('[data-testid="sweep-chart"]');
    // alpha1 0.5, 0.55, ..., 0.7: five runs; Y at period 40.
    await sweep.locator('select[name="sweep-param-1"]').selectOption("alpha1");
    await sweep.locator('input[name="sweep-from-1"]').fill("0.5");
    await sweep.locator('input[name="sweep-to-1"]').fill("0.7");
    await sweep.locator('input[name="sweep-step-1"]').fill("0.05");
    await sweep.locator('select[name="sweep-output"]').selectOption("Y");
    await sweep.locator('input[name="sweep-period"]').fill("40");
    await sweep.locator('input[name="sweep-period"]').press("Tab");
    await page.click('[data-testid="sweep-run"]');
    await expect.poll(() => chart.getAttribute("data-points")).toBe("5");
    expect(await chart.getAttribute("data-kind")).toBe("line");
    expect(await chart.locator("canvas").count()).toBeGreaterThan(0);
    expect(page.url()).toContain("sw.1=alpha1%3A0.5%3A0.7%3A0.05");
    await shot(page, "sweep-line");

    // Add rbar 0.02, 0.025, 0.03: a 5 x 3 heatmap.
    await sweep.locator('select[name="sweep-param-2"]').selectOption("rbar");
    await sweep.locator('input[name="sweep-from-2"]').fill("0.02");
    await sweep.locator('input[name="sweep-to-2"]').fill("0.03");
    await sweep.locator('input[name="sweep-step-2"]').fill("0.005");
    await sweep.locator('input[name="sweep-step-2"]').press("Tab");
    await page.click('[data-testid="sweep-run"]');
    await expect.poll(() => chart.getAttribute("data-points")).toBe("15");
    expect(await chart.getAttribute("data-kind")).toBe("heatmap");
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      chart.locator('button[data-download="csv"]').click(),
    ]);
    const csv = readFileSync(await file.path(), "utf8")
      .trim()
      .split("\n");
    expect(csv[0]).toBe("alpha1,rbar,Y@40");
    expect(csv).toHaveLength(16);
    const [svg] = await Promise.all([
      page.waitForEvent("download"),
      chart.locator('button[data-download="svg"]').click(),
    ]);
    expect(readFileSync(await svg.path(), "utf8")).toMatch(/^<svg/);
    await chart.scrollIntoViewIfNeeded();
    await shot(page, "sweep-heatmap");
    await page.close();
  });

  it("import: a bad CSV shows its errors by row and column; a good one imports", async () => {
    const page = await open("#/import?lang=en");
    const bad =
      "entity,date,item,side,currency,maturity,value,unit\nbank9,2024-12,loans,asset,EUR,long,10,EUR millions\nbank9,2024-12,deposits,liability,EUR,short,ten,EUR millions\n";
    await page.setInputFiles('[data-testid="import-file"]', {
      name: "bad.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(bad),
    });
    await page.waitForSelector('[data-testid="import-errors"]');
    expect(await page.locator('[data-testid="import-errors"]').innerText()).toContain(
      'bad.csv: row 3, column value: not a number: "ten"',
    );
    const cell = page.locator('tr[data-row="3"] td.cell-error');
    expect(await cell.getAttribute("data-column")).toBe("value");
    expect(await page.locator('[data-testid="import-commit"]').isDisabled()).toBe(true);
    await shot(page, "import-bad");

    await page.setInputFiles('[data-testid="import-file"]', {
      name: "good.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(bad.replace(",ten,", ",10,")),
    });
    await expect.poll(() => page.locator('[data-testid="import-commit"]').isDisabled()).toBe(false);
    await page.click('[data-testid="import-commit"]');
    await page.waitForSelector('[data-testid="import-done"]');
    expect(await page.locator('[data-testid="import-done"]').innerText()).toContain("good.csv");
    await shot(page, "import-done");
    await page.close();
  });
});
