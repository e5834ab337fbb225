import { t } from "./i18n.ts";
import type { Block, Report, Section, TableBlock } from "./model.ts";

/** A file written beside the Markdown (an SVG chart). */
export interface AssetFile {
  name: string;
  content: string;
}

/** The Markdown text and the chart files it links to (empty when charts are inlined). */
export interface MarkdownOutput {
  text: string;
  files: AssetFile[];
}

/**
 * How charts go into Markdown: `files` writes each SVG beside the Markdown (`<stem>-<figure>.svg`)
 * and links it; `inline` embeds it as a `data:image/svg+xml;base64` URI so one text stream holds
 * everything (what the CLI does when it prints to stdout).
 */
export interface MarkdownOptions {
  images?: "files" | "inline";
  /** File name stem for `files` (default `report`). */
  stem?: string;
}

const cell = (text: string) => text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\n/g, " ");

function table(b: TableBlock): string {
  const align = b.header.map((_, i) => (b.align?.[i] === "right" ? "---:" : "---"));
  const lines = [
    ...(b.caption ? [`**${cell(b.caption)}**`, ""] : []),
    `| ${b.header.map(cell).join(" | ")} |`,
    `| ${align.join(" | ")} |`,
    ...b.rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
    ...(b.notes ?? []).map((n) => `\n_${n}_`),
  ];
  return lines.join("\n");
}

/**
 * Writes a report as Markdown (GitHub-flavoured tables). Charts are SVG files beside it or data URIs
 * (see MarkdownOptions); each chart is followed by its data table with source rows.
 * @example const { text, files } = renderMarkdown(report, { images: "files", stem: "report-pboc-2013-12-en" })
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): MarkdownOutput {
  const images = options.images ?? "inline";
  const stem = options.stem ?? "report";
  const files: AssetFile[] = [];
  const block = (b: Block): string => {
    switch (b.kind) {
      case "paragraph":
        return b.tone === "verdict"
          ? `**${b.text}**`
          : b.tone === "note"
            ? `_${b.text}_`
            : b.tone === "warning"
              ? `> ${b.text}`
              : b.text;
      case "list":
        return b.items.map((i) => `- ${i}`).join("\n");
      case "table":
        return table(b);
      case "figure": {
        let src: string;
        if (images === "files") {
          const name = `${stem}-${b.id}.svg`;
          files.push({ name, content: b.svg });
          src = name;
        } else src = `data:image/svg+xml;base64,${Buffer.from(b.svg, "utf8").toString("base64")}`;
        return `![${cell(b.caption)}](${src})\n\n*${b.caption}*\n\n${table(b.data)}`;
      }
    }
  };
  const section = (s: Section, level: number): string =>
    [
      `${"#".repeat(Math.min(level, 6))} ${s.title}`,
      ...s.blocks.map(block),
      ...(s.subsections ?? []).map((sub) => section(sub, level + 1)),
    ].join("\n\n");
  const parts = [
    `# ${report.title}`,
    table({ kind: "table", header: ["", ""], rows: report.meta.map(([k, v]) => [k, v]) }),
    ...report.sections.map((s) => section(s, 2)),
    ...(report.generatedAt ? [`_${t("generatedAt", report.lang)}: ${report.generatedAt}_`] : []),
  ];
  return { text: parts.join("\n\n") + "\n", files };
}
