import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { MismatchData } from "../../src/report/mismatch-data.ts";
import { FIGURE1_IDS } from "../../src/report/mismatch-figures.ts";
import { mismatchReport } from "../../src/report/mismatch-report.ts";
import { figuresOf, type Report } from "../../src/report/model.ts";
import { renderHtml } from "../../src/report/render-html.ts";
import { renderMarkdown } from "../../src/report/render-markdown.ts";
import { importFile } from "../../src/ingest/import.ts";
import { bundledStore } from "../helpers/temp-store.ts";
import { launchChromium } from "../helpers/browser.ts";
import { loadMismatchData } from "../../src/report/mismatch-data.ts";

let data: MismatchData;
let en: Report;
let zh: Report;
let htmlEn: string;
let htmlZh: string;
beforeAll(async () => {
  // One bundled store for the whole file: loading it is the slow part.
  const { store, cleanup } = await bundledStore();
  try {
    // SAFE's end-2013 external debt and reserves, for the study's maturity rule (17.7% < 1).
    await importFile(store, "test/fixtures/table2/cn-external-debt-2013.csv", { vintage: "2099-01-01" });
    data = await loadMismatchData(store, "pboc", "2013-12");
  } finally {
    cleanup();
  }
  en = mismatchReport(data, { lang: "en" });
  zh = mismatchReport(data, { lang: "zh" });
  htmlEn = renderHtml(en);
  htmlZh = renderHtml(zh);
});

const YEARS = Array.from({ length: 12 }, (_, i) => `${2002 + i}-12`);

// Peng and Xie (2014), Table 2 and section 3: the PBoC's end-2013 figures, as each language prints them.
describe("PBoC 2013 report reproduces the study's figures (Peng and Xie 2014, Table 2)", () => {
  it.each([
    ["net FX position 26.2 trn yuan", "26.2 trn yuan", "26.2万亿元"],
    ["FX / foreign liabilities 126.5x", "126.5x", "126.5倍"],
    ["FX assets 83.3% of total assets", "83.3%", "83.3%"],
    ["currency issued 20.5%", "20.5%", "20.5%"],
    ["deposits of financial corporations 64.9%", "64.9%", "64.9%"],
    ["government deposits 9.0%", "9.0%", "9.0%"],
    ["other assets 2.4%", "2.4%", "2.4%"],
  ])("%s", (_name, textEn, textZh) => {
    expect(htmlEn).toContain(textEn);
    expect(htmlZh).toContain(textZh);
  });

  it("marks each published figure it reproduces at the printed precision (9 of 9)", () => {
    const table = (r: Report, type: string) =>
      r.sections.find((s) => s.id === type)!.blocks.find((b) => b.kind === "table")!;
    const rows = ["currency", "capital-structure"].flatMap((type) =>
      table(en, type).kind === "table" ? (table(en, type) as { rows: string[][] }).rows : [],
    );
    const study = rows.map((r) => r[3]).filter((c) => c);
    expect(study).toEqual([
      "83.3% ✓",
      "126.5x ✓",
      "26.2 trn yuan ✓",
      "96.1% ✓",
      "20.5% ✓",
      "64.9% ✓",
      "9.0% ✓",
      "2.4% ✓",
      "0.50% ✓",
    ]);
  });

  it("net FX position printed in the sheet's unit and scaled, per language", () => {
    expect(htmlEn).toContain("262,181.77 CNY hundred millions (1e8) = 26.2 trn yuan");
    expect(htmlZh).toContain("262,181.77亿元（26.2万亿元）");
  });

  it("other assets were 8.9% of total assets in 2006 (section 3)", () => {
    const fig = figuresOf(en).find((f) => f.series.some((s) => s.id === "cb.other_assets_share"))!;
    const row = fig.data.rows.find((r) => r[0] === "2006-12")!;
    const col = fig.data.header.indexOf("Other assets / total assets");
    expect(row[col]).toBe("8.9%");
  });

  it("Table 2 verdicts, in English and Chinese, agree with the study", () => {
    for (const text of [
      "severe creditor-type currency mismatch",
      "maturity mismatch not considered",
      "capital-structure mismatch present",
    ])
      expect(htmlEn).toContain(text);
    for (const text of ["严重的债权型货币错配", "期限错配：不予考虑", "存在资本结构错配"])
      expect(htmlZh).toContain(text);
    const verdicts = en.sections[0]!.blocks.find((b) => b.kind === "table" && b.id === "verdicts");
    expect(verdicts?.kind === "table" && verdicts.rows.map((r) => r[4])).toEqual(["✓", "✓", "✓"]);
  });

  it("has the study's structure: three mismatch types, comparison, reasoning, sources", () => {
    expect(en.sections.map((s) => s.id)).toEqual([
      "summary",
      "currency",
      "maturity",
      "capital-structure",
      "comparison",
      "reasoning",
      "sources",
    ]);
    expect(zh.sections.map((s) => s.title)).toEqual([
      "概要",
      "货币错配",
      "期限错配",
      "资本结构错配",
      "与其他中央银行的比较",
      "判断与理由",
      "来源与定义",
    ]);
    // The other three central banks sit beside the PBoC, with the study's figures where data lack.
    expect(htmlEn).toContain("Federal Reserve System (2013-12-25)");
    expect(htmlEn).toContain("41.9% (banknotes)");
  });
});

