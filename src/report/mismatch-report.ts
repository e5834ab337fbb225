import type { Verdict } from "../indicators/assess.ts";
import { ASSESSMENT_RULES, verdictText } from "../indicators/assess.ts";
import { formatSource, type IndicatorResult, type InputLine } from "../indicators/compute.ts";
import { citationText } from "../indicators/citation.ts";
import { getIndicator } from "../indicators/registry.ts";
import { STUDY_VERDICTS } from "../indicators/study.ts";
import type { MismatchType } from "../indicators/types.ts";
import { unitLabel } from "../model/units.ts";
import type { Store } from "../store/store.ts";
import { msg } from "../i18n/catalogue.ts";
import { grouped, periodLabel } from "./format.ts";
import { MISMATCH_TEXT, REMEDIES, t, type Text } from "./i18n.ts";
import { buildFigure, figureSpecs, findings, type FigureSpec } from "./mismatch-figures.ts";
import { loadMismatchData, type MismatchData } from "./mismatch-data.ts";
import type { Block, FigureBlock, Lang, Report, Section, TableBlock } from "./model.ts";
import { compactSources } from "./sources.ts";
import { fullValue, shortValue, studyCell, studyFigure } from "./values.ts";

const TYPES: MismatchType[] = ["currency", "maturity", "capital-structure"];

/** Indicators compared across the four central banks (the figures of the study's Table 2). */
const COMPARED = [
  "cb.fx_assets_share",
  "cb.net_fx_position",
  "cb.fx_to_foreign_liabilities",
  "cb.fc_assets_to_fc_liabilities",
  "cb.long_term_securities_share",
  "cb.longer_term_refinancing_share",
  "cb.main_refinancing_share",
  "cb.currency_issued_share",
  "cb.financial_deposits_share",
];

/** Options of a report: the language and, only when the caller wants one, a timestamp. */
export interface ReportOptions {
  lang?: Lang;
  /** Printed as-is at the end of the report; absent by default so reports are reproducible. */
  generatedAt?: string;
}

const colon = (lang: Lang) => (lang === "zh" ? "：" : ": ");
const join = (lang: Lang, parts: readonly string[]) => parts.join(lang === "zh" ? "；" : "; ");

function inputsCell(r: IndicatorResult, lang: Lang): string {
  const terms = r.inputs.map((i) => {
    const v = i.value === null ? "–" : grouped(i.value);
    const src = i.lines.map((l) => `${l.item} @ ${l.source}`).join(" + ");
    return `${i.term} = ${v}${src ? ` [${src}]` : ""}`;
  });
  const note = r.note ? `${t("noteLabel", lang)}${colon(lang)}${r.noteText[lang]}` : "";
  return [...terms, note].filter(Boolean).join("; ");
}

function indicatorTable(data: MismatchData, type: MismatchType, lang: Lang): TableBlock {
  const unit = data.input.sheet?.unit ?? data.input.unit;
  const results = data.results.filter((r) => getIndicator(r.id).type === type);
  return {
    kind: "table",
    id: `indicators-${type}`,
    header: [
      t("indicator", lang),
      t("value", lang),
      t("reading", lang),
      t("study", lang),
      t("sources", lang),
    ],
    rows: results.map((r) => [
      getIndicator(r.id).name[lang],
      fullValue(r, lang, unit),
      r.reading?.text[lang] ?? "",
      studyCell(r, lang, unit),
      inputsCell(r, lang),
    ]),
    align: ["left", "right", "left", "right", "left"],
  };
}

function studyVerdictText(entity: string, type: MismatchType, date: string, lang: Lang): string {
  const s = date.startsWith("2013") ? STUDY_VERDICTS[entity]?.[type] : undefined;
  if (!s) return "";
  const v: Verdict = {
    type,
    level: s.level,
    ...(s.direction ? { direction: s.direction } : {}),
    reasons: [],
    evidence: [],
  };
  return verdictText(v, lang);
}

function agrees(entity: string, v: Verdict, date: string, lang: Lang): string {
  const s = date.startsWith("2013") ? STUDY_VERDICTS[entity]?.[v.type] : undefined;
  if (!s) return "";
  const same = s.level === v.level && (s.direction ?? null) === (v.direction ?? null);
  return same ? "✓" : t("disagrees", lang);
}

function verdictTable(data: MismatchData, lang: Lang): TableBlock {
  const study = data.centralBank && data.input.date.startsWith("2013");
  return {
    kind: "table",
    id: "verdicts",
    caption: t("verdictsTable", lang),
    header: [
      t("mismatchType", lang),
      t("verdict", lang),
      t("reasons", lang),
      ...(study ? [t("studyVerdict", lang), t("agrees", lang)] : []),
    ],
    rows: data.assessment.verdicts.map((v) => [
      MISMATCH_TEXT[v.type].title[lang],
      verdictText(v, lang),
      join(
        lang,
        v.reasons.map((x) => x[lang]),
      ),
      ...(study
        ? [
            studyVerdictText(data.entity, v.type, data.input.date, lang),
            agrees(data.entity, v, data.input.date, lang),
          ]
        : []),
    ]),
  };
}

