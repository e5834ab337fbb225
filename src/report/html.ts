/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/**
 * A plain table: header row and body rows, cells already formatted as text (escaped here).
 * `align` right-aligns numeric columns.
 * @example htmlTable(["id", "value"], [["cb.fx_assets_share", "83.3%"]], "data", ["left", "right"])
 */
export function htmlTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  className = "data",
  align: readonly ("left" | "right")[] = [],
): string {
  const cls = (i: number) => (align[i] === "right" ? ' class="num"' : "");
  const head = header.map((h, i) => `<th${cls(i)}>${escapeHtml(h)}</th>`).join("");
  const body = rows
    .map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${escapeHtml(c)}</td>`).join("")}</tr>`)
    .join("\n");
  return `<table class="${className}"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const STYLE = `
body{font-family:system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:1040px;margin:2em auto;padding:0 1em;color:#222;line-height:1.5}
h1{font-size:1.6em}h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:2em}h3{margin-top:1.5em}
table{border-collapse:collapse;margin:1em 0;font-size:.85em}th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}th{background:#f4f4f4}
table.meta th{width:12em}caption{caption-side:top;text-align:left;font-weight:600;padding:.3em 0}
td{overflow-wrap:anywhere}
.verdict{font-weight:600;background:#fff6e0;border-left:4px solid #b07a10;padding:.4em .7em}
.warning{background:#fdecea;border-left:4px solid #d1495b;padding:.4em .7em}
.note{color:#666;font-size:.85em}figure{margin:1.5em 0}figcaption{font-size:.9em;color:#444;margin:.3em 0}
figure svg{max-width:100%;height:auto;display:block}details{font-size:.9em}summary{cursor:pointer;color:#2f6fb0}
nav ol{columns:2;font-size:.9em}
@media print{details{display:block}nav{display:none}}
`;

/**
 * A self-contained HTML document: inline style, inline SVG charts, no scripts or network
 * resources, so it opens offline in any browser.
 */
export function htmlDocument(title: string, lang: "en" | "zh", body: string): string {
  return `<!doctype html>
<html lang="${lang === "zh" ? "zh-CN" : "en"}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
${body}
</body>
</html>
`;
}