describe("Figure 1: liability shares 2002-2013", () => {
  it("is an SVG with the study's 4 series over 2002-12 .. 2013-12", () => {
    for (const r of [en, zh]) {
      const fig = figuresOf(r).find((f) => f.id === "figure1")!;
      expect(fig.series.map((s) => s.id)).toEqual(FIGURE1_IDS);
      expect(fig.periods).toEqual(YEARS);
      expect(fig.svg.startsWith("<svg")).toBe(true);
      for (const s of fig.series) {
        expect(fig.svg).toContain(s.name.replace(/&/g, "&amp;"));
        expect(s.values.every((v) => v !== null)).toBe(true);
      }
      expect(fig.svg).toContain(">2002-12<");
      expect(fig.svg).toContain(">2013-12<");
    }
    const fig = figuresOf(en).find((f) => f.id === "figure1")!;
    const last = fig.data.rows.at(-1)!;
    expect(last.slice(0, 5)).toEqual(["2013-12", "20.5%", "64.9%", "2.4%", "9.0%"]);
    expect(
      zh.sections
        .find((s) => s.id === "capital-structure")!
        .blocks.some((b) => b.kind === "figure" && b.caption.includes("即原文图1")),
    ).toBe(true);
  });
});

describe("every number traces to its source line", () => {
  it("indicator inputs name the workbook and row", () => {
    expect(htmlEn).toContain(
      "currency_issue @ data/pboc-monetary-authority/raw_xls/monetary_authority_bs_2013.xls:20",
    );
    expect(htmlEn).toContain(
      "foreign_exchange @ data/pboc-monetary-authority/raw_xls/monetary_authority_bs_2013.xls:9",
    );
  });

  it("each point of Figure 1 names its year's workbook rows", () => {
    const fig = figuresOf(en).find((f) => f.id === "figure1")!;
    expect(fig.data.rows.at(-1)!.at(-1)).toBe("monetary_authority_bs_2013.xls rows 20, 21, 23, 25, 28");
    expect(fig.data.rows[0]!.at(-1)).toMatch(/^monetary_authority_bs_2002\.xls rows /);
  });

  it("the appendix lists every line used with its value and row", () => {
    expect(htmlEn).toMatch(
      /<td>total_liabilities<\/td><td>Total liabilities<\/td><td class="num">317,278\.55<\/td><td>data\/pboc-monetary-authority\/raw_xls\/monetary_authority_bs_2013\.xls:28<\/td>/,
    );
  });
});

describe("determinism", () => {
  it("same input gives byte-identical HTML and Markdown, with no timestamp", () => {
    expect(renderHtml(mismatchReport(data, { lang: "en" }))).toBe(htmlEn);
    expect(renderHtml(mismatchReport(data, { lang: "zh" }))).toBe(htmlZh);
    const a = renderMarkdown(en, { images: "files", stem: "r" });
    const b = renderMarkdown(mismatchReport(data, { lang: "en" }), { images: "files", stem: "r" });
    expect(a).toEqual(b);
    expect(htmlEn).not.toMatch(/\bzr\d+-/);
    expect(htmlEn).not.toMatch(/20(2[4-9]|3\d)-\d\d-\d\dT/);
  });

  it("prints a timestamp only when one is passed", () => {
    const html = renderHtml(mismatchReport(data, { lang: "en", generatedAt: "2024-01-02" }));
    expect(html).toContain("Generated: 2024-01-02");
    expect(htmlEn).not.toContain("Generated:");
  });

  it("Markdown links one SVG file per figure, or inlines them as data URIs", () => {
    const files = renderMarkdown(en, { images: "files", stem: "r" });
    expect(files.files.map((f) => f.name)).toContain("r-figure1.svg");
    expect(files.text).toContain("](r-figure1.svg)");
    const inline = renderMarkdown(zh);
    expect(inline.files).toEqual([]);
    expect(inline.text).toContain("](data:image/svg+xml;base64,");
    expect(inline.text).toContain("| 2013-12 | 20.5% | 64.9% | 2.4% | 9.0% |");
  });
});

// The HTML files as a reader opens them: file://, offline, in chromium.
const ARTIFACTS = join(import.meta.dirname, "..", "artifacts");

let browser: Browser;
const files: Record<string, string> = {};
beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const lang of ["en", "zh"] as const) {
    const path = join(ARTIFACTS, `report-pboc-2013-12-${lang}.html`);
    writeFileSync(path, lang === "en" ? htmlEn : htmlZh);
    files[lang] = path;
  }
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe("PBoC 2013 HTML report in chromium via file://", () => {
  it.each(["en", "zh"] as const)(
    "%s: renders its SVG charts offline, with no network request",
    async (lang) => {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const requests: string[] = [];
      const errors: string[] = [];
      page.on("request", (r) => requests.push(r.url()));
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(pathToFileURL(files[lang]!).href, { waitUntil: "load" });
      expect(errors).toEqual([]);
      expect(requests.filter((u) => /^https?:/.test(u))).toEqual([]);
      expect(requests.every((u) => u.startsWith("file:"))).toBe(true);
      const fig1 = page.locator("#fig-figure1 svg");
      expect(await fig1.count()).toBe(1);
      const box = await fig1.boundingBox();
      expect(box!.width).toBeGreaterThan(300);
      expect(box!.height).toBeGreaterThan(100);
      // 4 lines in Figure 1, drawn with the web app's palette.
      const strokes = await page
        .locator("#fig-figure1 svg path[stroke-width='2']")
        .evaluateAll((els) => els.map((e) => e.getAttribute("stroke")));
      expect(new Set(strokes).size).toBe(4);
      expect(await page.locator("figure svg").count()).toBeGreaterThanOrEqual(5);
      expect(await page.locator("h1").innerText()).toContain(
        lang === "zh" ? "中国人民银行" : "People's Bank of China",
      );
      await page.screenshot({ path: join(ARTIFACTS, `report-pboc-2013-12-${lang}.png`), fullPage: true });
      await page.close();
    },
  );
});