function typeSection(data: MismatchData, type: MismatchType, lang: Lang, figNo: { n: number }): Section {
  const text = MISMATCH_TEXT[type];
  const blocks: Block[] = [{ kind: "paragraph", text: text.intro[lang] }, indicatorTable(data, type, lang)];
  const v = data.centralBank ? data.assessment.verdicts.find((x) => x.type === type) : undefined;
  if (v)
    blocks.push({
      kind: "paragraph",
      tone: "verdict",
      text: `${t("verdict", lang)}${colon(lang)}${verdictText(v, lang)}${lang === "zh" ? "。" : ". "}${join(
        lang,
        v.reasons.map((x) => x[lang]),
      )}`,
    });
  const specs = figureSpecs(data, type);
  if (specs.length === 0)
    blocks.push({ kind: "paragraph", tone: "note", text: data.seriesError?.[lang] ?? t("noSeries", lang) });
  for (const spec of specs) blocks.push(buildFigure(spec, data, lang, ++figNo.n));
  const reval = type === "currency" ? revaluationSection(data, lang) : undefined;
  return { id: type, title: text.title[lang], blocks, ...(reval ? { subsections: [reval] } : {}) };
}

/** The revaluation stress of a central bank: the position, 10/20/30% appreciation, the history. */
function revaluationSection(data: MismatchData, lang: Lang): Section | undefined {
  const r = data.revaluation;
  if (!r) return undefined;
  const p = r.position;
  const first = r.stress.steps[0]!;
  const f2 = (v: number) => grouped(v, 2);
  return {
    id: "revaluation",
    title: msg(lang, "stress.title"),
    blocks: [
      { kind: "paragraph", text: msg(lang, "stress.intro") },
      {
        kind: "paragraph",
        text: msg(lang, "stress.position", r.unitText[lang], p.foreignAssets, p.netForeign, p.equity),
      },
      {
        kind: "table",
        id: "revaluation",
        header: [
          msg(lang, "stress.colAppreciation"),
          msg(lang, "stress.colLoss"),
          msg(lang, "stress.colTimes"),
          msg(lang, "stress.colEquityAfter"),
        ],
        rows: r.stress.steps.map((s) => [
          `${(s.cumulative * 100).toFixed(1)}%`,
          f2(s.cumulativeLoss),
          s.lossToEquity === null ? "n/a" : `${s.lossToEquity.toFixed(1)}x`,
          f2(s.equityAfter),
        ]),
        align: ["right", "right", "right", "right"],
        notes: [...r.sources.netForeign, ...r.sources.equity],
      },
      {
        kind: "paragraph",
        tone: "verdict",
        text: msg(
          lang,
          "stress.shock",
          first.appreciation,
          first.loss,
          first.lossToEquity,
          r.stress.breakEven,
        ),
      },
      {
        kind: "paragraph",
        tone: "note",
        text: r.history
          ? msg(
              lang,
              "stress.history",
              r.history.from,
              r.history.to,
              r.history.rateFrom,
              r.history.rateTo,
              r.history.appreciation,
              r.history.total,
            )
          : msg(lang, "stress.noHistory", "missing" in r.rate ? r.rate.missing : ""),
      },
    ],
  };
}

