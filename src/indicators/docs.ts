import { listIndicators } from "./registry.ts";

/**
 * The indicator reference (docs/indicators.md) as Markdown, generated from the registry so the docs
 * list every id exactly once. Regenerate with `npx tsx -e "..."` or the test that checks it.
 */
export function indicatorsMarkdown(): string {
  const lines = [
    "# Mismatch-risk indicators",
    "",
    "Generated from `src/indicators/registry.ts` (`indicatorsMarkdown()`); do not edit by hand.",
    "Shares are fractions (0.205 = 20.5%); amounts are in the sheet's own unit and scale.",
    "",
    "| id | type | level | name | 名称 | formula | unit | threshold | citation |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  const cell = (s: string) => s.replace(/\|/g, "\\|");
  for (const d of listIndicators())
    lines.push(
      `| \`${d.id}\` | ${d.type} | ${d.level} | ${cell(d.name.en)} | ${cell(d.name.zh)} | \`${cell(d.formula)}\` | ${d.unit} | ${cell(d.threshold.en)} | ${cell(`${d.citation.author} (${d.citation.year}), ${d.citation.where}`)} |`,
    );
  lines.push("", "## Notes", "");
  for (const d of listIndicators()) if (d.note) lines.push(`- \`${d.id}\`: ${d.note.en}`);
  return lines.join("\n") + "\n";
}
