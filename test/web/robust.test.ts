import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import type { FastifyInstance } from "fastify";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { RECESSION_STORE_JST_VARS } from "../../src/io/sources/recession-series.ts";
import { sheetjs } from "../../src/io/xlsx/sheetjs.ts";
import { listEntities } from "../../src/store/sheets.ts";
import { Store } from "../../src/store/store.ts";
import { launchChromium, serveWorkbench } from "../helpers/browser.ts";
import { seededDbPath } from "../helpers/temp-store.ts";
import { untranslated } from "../i18n/zh-scan.ts";

// One browser and one server for the file; pages are opened in one context and reused.
let app: FastifyInstance;
let browser: Browser;
let context: BrowserContext;
let base: string;
let port: number;
let db: { path: string; cleanup: () => void };
let ids: Set<string>;
const dir = mkdtempSync(join(tmpdir(), "bslab-web-robust-"));

async function start(): Promise<void> {
  ({ app, base } = await serveWorkbench({ dbPath: db.path, idleCloseMs: 50, port }));
  port = Number(new URL(base).port);
}

beforeAll(async () => {
  db = seededDbPath();
  port = 0;
  await start();
  const store = await Store.open({ path: db.path, readOnly: true });
  try {
    // Item ids of the stored lines are ids too (Table 2 names the lines an input lacks).
    const items = (await store.all<{ item: string }>("select distinct item from positions")).map(
      (r) => r.item,
    );
    ids = new Set([...(await listEntities(store)).map((e) => e.id), ...RECESSION_STORE_JST_VARS, ...items]);
  } finally {
    store.close();
  }
  // The models' variable and parameter names are ids too.
  const models = (await (await fetch(`${base}/api/models`)).json()) as {
    models: Array<{
      endogenous: string[];
      parameters: Array<{ name: string }>;
      exogenous: Array<{ name: string }>;
    }>;
  };
  for (const m of models.models)
    for (const n of [...m.endogenous, ...m.parameters.map((p) => p.name), ...m.exogenous.map((p) => p.name)])
      ids.add(n);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  db?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

let shared: Page | undefined;
/** Goes to a view in the shared page and waits until it has rendered; page errors fail the test. */
async function open(view: string, ready = view.replace(/^#\//, "").split("?")[0]!): Promise<Page> {
  if (!shared) {
    shared = await context.newPage();
    shared.on("pageerror", (e) => {
      throw e;
    });
    await shared.goto(`${base}/#/compare?lang=en`);
  }
  await shared.evaluate((v) => (location.hash = v), view);
  await shared.waitForSelector(`#page[data-ready="${ready}"]`, { timeout: 30_000 });
  return shared;
}

describe("web workbench: fragile pages, empty charts, downloads, Chinese", () => {
  it("#/nosuchpage: a not-found page with the navigation, no error", async () => {
    const page = await open("#/nosuchpage?lang=en", "not-found");
    expect(await page.locator('[data-testid="not-found"]').innerText()).toContain("#/nosuchpage");
    expect(await page.locator("nav a").count()).toBe(6);
    expect(await page.title()).toContain("No such page");
    // The navigation still works from there.
    await page.click('nav a[data-page="sheet"]');
    await page.waitForSelector('#page[data-ready="sheet"]');
  });

  it("a bad URL value is reported beside its control, which keeps working; never run as 0", async () => {
    const page = await open("#/scenario?model=pc&v.alpha1=abc&lang=en");
    const note = page.locator('[data-testid="bad-v.alpha1"]');
    expect(await note.innerText()).toBe("v.alpha1=abc is not a number; the model's value is used");
    // Run with the model's own alpha1: identical to the baseline, not Y dropping to 55.
    expect(await page.locator('[data-testid="scenario-status"]').innerText()).toMatch(/^same as baseline/);
    const chart = page.locator('[data-testid="scenario-chart-1"] .chart');
    const before = Number(await chart.getAttribute("data-renders"));
    await page.locator('[data-testid="slider-alpha1"]').evaluate((el: HTMLInputElement) => {
      el.value = String(Number(el.min) + (Number(el.max) - Number(el.min)) * 0.3);
      el.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await expect.poll(async () => Number(await chart.getAttribute("data-renders"))).toBeGreaterThan(before);
    expect(await note.count()).toBe(0);
    expect(page.url()).toMatch(/v\.alpha1=\d/);
  });

  it.each([
    [
      "explorer, ODC short-term liabilities",
      "#/explorer?entity=pboc-odc&id=sector.short_term_liabilities_to_liquid_assets&lang=en",
      "explorer-chart",
      /Why: not computable: maturity unknown for 78% of liabilities/,
    ],
    [
      "Figure 1 for the ECB",
      "#/compare?entity=ecb&lang=en",
      "figure1",
      /Why: not computable: .*not in the bundled data for ecb/,
    ],
    [
      "US 1929-40 credit gap",
      "#/recession?country=US&from=1929&to=1940&lang=en",
      "credit-gap",
      /Why: the BIS credit-to-GDP series for .* runs 1947-Q4 to .*, none of it within 1919-1940/,
    ],
  ])("empty chart says why and what to do: %s", async (_name, view, testId, why) => {
    const page = await open(view);
    const empty = page.locator(`[data-testid="${testId}"] [data-testid="empty"]`);
    const text = await empty.innerText();
    expect(text).toMatch(why);
    expect(text).toMatch(/What to do: (import|choose)/);
    expect(await page.locator(`[data-testid="${testId}"] canvas`).count()).toBe(0);
    // In Chinese too.
    await open(view.replace("lang=en", "lang=zh"));
    const zh = await page.locator(`[data-testid="${testId}"] [data-testid="empty"]`).innerText();
    expect(zh).toMatch(/原因：.*\n.*解决办法：/s);
    expect(untranslated(zh, ids)).toEqual([]);
  });

  it("downloads: SVG with title, entity, unit, source and vintage; CSV with BOM, labels, unit and source columns; XLSX", async () => {
    const page = await open(
      "#/explorer?entity=pboc&id=cb.currency_issued_share&from=2010-01&to=2013-12&lang=zh",
    );
    const panel = page.locator('[data-testid="explorer-chart"]');
    await panel.locator("canvas").first().waitFor();
    const save = async (kind: string) => {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        panel.locator(`[data-download="${kind}"]`).click(),
      ]);
      const path = join(dir, `chart.${kind}`);
      await download.saveAs(path);
      return path;
    };
    const svg = readFileSync(await save("svg"), "utf8");
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)]
      .map((m) => m[1]!.replace(/&#39;/g, "'").replace(/&amp;/g, "&"))
      .join("\n");
    expect(texts).toContain("货币发行占总负债比重: pboc 2010-01 – 2013-12");
    expect(texts).toMatch(/pboc · 单位：比重/);
    expect(texts).toMatch(/来源：People's Bank of China/);
    expect(texts).toMatch(/数据版本：\d{4}/);

    const png = readFileSync(await save("png"));
    expect(png.subarray(1, 4).toString()).toBe("PNG");

    const csvPath = await save("csv");
    expect(readFileSync(csvPath).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    // pandas is not installed here (and PyPI is unreachable): Python's csv module with utf-8-sig,
    // which is how pandas.read_csv(encoding="utf-8-sig") reads it too.
    const py = spawnSync(
      "python3",
      [
        "-c",
        "import csv,json,sys; r=list(csv.DictReader(open(sys.argv[1],encoding='utf-8-sig'))); print(json.dumps({'columns': list(r[0].keys()), 'first': r[0], 'n': len(r)}, ensure_ascii=False))",
        csvPath,
      ],
      { encoding: "utf8" },
    );
    expect(py.status, py.stderr).toBe(0);
    const parsed = JSON.parse(py.stdout) as { columns: string[]; first: Record<string, string>; n: number };
    expect(parsed.columns).toEqual(["日期", "货币发行占总负债比重", "说明", "单位", "来源"]);
    expect(parsed.first["单位"]).toMatch(/^比重/);
    expect(parsed.first["来源"]).toMatch(/People's Bank of China/);
    expect(Number(parsed.first["货币发行占总负债比重"])).toBeGreaterThan(0.1);
    expect(parsed.n).toBeGreaterThan(10);

    const xlsx = readFileSync(await save("xlsx"));
    expect(xlsx.subarray(0, 2).toString()).toBe("PK");
    const { read, utils } = sheetjs();
    const rows = utils.sheet_to_json<unknown[]>(read(xlsx).Sheets[read(xlsx).SheetNames[0]!]!, { header: 1 });
    expect(rows[1]).toEqual(["日期", "货币发行占总负债比重", "说明", "单位", "来源"]);
    expect(typeof (rows[2] as unknown[])[1]).toBe("number");
  });

  it("a stopped server: a retry banner, the chart marked stale; restarted: the page recovers by itself", async () => {
    const page = await open("#/scenario?model=pc&lang=en");
    await app.close();
    await page.locator('[data-testid="slider-alpha1"]').evaluate((el: HTMLInputElement) => {
      el.value = String(Number(el.min) + (Number(el.max) - Number(el.min)) * 0.7);
      el.dispatchEvent(new Event("input", { bubbles: true }));
    });
    const banner = page.locator('[data-testid="offline"]');
    await banner.waitFor({ state: "visible" });
    expect(await banner.innerText()).toContain("cannot be reached");
    expect(await page.locator('[data-testid="scenario-chart-1"]').getAttribute("class")).toContain("stale");
    await start();
    await banner.waitFor({ state: "hidden", timeout: 20_000 });
    await page.waitForSelector(
      '#page[data-ready="scenario"] [data-testid="scenario-chart-1"]:not(.stale) canvas',
    );
    // The slider's value survived in the URL and is drawn again.
    expect(page.url()).toMatch(/v\.alpha1=/);
  });

  it("GBK import: a CSV saved by Excel on Chinese Windows is decoded, the encoding named in the preview", async () => {
    const page = await open("#/import?lang=zh");
    const csv =
      'entity,date,item,side,currency,maturity,value,unit,label\ngbkbank,2024-12,loans,asset,CNY,long,"1,000.5",亿元,贷款\ngbkbank,2024-12,deposits,liability,CNY,short,"1,000.5",亿元,存款\n';
    // The bytes Excel writes: GB18030 (a superset of GBK), made by Python's codec.
    const conv = spawnSync(
      "python3",
      ["-c", "import sys; sys.stdout.buffer.write(sys.stdin.read().encode('gb18030'))"],
      {
        input: csv,
      },
    );
    expect(conv.status, String(conv.stderr)).toBe(0);
    expect(conv.stdout.equals(Buffer.from(csv))).toBe(false);
    await page.setInputFiles('[data-testid="import-file"]', {
      name: "gbk.csv",
      mimeType: "text/csv",
      buffer: conv.stdout,
    });
    const enc = page.locator('[data-testid="import-encoding"]');
    await enc.waitFor();
    expect(await enc.innerText()).toContain("GB18030 (GBK)");
    const preview = await page.locator('[data-testid="import-preview"]').innerText();
    expect(preview).toContain("贷款");
    // The summary and, once imported, the success line are Chinese. The file's entity is an id, and
    // a stored entity from then on (the pages list it), so it joins the scan's ids.
    ids.add("gbkbank");
    const fileIds = ids;
    const summary = await page.locator('[data-testid="import-preview"] p.muted').innerText();
    expect(summary).toContain("1 张报表，2 个项目");
    expect(untranslated(summary, fileIds)).toEqual([]);
    await page.click('[data-testid="import-commit"]');
    const done = await page.locator('[data-testid="import-done"]').innerText();
    expect(done).toMatch(/^已导入：gbk\.csv → .*（1 张报表，2 个项目，版本 /);
    expect(untranslated(done, fileIds)).toEqual([]);
    // The template downloads and its header is the column help's.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click('[data-download="template"]'),
    ]);
    const path = join(dir, "template.csv");
    await download.saveAs(path);
    expect(readFileSync(path, "utf8")).toMatch(/^\ufeffentity,date,item,side,currency,maturity,value,unit\n/);
  });

  it("zh scan: every page in Chinese shows no untranslated English (ids, codes and names excepted)", async () => {
    const views = [
      "#/compare?entity=pboc&lang=zh",
      "#/explorer?entity=pboc&id=cb.fx_assets_share&lang=zh",
      "#/sheet?entity=pboc&date=2013-12&lang=zh",
      "#/recession?country=JP&lang=zh",
      "#/scenario?model=bsr&lang=zh",
      "#/import?lang=zh",
      "#/nosuchpage?lang=zh",
    ];
    const found: Record<string, string[]> = {};
    for (const view of views) {
      const page = await open(view, view.startsWith("#/nosuchpage") ? "not-found" : undefined);
      // Every text node a reader can see (option texts included), skipping what is marked as not
      // to be translated (ids, code, bibliographic references).
      const text = await page.evaluate(() => {
        const out: string[] = [document.title];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement;
          if (!el || el.closest("[translate=no], code, script, style, [hidden], .sr-only")) continue;
          out.push(n.textContent ?? "");
        }
        return out.join("\n");
      });
      const phrases = untranslated(text, ids);
      if (phrases.length) found[view] = [...new Set(phrases)];
    }
    expect(found).toEqual({});
  });

  it("sortable headers are reached by Tab and sort with Enter and Space, aria-sort saying the order", async () => {
    const page = await open("#/sheet?entity=pboc&date=2013-12&lang=en");
    const header = page.locator('[data-testid="assets"] th[data-key="value"]');
    const button = header.locator("button");
    // Tab from the header before it lands on this one: the headers are in the tab order.
    await page.locator('[data-testid="assets"] th[data-key="line"] button').focus();
    await page.keyboard.press("Tab");
    expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
    expect(await header.getAttribute("aria-sort")).toBe("none");
    const values = async () =>
      (await page.locator('[data-testid="assets"] tbody td:nth-child(2)').allInnerTexts()).map((v) =>
        Number(v.replace(/,/g, "")),
      );
    await page.keyboard.press("Enter");
    expect(await header.getAttribute("aria-sort")).toBe("ascending");
    const up = await values();
    expect(up).toEqual([...up].sort((a, b) => a - b));
    await page.keyboard.press(" ");
    expect(await header.getAttribute("aria-sort")).toBe("descending");
    const down = await values();
    expect(down).toEqual([...up].sort((a, b) => b - a));
    expect(down[0]).toBe(317278.55);
  });

  it("the recession page asks the API in Chinese and shows its verdict, marks, evidence and country in Chinese", async () => {
    const page = await open("#/compare?lang=zh");
    const asked: string[] = [];
    const listen = (r: { url(): string }) => void asked.push(r.url());
    page.on("request", listen);
    try {
      // Years no other test asks for: the page caches answers by address.
      await open("#/recession?country=JP&from=1984&to=2011&lang=zh");
    } finally {
      page.off("request", listen);
    }
    expect(asked.some((u) => /\/api\/recession\/JP\?.*lang=zh/.test(u))).toBe(true);
    const verdict = await page.locator('[data-testid="verdict"]').innerText();
    expect(verdict).toContain("资产负债表衰退");
    const evidence = await page.locator('[data-testid="evidence"]').innerText();
    expect(evidence).toContain("日本");
    expect(evidence).toContain("资产价格崩溃");
    for (const text of [verdict, evidence]) expect(untranslated(text, ids)).toEqual([]);
  });
});