function comparisonSection(data: MismatchData, lang: Lang): Section {
  if (!data.centralBank)
    return {
      id: "comparison",
      title: t("comparison", lang),
      blocks: [{ kind: "paragraph", text: t("comparisonNotCb", lang) }],
    };
  const header = [
    t("indicator", lang),
    ...data.peers.map((p) => p.name[lang] + ("date" in p ? ` (${p.date})` : "")),
  ];
  const rows = COMPARED.map((id) => [
    getIndicator(id).name[lang],
    ...data.peers.map((p) => {
      if (!("results" in p)) return t("noData", lang);
      const r = p.results.find((x) => x.id === id);
      if (!r) return "";
      const unit = p.entity === data.entity ? (data.input.sheet?.unit ?? data.input.unit) : undefined;
      const value = r.value === null ? "n/a" : shortValue(r.value, r.unit, lang, unit ?? unitFromLabel(r));
      const study = studyFigure(p.entity, id, p.date) ? studyCell(r, lang, unit ?? unitFromLabel(r)) : "";
      return study ? `${value} (${t("studyLower", lang)} ${study})` : value;
    }),
  ]);
  const verdictRows = data.peers.map((p) => {
    if (!("results" in p)) return [p.name[lang], t("noData", lang), "", "", ""];
    return [
      p.name[lang] + (p.partial ? ` *` : ""),
      ...TYPES.map((type) => {
        const v = p.assessment.verdicts.find((x) => x.type === type)!;
        const s = studyVerdictText(p.entity, type, p.date, lang);
        return s
          ? `${verdictText(v, lang)} (${t("studyLower", lang)}${colon(lang)}${s})`
          : verdictText(v, lang);
      }),
      p.assessment.conclusion[lang],
    ];
  });
  const partial = data.peers.filter((p) => "partial" in p && p.partial);
  return {
    id: "comparison",
    title: t("comparison", lang),
    blocks: [
      { kind: "paragraph", text: t("comparisonIntro", lang) },
      {
        kind: "table",
        id: "comparison-indicators",
        header,
        rows,
        align: ["left", ...data.peers.map(() => "right" as const)],
      },
      {
        kind: "table",
        id: "comparison-verdicts",
        caption: t("verdictComparison", lang),
        header: [
          t("centralBank", lang),
          ...TYPES.map((x) => MISMATCH_TEXT[x].title[lang]),
          t("conclusion", lang),
        ],
        rows: verdictRows,
      },
      ...(partial.length
        ? [
            {
              kind: "paragraph" as const,
              tone: "note" as const,
              text: `* ${t("partial", lang)}${colon(lang)}${partial.map((p) => `${p.name[lang]}${colon(lang)}${"partialText" in p ? (p.partialText?.[lang] ?? "") : ""}`).join(lang === "zh" ? "；" : "; ")}`,
            },
          ]
        : []),
    ],
  };
}

// Peers' amounts are printed in their own unit; the result carries it only as a label.
function unitFromLabel(r: IndicatorResult) {
  const m = /^([A-Z]{3}) .*\(1e(\d+)\)$/.exec(r.unitLabel);
  return m ? { currency: m[1]!, scale: Number(m[2]) } : undefined;
}

function reasoningSection(
  data: MismatchData,
  lang: Lang,
  figures: FigureBlock[],
  specs: FigureSpec[],
): Section {
  const blocks: Block[] = [];
  if (data.centralBank) {
    blocks.push({
      kind: "table",
      id: "reasoning",
      header: [t("mismatchType", lang), t("verdict", lang), t("rules", lang), t("reasons", lang)],
      rows: data.assessment.verdicts.map((v) => [
        MISMATCH_TEXT[v.type].title[lang],
        verdictText(v, lang),
        MISMATCH_TEXT[v.type].rule[lang],
        join(
          lang,
          v.reasons.map((x) => x[lang]),
        ),
      ]),
    });
    blocks.push({
      kind: "paragraph",
      tone: "note",
      text: msg(
        lang,
        "report.cutOffs",
        ASSESSMENT_RULES.fxNegligible * 100,
        ASSESSMENT_RULES.fxSevere * 100,
        ASSESSMENT_RULES.longTermPresent * 100,
      ),
    });
    blocks.push({
      kind: "paragraph",
      tone: "verdict",
      text: `${t("conclusion", lang)}${colon(lang)}${data.assessment.conclusion[lang]}`,
    });
  }
  const found = findings(figures, specs, data, lang);
  const sub: Section[] = [];
  if (found.length)
    sub.push({ id: "findings", title: t("findings", lang), blocks: [{ kind: "list", items: found }] });
  if (data.centralBank)
    sub.push({
      id: "remedies",
      title: t("remedies", lang),
      blocks: [{ kind: "list", items: REMEDIES.map((r) => r[lang]) }],
    });
  return { id: "reasoning", title: t("reasoning", lang), blocks, subsections: sub };
}

