import { readFileSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { importText } from "../../src/ingest/import.ts";
import { dataDir } from "../../src/io/sources/common.ts";
import { figuresOf } from "../../src/report/model.ts";
import { recessionReport, recessionReportFromStore } from "../../src/report/recession-report.ts";
import { bundledStore } from "../helpers/temp-store.ts";
import { renderHtml } from "../../src/report/render-html.ts";
import { renderMarkdown } from "../../src/report/render-markdown.ts";

// Koo's Japan: the seed note dates the balance-sheet recession from the 1990 bust (Japan 1990-2005).
describe("recession report: Japan 1985-2010", () => {
  const en = recessionReport("JP", 1985, 2010, { lang: "en" });
  const zh = recessionReport("JP", 1985, 2010, { lang: "zh" });
  const html = renderHtml(en);

  it("states the verdict: a balance-sheet recession from 1990", () => {
    expect(en.title).toBe("Balance-sheet recession monitor: Japan (JP), 1985–2010");
    expect(html).toContain("balance-sheet recession from 1990");
    expect(html).toContain("credit-to-GDP gap peak");
    expect(zh.sections.map((s) => s.title)).toEqual([
      "概要",
      "危机阶段",
      "四个标志",
      "时间序列",
      "逐年阶段",
      "参数",
    ]);
  });

  it("the four marks table runs 1985-2010 with stages per language", () => {
    const marks = en.sections.find((s) => s.id === "marks")!.blocks.find((b) => b.kind === "table")!;
    if (marks.kind !== "table") throw new Error("no table");
    expect(marks.rows.map((r) => r[0])).toEqual(Array.from({ length: 26 }, (_, i) => String(1985 + i)));
    expect(marks.rows.find((r) => r[0] === "1990")!.slice(1, 3)).toEqual(["bust", "✓"]);
    const zhMarks = zh.sections.find((s) => s.id === "marks")!.blocks[1]!;
    expect(zhMarks.kind === "table" && zhMarks.rows.find((r) => r[0] === "1990")![1]).toBe("泡沫破裂");
  });

  it("charts the credit gap and annual inputs as SVG, each point with its source", () => {
    const figs = figuresOf(en);
    expect(figs.map((f) => f.id)).toEqual(["credit-gap", "prices", "balances"]);
    const gap = figs[0]!;
    expect(gap.periods[0]).toBe("1985-Q1");
    expect(gap.periods.at(-1)).toBe("2010-Q4");
    const row = gap.data.rows.find((r) => r[0] === "1990-Q4")!;
    expect(row.at(-1)).toMatch(/^data\/bis-credit-property-cpi\/WS_CREDIT_GAP_csv_col\.csv:2:1990-Q4/);
    expect(gap.caption).toMatch(/^Figure 1\. Japan, /);
    expect(gap.caption).toContain(
      "; credit/GDP: BIS/WS_CREDIT_GAP/Q.JP.P.A.A, vintage 2026 (last quarter 2025-Q4), dataset bis-ws-credit-gap, " +
        "file data/bis-credit-property-cpi/WS_CREDIT_GAP_csv_col.csv, row 2; BIS published gap: BIS/WS_CREDIT_GAP/Q.JP.P.A.C, row 47",
    );
    expect(en.meta.find((m) => m[0] === "Data")![1]).toContain(
      "BIS (credit-to-GDP ratio: vintage 2026 (last quarter 2025-Q4), dataset bis-ws-credit-gap)",
    );
    expect(figs[1]!.data.rows.find((r) => r[0] === "1990")!.at(-1)).toContain("Nikkei 225, monthly average");
    for (const f of figs) expect(f.svg.startsWith("<svg")).toBe(true);
  });

  it("renders the evidence, verdict and country in Chinese in the zh report", () => {
    expect(zh.title).toBe("资产负债表衰退监测：日本（JP），1985–2010");
    const summary = zh.sections.find((s) => s.id === "summary")!.blocks;
    const texts = summary.map((b) => (b.kind === "paragraph" ? b.text : ""));
    expect(texts[0]).toMatch(/^判断：1990年起为资产负债表衰退（至2005年结束，共16年）/);
    expect(texts[1]).toBe("繁荣期标志：信贷/GDP缺口峰值21.2个百分点（1989年）");
    // The caveat "evidence stays in English" is gone.
    expect(texts.join("")).not.toMatch(/英文/);
    const timeline = zh.sections.find((s) => s.id === "timeline")!.blocks[0]!;
    if (timeline.kind !== "table") throw new Error("no table");
    const y1990 = timeline.rows.find((r) => r[0] === "1990")!.at(-1)!;
    expect(y1990).toContain("资产价格崩溃：股价较5年高点-38.5%（日经225，月均值；阈值-30%）");
    expect(timeline.rows.find((r) => r[0] === "1989")!.at(-1)).toContain(
      "信贷缺口21.2个百分点（BIS信贷/GDP比率，单边HP滤波（lambda 400,000），第四季度）",
    );
    // No English sentence is left in the zh evidence (dataset and variable names aside).
    for (const r of timeline.rows)
      expect(r.at(-1)).not.toMatch(/from 5-year high|y\/y|pp over|of GDP|threshold/);
    // The en timeline keeps the engine's English sentences.
    const enTimeline = en.sections.find((s) => s.id === "timeline")!.blocks[0]!;
    expect(enTimeline.kind === "table" && enTimeline.rows.find((r) => r[0] === "1990")!.at(-1)).toContain(
      "asset-price collapse: equity -38.5% from 5-year high (Nikkei 225, monthly average; threshold -30%)",
    );
  });

  it("is deterministic", () => {
    expect(renderHtml(recessionReport("JP", 1985, 2010, { lang: "en" }))).toBe(html);
    expect(renderMarkdown(zh).text).toBe(
      renderMarkdown(recessionReport("JP", 1985, 2010, { lang: "zh" })).text,
    );
  });
});

describe("recession report from a store", () => {
  it("is the same report as from the files with the bundled data", async () => {
    const { store, cleanup } = await bundledStore();
    try {
      const fromStore = await recessionReportFromStore(store, "JP", 1985, 2010, { lang: "zh" });
      expect(renderMarkdown(fromStore).text).toBe(
        renderMarkdown(recessionReport("JP", 1985, 2010, { lang: "zh" })).text,
      );
    } finally {
      cleanup();
    }
  });
});

// The bundled WS_CREDIT_GAP file with Japan's credit-to-GDP ratio scaled by 1.2, imported as a
// newer vintage (as in test/recession/store-source.test.ts).
function modifiedJapanRatio(): string {
  const text = readFileSync(join(dataDir(), "bis-credit-property-cpi", "WS_CREDIT_GAP_csv_col.csv"), "utf8");
  const [header, ...rows] = text.split("\n");
  const cells = rows.find((l) => l.includes(",Q:JP:P:A:A,"))!.split(",");
  const key = cells.indexOf("Q:JP:P:A:A");
  return `${header}\n${cells.map((c, i) => (i > key && c !== "" ? String(Number(c) * 1.2) : c)).join(",")}\n`;
}

describe("recession report from a store with a newer BIS import", () => {
  it("cites the imported vintage and file in the credit-gap figure, not the bundled file's rows", async () => {
    const { store, cleanup } = await bundledStore();
    try {
      await importText(store, modifiedJapanRatio(), "WS_CREDIT_GAP_csv_col.csv", {
        mapping: "bis-csv-col",
        vintage: "2027-01-01",
      });
      for (const lang of ["en", "zh"] as const) {
        const report = await recessionReportFromStore(store, "JP", 1985, 2010, { lang });
        const gap = figuresOf(report).find((f) => f.id === "credit-gap")!;
        const imported =
          lang === "en"
            ? "BIS/WS_CREDIT_GAP/Q.JP.P.A.A, vintage 2027-01-01, dataset import:WS_CREDIT_GAP_csv_col.csv, file WS_CREDIT_GAP_csv_col.csv;"
            : "BIS/WS_CREDIT_GAP/Q.JP.P.A.A，版本2027-01-01，数据集import:WS_CREDIT_GAP_csv_col.csv，文件WS_CREDIT_GAP_csv_col.csv；";
        expect(gap.caption).toContain(imported);
        expect(gap.caption).not.toContain(
          "vintage 2026 (last quarter 2025-Q4), dataset bis-ws-credit-gap, file data/bis-credit-property-cpi/WS_CREDIT_GAP_csv_col.csv, row 2",
        );
        // Each point: the ratio from the import (no rows kept), the published gap from the bundled file.
        const source = gap.data.rows.find((r) => r[0] === "1990-Q4")!.at(-1);
        expect(source).toBe(
          "WS_CREDIT_GAP_csv_col.csv (import:WS_CREDIT_GAP_csv_col.csv, vintage 2027-01-01): BIS/WS_CREDIT_GAP/Q.JP.P.A.A 1990-Q4; " +
            "data/bis-credit-property-cpi/WS_CREDIT_GAP_csv_col.csv:47:1990-Q4",
        );
        expect(report.meta.find((m) => m[1].startsWith("JST R6"))![1]).toContain(
          lang === "en"
            ? "BIS (credit-to-GDP ratio: vintage 2027-01-01, dataset import:WS_CREDIT_GAP_csv_col.csv)"
            : "BIS（信贷/GDP比率：版本2027-01-01，数据集import:WS_CREDIT_GAP_csv_col.csv）",
        );
      }
    } finally {
      cleanup();
    }
  });
});
