import { escapeHtml, htmlDocument, htmlTable } from "./html.ts";
import { t } from "./i18n.ts";
import type { Block, Lang, Report, Section, TableBlock } from "./model.ts";

function table(b: TableBlock): string {
  const html = htmlTable(b.header, b.rows, "data", b.align ?? []);
  const withCaption = b.caption
    ? html.replace('<table class="data">', `<table class="data"><caption>${escapeHtml(b.caption)}</caption>`)
    : html;
  const notes = (b.notes ?? []).map((n) => `<p class="note">${escapeHtml(n)}</p>`).join("\n");
  return (b.id ? withCaption.replace("<table ", `<table id="${escapeHtml(b.id)}" `) : withCaption) + notes;
}

function block(b: Block, lang: Lang): string {
  switch (b.kind) {
    case "paragraph":
      return `<p${b.tone ? ` class="${b.tone}"` : ""}>${escapeHtml(b.text)}</p>`;
    case "list":
      return `<ul>\n${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join("\n")}\n</ul>`;
    case "table":
      return table(b);
    case "figure":
      return `<figure id="fig-${escapeHtml(b.id)}" data-series="${b.series.length}" data-periods="${escapeHtml(b.periods.join(","))}">
<figcaption>${escapeHtml(b.caption)}</figcaption>
${b.svg}
<details><summary>${lang === "zh" ? "数据与来源" : "Data and sources"}</summary>
${table(b.data)}
</details>
</figure>`;
  }
}

function section(s: Section, level: number, lang: Lang): string {
  const h = `h${Math.min(level, 6)}`;
  return [
    `<section id="${escapeHtml(s.id)}">`,
    `<${h}>${escapeHtml(s.title)}</${h}>`,
    ...s.blocks.map((b) => block(b, lang)),
    ...(s.subsections ?? []).map((sub) => section(sub, level + 1, lang)),
    `</section>`,
  ].join("\n");
}

/**
 * Writes a report as one self-contained HTML file: inline CSS and SVG, no script, no external
 * resource, so it opens offline. Deterministic: the same report gives the same bytes.
 * @example writeFileSync("r.html", renderHtml(mismatchReport(data, { lang: "zh" })))
 */
export function renderHtml(report: Report): string {
  const lang = report.lang;
  const meta = `<table class="meta">${report.meta
    .map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
    .join("")}</table>`;
  const toc = `<nav><ol>${report.sections
    .map((s) => `<li><a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a></li>`)
    .join("")}</ol></nav>`;
  const footer = report.generatedAt
    ? `<p class="note">${escapeHtml(t("generatedAt", lang))}: ${escapeHtml(report.generatedAt)}</p>`
    : "";
  const body = [
    `<h1>${escapeHtml(report.title)}</h1>`,
    meta,
    toc,
    ...report.sections.map((s) => section(s, 2, lang)),
    footer,
  ]
    .filter(Boolean)
    .join("\n");
  return htmlDocument(report.title, lang, body);
}
