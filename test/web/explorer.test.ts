import { readFileSync } from "node:fs";

import type { FastifyInstance } from "fastify";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { listEntities } from "../../src/store/sheets.ts";
import { Store } from "../../src/store/store.ts";
import { launchChromium, serveWorkbench } from "../helpers/browser.ts";
import { seededDbPath } from "../helpers/temp-store.ts";
import { untranslated } from "../i18n/zh-scan.ts";

// The explorer on the bundled data, in chromium. Figures are the published ones:
// PBoC monetary authority balance sheet (monetary_authority_bs_2012.xls / _2013.xls, rows 20 and 28):
//   2012-12 currency issue 60,645.97, total liabilities 294,537.19 -> 20.590%
//   2013-12 currency issue 64,980.93, total liabilities 317,278.55 -> 20.481% (the study prints 20.5%)
//   change from a year earlier by hand: 20.481 - 20.590 = -0.11 pp
// FRED CURRCIR (data/fred-us-monetary/CURRCIR.csv): 2022-11-01 2,292.048, 2023-11-01 2,327.155
//   -> % change from a year earlier by hand: 2327.155 / 2292.048 - 1 = 1.5317%
const SHARE_2013 = 64980.93 / 317278.55;
const SHARE_2012 = 60645.97 / 294537.19;
const CURRCIR_PC1 = 2327.155 / 2292.048 - 1;

let app: FastifyInstance;
let browser: Browser;
let context: BrowserContext;
let base: string;
let db: { path: string; cleanup: () => void };
let ids: Set<string>;

beforeAll(async () => {
  db = seededDbPath();
  ({ app, base } = await serveWorkbench({ dbPath: db.path }));
  const store = await Store.open({ path: db.path, readOnly: true });
  try {
    ids = new Set((await listEntities(store)).map((e) => e.id));
  } finally {
    store.close();
  }
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  db?.cleanup();
});

