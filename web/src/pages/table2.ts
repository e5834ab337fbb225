import { getJson } from "../api.ts";
import { errorBox, h } from "../dom.ts";
import { t } from "../i18n.ts";
import { formatIndicator } from "../indicator-format.ts";
import type { Lang } from "../state.ts";
import { sortableTable } from "../table.ts";
import type { CompareAnswer } from "../types.ts";

const TYPES: Record<string, { en: string; zh: string }> = {
  currency: { en: "Currency", zh: "货币错配" },
  maturity: { en: "Maturity", zh: "期限错配" },
  "capital-structure": { en: "Capital structure", zh: "资本结构错配" },
};

const LEVEL_ZH: Readonly<Record<string, string>> = {
  severe: "严重",
  present: "存在",
  absent: "不存在",
  none: "无",
  "not considered": "不考虑",
  "not computable": "无法计算",
};

/**
 * The study's Table 2: per central bank, the verdict for each mismatch type with its reasons and the
 * study's own verdict, then the indicators behind them beside the study's printed figures.
 */
export async function table2Panel(entities: string[], date: string, lang: Lang): Promise<HTMLElement> {
  let data: CompareAnswer;
  try {
    data = await getJson<CompareAnswer>(
      `/api/compare?entities=${entities.join(",")}&date=${encodeURIComponent(date)}`,
    );
  } catch (error) {
    return h(
      "section",
      { class: "panel", "data-testid": "table2" },
      h("h3", {}, t("compare.table2")),
      errorBox(error),
    );
  }
  const cols = data.entities;
  const verdictRows = Object.keys(TYPES).map((type) => ({
    type,
    cells: cols.map((c) => c.verdicts.find((v) => v.type === type)),
  }));
  const verdicts = h(
    "table",
    { class: "table2" },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", {}, lang === "zh" ? "错配类型" : "Mismatch"),
        ...cols.map((c) => h("th", {}, `${c.entity.toUpperCase()} ${c.date}`)),
      ),
    ),
    h(
      "tbody",
      {},
      ...verdictRows.map((r) =>
        h(
          "tr",
          { "data-type": r.type },
          h("th", { scope: "row" }, TYPES[r.type]![lang]),
          ...r.cells.map((v) =>
            v
              ? h(
                  "td",
                  { class: `verdict-${v.level.replace(/ /g, "-")}` },
                  h("b", {}, v.text[lang]),
                  h("div", { class: "reasons" }, v.reasons.map((x) => x[lang]).join("; ")),
                  v.study
                    ? h(
                        "div",
                        { class: "study" },
                        lang === "zh"
                          ? `研究：${LEVEL_ZH[v.study.level] ?? v.study.level}${v.study.direction ? `（${v.study.direction === "creditor" ? "债权型" : "债务型"}）` : ""}`
                          : `study: ${v.study.level}${v.study.direction ? ` (${v.study.direction})` : ""}`,
                      )
                    : null,
                )
              : h("td", {}, "–"),
          ),
        ),
      ),
      h(
        "tr",
        { class: "conclusion" },
        h("th", { scope: "row" }, lang === "zh" ? "结论" : "Conclusion"),
        ...cols.map((c) => h("td", {}, c.conclusion[lang])),
      ),
    ),
  );
  const ids = cols[0]?.indicators.map((i) => i.id) ?? [];
  const rows = ids.map((id) => ({ id, cells: cols.map((c) => c.indicators.find((i) => i.id === id)) }));
  const indicatorTable = sortableTable(
    `${lang === "zh" ? "央行指标" : "Central-bank indicators"} ${date}`,
    [
      {
        key: "indicator",
        label: lang === "zh" ? "指标" : "Indicator",
        value: (r) => r.cells.find(Boolean)?.name[lang] ?? r.id,
      },
      ...cols.map((c, j) => ({
        key: c.entity,
        label: c.entity.toUpperCase(),
        numeric: true,
        value: (r: (typeof rows)[number]) => r.cells[j]?.value ?? null,
        render: (r: (typeof rows)[number]) => {
          const x = r.cells[j];
          if (!x) return "–";
          const text = formatIndicator(x.value, x.unit, x.unitLabel, lang);
          return h(
            "span",
            { title: x.note || undefined, "data-id": x.id },
            text,
            x.study
              ? h(
                  "small",
                  { class: x.match ? "match" : "nomatch" },
                  lang === "zh"
                    ? `（研究 ${x.study.printedText?.zh ?? x.study.printed}${x.match ? " ✓" : ""}）`
                    : ` (study ${x.study.printed}${x.match ? " ✓" : ""})`,
                )
              : null,
          );
        },
      })),
    ],
    rows,
    { testId: "cb-indicators" },
  );
  return h(
    "div",
    {},
    h(
      "section",
      { class: "panel", "data-testid": "table2" },
      h("h3", {}, `${t("compare.table2")} ${date}`),
      h("div", { class: "table-wrap" }, verdicts),
    ),
    indicatorTable,
  );
}
