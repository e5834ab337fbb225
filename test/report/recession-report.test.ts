import { describe, expect, it } from "vitest";

import { figuresOf } from "../../src/report/model.ts";
import { recessionReport } from "../../src/report/recession-report.ts";
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
    expect(figs[1]!.data.rows.find((r) => r[0] === "1990")!.at(-1)).toContain("Nikkei 225, monthly average");
    for (const f of figs) expect(f.svg.startsWith("<svg")).toBe(true);
  });

  it("is deterministic", () => {
    expect(renderHtml(recessionReport("JP", 1985, 2010, { lang: "en" }))).toBe(html);
    expect(renderMarkdown(zh).text).toBe(
      renderMarkdown(recessionReport("JP", 1985, 2010, { lang: "zh" })).text,
    );
  });
});