function appendix(data: MismatchData, lang: Lang): Section {
  const seen = new Map<string, InputLine>();
  // A line read as a variable (a country's series) has no sheet position: its label is the term's.
  const termLabel = new Map<string, Text>();
  for (const r of data.results)
    for (const i of r.inputs)
      for (const l of i.lines) {
        if (!seen.has(l.source + l.item)) seen.set(l.source + l.item, l);
        const term = data.defs.find((d) => d.id === r.id)?.terms[i.term];
        if (term && term.label.en === l.label) termLabel.set(l.source + l.item, term.label);
      }
  const lines = [...seen.values()].sort((a, b) => a.source.localeCompare(b.source, "en", { numeric: true }));
  // A line of the entity's own sheet, or of a sheet of another sector it read (the ODC beside the PBoC).
  const sheets = [data.input.sheet, ...Object.values(data.input.peers ?? {})];
  const position = (item: string, source: string) =>
    sheets
      .filter((sh) => sh !== undefined)
      .flatMap((sh) => sh.positions)
      .find((p) => p.item === item && formatSource(p.source) === source);
  const used = data.results.filter((r) => r.value !== null);
  return {
    id: "sources",
    title: t("appendix", lang),
    blocks: [],
    subsections: [
      {
        id: "lines",
        title: t("linesUsed", lang),
        blocks: [
          {
            kind: "table",
            id: "source-lines",
            header: [t("item", lang), t("label", lang), t("value", lang), t("source", lang)],
            rows: lines.map((l) => {
              const p = position(l.item, l.source);
              const label =
                (lang === "zh" ? p?.label.zh : p?.label.en) ??
                termLabel.get(l.source + l.item)?.[lang] ??
                l.label;
              return [l.item, label, grouped(l.value), l.source];
            }),
            align: ["left", "left", "right", "left"],
          },
          { kind: "paragraph", tone: "note", text: compactSources(lines, lang) },
        ],
      },
      {
        id: "definitions",
        title: t("definitions", lang),
        blocks: [
          {
            kind: "table",
            id: "definitions",
            header: [
              t("id", lang),
              t("indicator", lang),
              t("formula", lang),
              t("threshold", lang),
              t("citation", lang),
            ],
            rows: used.map((r) => {
              const d = getIndicator(r.id);
              return [d.id, d.name[lang], d.formula, d.threshold[lang], citationText(d.citation)[lang]];
            }),
          },
        ],
      },
    ],
  };
}

/**
 * The mismatch report of an entity at a date, as a model (see model.ts), from data already loaded:
 * header, summary with the Table 2 verdicts, one section per mismatch type (indicators with their
 * source lines, the verdict, year-end charts), the comparison with the other central banks, the
 * verdicts' reasoning with the period's findings and the study's remedies, and the source lines and
 * definitions. Pure: the same data give the same report.
 * @example mismatchReport(await loadMismatchData(store, "pboc", "2013-12"), { lang: "zh" })
 */
export function mismatchReport(data: MismatchData, options: ReportOptions = {}): Report {
  const lang = options.lang ?? "en";
  const unit = data.input.sheet?.unit ?? data.input.unit;
  const meta: Array<[string, string]> = [
    [data.centralBank ? t("entity", lang) : t("country", lang), `${data.name[lang]} (${data.entity})`],
    [
      t("date", lang),
      `${periodLabel(data.input.date, lang)}${data.input.date !== data.asked ? ` (${data.asked})` : ""}`,
    ],
  ];
  if (unit) meta.push([t("unit", lang), unitLabel(unit, lang)]);
  const partialText = data.input.partialText?.[lang] ?? data.input.partial;
  if (partialText) meta.push([t("data", lang), `${t("partial", lang)}${colon(lang)}${partialText}`]);
  meta.push([t("method", lang), t("methodMismatch", lang)]);
  const figNo = { n: 0 };
  const typeSections = TYPES.map((type) => typeSection(data, type, lang, figNo));
  const figures: FigureBlock[] = [];
  const specs: FigureSpec[] = [];
  for (const type of TYPES) specs.push(...figureSpecs(data, type));
  for (const s of typeSections) for (const b of s.blocks) if (b.kind === "figure") figures.push(b);
  const summary: Section = {
    id: "summary",
    title: t("summary", lang),
    blocks: [
      ...(data.centralBank
        ? [
            {
              kind: "paragraph" as const,
              tone: "verdict" as const,
              text: `${t("conclusion", lang)}${colon(lang)}${data.assessment.conclusion[lang]}`,
            },
            verdictTable(data, lang),
          ]
        : []),
      ...(partialText
        ? [
            {
              kind: "paragraph" as const,
              tone: "warning" as const,
              text: `${t("partial", lang)}${colon(lang)}${partialText}`,
            },
          ]
        : []),
    ],
  };
  const title = `${t(data.centralBank ? "mismatchTitle" : "countryMismatchTitle", lang)}${lang === "zh" ? "：" : ": "}${data.name[lang]}, ${periodLabel(data.input.date, lang)}`;
  return {
    lang,
    title,
    meta,
    sections: [
      summary,
      ...typeSections,
      comparisonSection(data, lang),
      reasoningSection(data, lang, figures, specs),
      appendix(data, lang),
    ],
    ...(options.generatedAt ? { generatedAt: options.generatedAt } : {}),
  };
}

/**
 * Loads the data and builds the mismatch report of `entity` at `date` in one call.
 * @example const report = await buildMismatchReport(store, "pboc", "2013-12", { lang: "en" });
 */
export async function buildMismatchReport(
  store: Store,
  entity: string,
  date: string,
  options: ReportOptions = {},
): Promise<Report> {
  return mismatchReport(await loadMismatchData(store, entity, date), options);
}
