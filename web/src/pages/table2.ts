import { getJson } from "../api.ts";
import { errorBox, h } from "../dom.ts";
import { msg } from "../../../src/i18n/catalogue.ts";
import { t } from "../i18n.ts";
import { formatIndicator } from "../indicator-format.ts";
import type { Lang } from "../state.ts";
import { sortableTable } from "../table.ts";
import type { CompareAnswer, TextFigureAnswer } from "../types.ts";

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
    textFiguresPanel(data.textFigures ?? [], lang),
  );
}

const STATUS_KEY = {
  match: "compare.tf.match",
  differs: "compare.tf.differs",
  "not computable": "compare.tf.notComputable",
} as const;

// A text figure in its unit: 10.84x, 17.71%, +46.95 pp.
function figureValue(f: TextFigureAnswer): string {
  if (f.value === null) return "–";
  if (f.unit === "times") return `${f.value.toFixed(2)}x`;
  if (f.unit === "percent") return `${f.value.toFixed(2)}%`;
  return `${f.value >= 0 ? "+" : ""}${f.value.toFixed(2)} pp`;
}

/**
 * The study's text figures beside bslab's (growth of the PBoC's net foreign-currency position,
 * China's short-term external debt), with the status, the inputs and their sources.
 */
function textFiguresPanel(figures: readonly TextFigureAnswer[], lang: Lang): HTMLElement {
  const head = h("h3", {}, t("compare.textFigures", lang));
  if (figures.length === 0)
    return h(
      "section",
      { class: "panel", "data-testid": "text-figures" },
      head,
      h("p", { class: "empty" }, t("compare.tf.none", lang)),
    );
  const th = (key: Parameters<typeof t>[0]) => h("th", { scope: "col" }, t(key, lang));
  const rows = figures.map((f) => {
    const note = [
      f.note[lang],
      f.missing ? msg(lang, "web.compare.tf.missing", f.missing.input[lang], f.missing.howTo[lang]) : "",
      ...f.inputs.map((i) => `${i.label[lang]} ${i.value.toLocaleString("en-US")} (${i.source})`),
    ].filter(Boolean);
    return h(
      "tr",
      { "data-id": f.id, "data-status": f.status },
      h("th", { scope: "row" }, f.label[lang]),
      h("td", {}, f.study.printedText[lang]),
      h("td", { class: "num" }, figureValue(f)),
      h(
        "td",
        { class: f.status === "match" ? "match" : "nomatch" },
        `${t(STATUS_KEY[f.status], lang)}${f.status === "match" ? " ✓" : ""}`,
      ),
      h("td", { class: "reasons" }, note.join(lang === "zh" ? "；" : "; ")),
    );
  });
  return h(
    "section",
    { class: "panel", "data-testid": "text-figures" },
    head,
    h(
      "div",
      { class: "table-wrap" },
      h(
        "table",
        { class: "table2" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            th("compare.tf.figure"),
            th("compare.tf.study"),
            th("compare.tf.bslab"),
            th("compare.tf.status"),
            th("compare.tf.note"),
          ),
        ),
        h("tbody", {}, ...rows),
      ),
    ),
  );
}