/** Opens a view in a fresh page and waits until the page has rendered; page errors fail the test. */
async function open(view: string): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${base}/${view}`);
  await page.waitForSelector('#page[data-ready="explorer"]', { timeout: 30_000 });
  expect(errors).toEqual([]);
  expect(await page.locator("#page .error").count()).toBe(0);
  return page;
}

const chart = (page: Page) => page.locator('[data-testid="explorer-chart"] .chart');
/** The text of the values table's row for `date`, cells split. */
async function valuesRow(page: Page, date: string): Promise<string[]> {
  const row = page.locator('[data-testid="values-table"] tbody tr', {
    has: page.locator("td", { hasText: new RegExp(`^${date}$`) }),
  });
  return (await row.locator("td").allInnerTexts()).map((s) => s.trim());
}
const hashParams = (page: Page) => new URLSearchParams(new URL(page.url()).hash.split("?")[1] ?? "");

describe("explorer: transforms, search, several series, URL state", () => {
  it("PBoC currency issued 2013-12 = 20.5% (the study's Table 2), axis in %", async () => {
    const page = await open("#/explorer?s=cb.currency_issued_share@pboc&from=2013-01&to=2013-12&lang=en");
    const cells = await valuesRow(page, "2013-12");
    expect(Number(cells[1]!.replace("%", ""))).toBeCloseTo(SHARE_2013 * 100, 2);
    expect(Number(cells[1]).toFixed(1)).toBe("20.5");
    expect(await page.locator('[data-testid="explorer-unit"]').innerText()).toBe("Axis unit: % (per cent)");
    await page.close();
  });

  it("change from a year earlier of a share is in pp: PBoC 2013-12 -0.11 pp by hand from the two published sheets", async () => {
    const page = await open(
      "#/explorer?s=cb.currency_issued_share@pboc&tf=ch1&from=2012-01&to=2013-12&lang=en",
    );
    expect(await page.locator('[data-testid="explorer-unit"]').innerText()).toBe(
      "Axis unit: pp (percentage points)",
    );
    const cells = await valuesRow(page, "2013-12");
    expect(Number(cells[1])).toBeCloseTo((SHARE_2013 - SHARE_2012) * 100, 2);
    // 2012 has no 2011 inside the range: no value, and the CSV says why.
    expect((await valuesRow(page, "2012-06"))[1]).toBe("–");
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.locator('[data-testid="explorer-chart"] [data-download="csv"]').click(),
    ]);
    const csv = readFileSync(await file.path(), "utf8")
      .replace(/^\ufeff/, "")
      .trim()
      .split("\n");
    expect(csv[0]).toBe(
      "Date,Currency issued / total liabilities (Change from a year earlier),Note,Unit,Source",
    );
    expect(csv.find((l) => l.startsWith("2012-06,"))).toContain("no observation a year earlier");
    const dec = csv.find((l) => l.startsWith("2013-12,"))!.split(",");
    expect(Number(dec[1])).toBeCloseTo((SHARE_2013 - SHARE_2012) * 100, 9);
    expect(dec[3]).toBe("pp (percentage points)");
    // The SVG download names the unit on the axis.
    const [svgFile] = await Promise.all([
      page.waitForEvent("download"),
      page.locator('[data-testid="explorer-chart"] [data-download="svg"]').click(),
    ]);
    expect(readFileSync(await svgFile.path(), "utf8")).toContain("pp (percentage points)");
    await page.close();
  });

  it("% change from a year earlier of a stored monthly series: FRED CURRCIR 2023-11 = 1.53% by hand", async () => {
    const page = await open("#/explorer?s=series:FRED/CURRCIR&tf=pc1&from=2022-01&to=2023-11&lang=en");
    expect(await page.locator('[data-testid="explorer-unit"]').innerText()).toBe("Axis unit: % (per cent)");
    expect(Number((await valuesRow(page, "2023-11-01"))[1])).toBeCloseTo(CURRCIR_PC1 * 100, 2);
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.locator('[data-testid="explorer-chart"] [data-download="csv"]').click(),
    ]);
    const last = readFileSync(await file.path(), "utf8")
      .trim()
      .split("\n")
      .pop()!
      .split(",");
    expect(last[0]).toBe("2023-11-01");
    expect(Number(last[1])).toBeCloseTo(CURRCIR_PC1 * 100, 9);
    await page.close();
  });

  it("PBoC and Fed currency-issued share on one chart: a legend row each, the source of each in the CSV", async () => {
    const page = await open(
      "#/explorer?s=cb.currency_issued_share@pboc&s=cb.currency_issued_share@fed&from=2013-01&to=2013-12&lang=en",
    );
    expect(await page.locator('[data-testid="series-chip"]').count()).toBe(2);
    const heads = await page.locator('[data-testid="values-table"] th').allInnerTexts();
    expect(heads).toEqual([
      "Date",
      "Currency issued / total liabilities · People's Bank of China (% (per cent))",
      "Currency issued / total liabilities · Federal Reserve System (% (per cent))",
    ]);
    const legend = await chart(page).evaluate((el) => el.getAttribute("aria-describedby"));
    const summary = await page.locator(`#${legend}`).innerText();
    expect(summary).toContain("People's Bank of China");
    expect(summary).toContain("Federal Reserve System");
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.locator('[data-testid="explorer-chart"] [data-download="csv"]').click(),
    ]);
    const rows = readFileSync(await file.path(), "utf8")
      .replace(/^\ufeff/, "")
      .trim()
      .split("\n");
    expect(rows[0]).toBe("Date,Series,Entity,Value,Unit,Source,Note");
    const pboc = rows.find((r) => r.startsWith("2013-12,") && r.includes(",pboc,"))!;
    expect(pboc).toContain("People's Bank of China");
    expect(Number(pboc.split(",")[3])).toBeCloseTo(SHARE_2013 * 100, 6);
    expect(rows.find((r) => r.includes(",fed,"))).toContain("Federal Reserve");
    await page.close();
  });

  it("search: typing finds indicators by name and entity, and stored series by id; Enter adds one", async () => {
    const page = await open("#/explorer?s=cb.currency_issued_share@pboc&from=2013-01&to=2013-12&lang=en");
    const box = page.locator('[data-testid="series-search"]');
    await box.fill("currency fed");
    const option = page.locator(
      '[data-testid="series-search-option"][data-value="cb.currency_issued_share@fed"]',
    );
    await option.waitFor();
    // Chinese names match too.
    await box.fill("货币发行 美联储");
    await option.waitFor();
    await box.fill("CURRCIR");
    const stored = page.locator('[data-testid="series-search-option"][data-value="series:FRED/CURRCIR"]');
    await stored.waitFor();
    // Keyboard: Down moves through the list, Enter adds the chosen one.
    await box.press("ArrowDown");
    await box.press("ArrowUp");
    await box.press("Enter");
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="series-chip"]').length === 2);
    await page.waitForSelector('#page[data-ready="explorer"]');
    expect(hashParams(page).getAll("s")).toEqual(["cb.currency_issued_share@pboc", "series:FRED/CURRCIR"]);
    // A click on a suggestion adds it too.
    await box.fill("currency fed");
    await option.click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="series-chip"]').length === 3);
    await page.waitForSelector('#page[data-ready="explorer"]');
    expect(hashParams(page).getAll("s")).toEqual([
      "cb.currency_issued_share@pboc",
      "series:FRED/CURRCIR",
      "cb.currency_issued_share@fed",
    ]);
    // Remove the first again.
    await page.locator('[data-testid="series-chip"] button').first().click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="series-chip"]').length === 2);
    expect(hashParams(page).getAll("s")).toEqual(["series:FRED/CURRCIR", "cb.currency_issued_share@fed"]);
    await page.close();
  });

  it("zoom, sort and the selected point are kept in the URL and restored from it", async () => {
    const view = "#/explorer?s=cb.currency_issued_share@pboc&from=2010-01&to=2013-12&lang=en";
    const page = await open(view);
    const box = (await chart(page).boundingBox())!;
    // Zoom in with the wheel over the plot (dataZoom "inside").
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -600);
    await expect
      .poll(() => hashParams(page).get("zoom") ?? "")
      .toMatch(/^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/);
    const zoom = hashParams(page).get("zoom")!;
    // Sort the values table by the value, descending.
    const head = page.locator('[data-testid="values-table"] th[data-key="v0"]');
    await head.click();
    await head.click();
    expect(hashParams(page).get("sort")).toBe("-v0");
    // Select a point: the nearest date to the click, marked on the chart, its lines listed.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => hashParams(page).get("at") ?? "").toMatch(/^201\d-\d{2}$/);
    const at = hashParams(page).get("at")!;
    await expect.poll(() => chart(page).getAttribute("data-marked")).toBe("1");
    await expect
      .poll(() => page.locator('[data-testid="explorer-lines"]').innerText())
      .toContain(`pboc ${at}:`);

    // A fresh page from the URL: the same zoom, sort and selection.
    const url = page.url();
    await page.close();
    const again = await open(url.slice(url.indexOf("#")));
    await expect.poll(() => chart(again).getAttribute("data-zoom")).toBe(zoom);
    await expect.poll(() => chart(again).getAttribute("data-marked")).toBe("1");
    expect(
      await again.locator('[data-testid="values-table"] th[data-key="v0"]').getAttribute("aria-sort"),
    ).toBe("descending");
    const values = await again
      .locator('[data-testid="values-table"] tbody tr td:nth-child(2)')
      .allInnerTexts();
    expect(values.map(Number)).toEqual([...values.map(Number)].sort((a, b) => b - a));
    expect(await again.locator('[data-testid="explorer-lines"]').innerText()).toContain(`pboc ${at}:`);
    await again.close();
  });

  it("log scale of values that are not all positive: said beside the control, the axis stays linear", async () => {
    const page = await open(
      "#/explorer?s=cb.currency_issued_share@pboc&tf=chg&log=1&from=2013-01&to=2013-12&lang=en",
    );
    expect(await page.locator('[data-testid="log-note"]').innerText()).toMatch(
      /^a log scale needs positive values: \d+ drawn values are zero or negative, so the axis stays linear$/,
    );
    expect(await page.locator('input[name="log"]').isChecked()).toBe(true);
    await page.close();
    const ok = await open("#/explorer?s=series:FRED/CURRCIR&log=1&lang=en");
    expect(await ok.locator('[data-testid="log-note"]').isHidden()).toBe(true);
    await ok.close();
  });

  it("empty states say why and what to do: no series, an unknown stored series, a bad s value", async () => {
    const page = await open("#/explorer?s=nonsense&lang=en");
    expect(await page.locator('[data-testid="bad-s"]').innerText()).toBe(
      "s=nonsense is not a series (write INDICATOR@ENTITY or series:ID); left out",
    );
    expect(await page.locator('[data-testid="empty"]').innerText()).toMatch(
      /Why: no series is chosen\n+What to do: search for an indicator or a stored series/,
    );
    await page.close();
    const unknown = await open("#/explorer?s=series:NO/SUCH&lang=zh");
    const text = await unknown.locator('[data-testid="empty"]').innerText();
    expect(text).toContain('原因： 没有已存储的序列 "NO/SUCH"');
    expect(text).toContain("解决办法：");
    await unknown.close();
  });

  it("in Chinese: controls, transforms, units and two series show no untranslated English", async () => {
    const page = await open(
      "#/explorer?s=cb.currency_issued_share@pboc&s=cb.currency_issued_share@fed&tf=ch1&from=2012-01&to=2013-12&lang=zh",
    );
    expect(await page.locator('select[name="tf"] option:checked').innerText()).toBe("同比变化量");
    expect(await page.locator('[data-testid="explorer-unit"]').innerText()).toBe("纵轴单位：百分点");
    const text = await page.evaluate(() => {
      const out: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || el.closest("[translate=no], code, script, style, [hidden], .sr-only")) continue;
        out.push(n.textContent ?? "");
      }
      return out.join("\n");
    });
    expect(untranslated(text, ids)).toEqual([]);
    await page.close();
  });
});
