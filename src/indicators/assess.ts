import type { IndicatorResult } from "./compute.ts";
import type { MismatchType, Text } from "./types.ts";

/**
 * A Table 2 cell. `severe`/`present`: a mismatch, with its direction for currency; `none`: the
 * inputs are there and no rule finds one; `not considered`: only where the study's own rule calls
 * the risk negligible (FX assets under 1% of assets; currency issued above deposits; a country's
 * short-term external debt far under its reserves when the sheet has no maturity split);
 * `not computable`: an input is missing, named in `missing` with how to get it.
 */
export type VerdictLevel = "none" | "not considered" | "present" | "severe" | "not computable";

/** An input a verdict could not be computed without, and how to get it. */
export interface MissingInput {
  /** What is missing, e.g. "cb.fx_assets_share: foreign exchange (FC deposits and securities)". */
  input: Text;
  howTo: Text;
}

export interface Verdict {
  type: MismatchType;
  level: VerdictLevel;
  /** Currency mismatch only: creditor-type (net FC assets) or debtor-type (net FC liabilities). */
  direction?: "creditor" | "debtor";
  reasons: Text[];
  /** Indicator ids the verdict rests on. */
  evidence: string[];
  /** Set exactly when `level` is "not computable". */
  missing?: MissingInput[];
}

export interface Assessment {
  entity: string;
  date: string;
  verdicts: Verdict[];
  /** The mismatches found; when a cell is not computable, it says which and that the list may be short. */
  conclusion: Text;
  /** False when a cell is not computable: the conclusion is then incomplete. */
  complete: boolean;
}

/**
 * A country-level figure the maturity verdict of a central bank falls back on when its sheet has
 * no maturity split (the study's PBoC argument): short-term external debt over official reserves.
 */
export interface CountryMaturity {
  /** Short-term external debt / FX reserves (0.177 = 17.7%). */
  value: number;
  year: string;
  source: string;
}

/** What the verdicts read besides the indicator results. */
export interface AssessContext {
  entity?: string;
  countryMaturity?: CountryMaturity;
  /** How to get a missing statement line for this entity (the import layout or the fetch line). */
  howTo?: Text;
  /** Where this entity publishes an input, by indicator id (the line, the fetch command). */
  sources?: ReadonlyMap<string, MissingInput>;
}

const LEVEL_ZH: Record<VerdictLevel, string> = {
  none: "不存在",
  "not considered": "不予考虑",
  present: "存在",
  severe: "严重",
  "not computable": "无法计算",
};
const TYPE_TEXT: Record<MismatchType, Text> = {
  currency: { en: "currency mismatch", zh: "货币错配" },
  maturity: { en: "maturity mismatch", zh: "期限错配" },
  "capital-structure": { en: "capital-structure mismatch", zh: "资本结构错配" },
};

/**
 * Cut-offs that turn the study's qualitative Table 2 into rules [D: ours, chosen so the study's
 * end-2013 verdicts follow from its own figures; the study states none].
 */
export const ASSESSMENT_RULES = {
  /** FX assets below this share of total assets are ignored (Fed: 23.8 bn of 4.0 trn USD). */
  fxNegligible: 0.01,
  /** FX assets at or above this share make the currency mismatch severe (PBoC 83.3%). */
  fxSevere: 0.5,
  /** Long-term assets at or above this share of total assets mean maturity mismatch (ECB LTRO 25.5%). */
  longTermPresent: 0.25,
} as const;

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const fmt = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: 2 });

/** The generic way to get a central bank's missing statement lines. */
export const DEFAULT_HOW_TO: Text = {
  en: "import the statement's lines in the long layout (entity,date,item,side,currency,maturity,value,unit + instrument,counterparty,interest_bearing; see bslab import --help) with bslab import FILE --entity-kind=central-bank, or bslab fetch the publisher's series",
  zh: "将报表各项目整理为长表布局（列 entity/date/item/side/currency/maturity/value/unit，另加 instrument/counterparty/interest_bearing），用 bslab import FILE --entity-kind=central-bank 导入，或用 bslab fetch 取得发布机构的序列",
};

function get(results: readonly IndicatorResult[], id: string): IndicatorResult | undefined {
  return results.find((r) => r.id === id);
}
function val(results: readonly IndicatorResult[], id: string): number | null {
  return get(results, id)?.value ?? null;
}

/** The not-computable inputs among `ids`, each with its note. */
function missingOf(
  results: readonly IndicatorResult[],
  ids: readonly string[],
  ctx: AssessContext,
): MissingInput[] {
  const howTo = ctx.howTo ?? DEFAULT_HOW_TO;
  const out: MissingInput[] = [];
  for (const id of ids) {
    const r = get(results, id);
    if (!r)
      out.push({ input: { en: `${id}: not computed for this entity`, zh: `${id}：此主体未计算` }, howTo });
    else if (r.value === null) {
      const src = ctx.sources?.get(id);
      out.push({
        input: {
          en: `${id}: ${r.noteText.en.replace(/^not computable: /, "")}${src ? `; published as ${src.input.en}` : ""}`,
          zh: `${id}：${r.noteText.zh.replace(/^无法计算：/, "")}${src ? `；发布于${src.input.zh}` : ""}`,
        },
        howTo: src?.howTo ?? howTo,
      });
    }
  }
  return out;
}

function notComputable(type: MismatchType, missing: MissingInput[], ids: string[]): Verdict {
  return {
    type,
    level: "not computable",
    reasons: missing.map((m) => ({ en: `missing ${m.input.en}`, zh: `缺少${m.input.zh}` })),
    evidence: ids,
    missing,
  };
}

function currency(results: readonly IndicatorResult[], ctx: AssessContext): Verdict {
  const ids = ["cb.fx_assets_share", "cb.net_fx_position", "cb.fx_to_foreign_liabilities"];
  const share = val(results, "cb.fx_assets_share");
  const net = val(results, "cb.net_fx_position");
  const ratio = val(results, "cb.fx_to_foreign_liabilities");
  if (share === null) return notComputable("currency", missingOf(results, ["cb.fx_assets_share"], ctx), ids);
  const reasons: Text[] = [
    { en: `FX assets ${pct(share)} of total assets`, zh: `外汇资产占总资产${pct(share)}` },
  ];
  if (share < ASSESSMENT_RULES.fxNegligible)
    return {
      type: "currency",
      level: "not considered",
      reasons: [
        ...reasons,
        {
          en: `below ${pct(ASSESSMENT_RULES.fxNegligible)}: negligible (the study's rule)`,
          zh: `低于${pct(ASSESSMENT_RULES.fxNegligible)}：可忽略不计（研究的规则）`,
        },
      ],
      evidence: ids,
    };
  const unit = get(results, "cb.net_fx_position")?.unitText ?? { en: "", zh: "" };
  if (net !== null)
    reasons.push({ en: `net FX position ${fmt(net)} ${unit.en}`, zh: `净外汇头寸${fmt(net)}（${unit.zh}）` });
  if (ratio !== null)
    reasons.push({
      en: `FX / foreign liabilities ${ratio.toFixed(1)}x`,
      zh: `外汇/国外负债${ratio.toFixed(1)}倍`,
    });
  let direction: "creditor" | "debtor" = "creditor";
  if (net !== null && net < 0) direction = "debtor";
  if (net === null)
    reasons.push({
      en: "no FC liability line: read as creditor-type (FX assets are positive)",
      zh: "无外币负债项目：外汇资产为正，视为债权型",
    });
  const level: VerdictLevel = share >= ASSESSMENT_RULES.fxSevere ? "severe" : "present";
  return { type: "currency", level, direction, reasons, evidence: ids };
}

function maturity(results: readonly IndicatorResult[], ctx: AssessContext): Verdict {
  const ids = [
    "sector.short_term_liabilities_to_liquid_assets",
    "cb.long_term_securities_share",
    "cb.longer_term_refinancing_share",
    "cb.main_refinancing_share",
  ];
  const stl = val(results, ids[0]!);
  const lts = val(results, ids[1]!);
  const ltr = val(results, ids[2]!);
  const mro = val(results, ids[3]!);
  if (stl === null && lts === null && ltr === null) {
    const cm = ctx.countryMaturity;
    // The study's PBoC argument: no maturity split on the sheet, but the country's short-term
    // external debt is far under its reserves, which the central bank's FX exceeds.
    if (cm && cm.value < 1)
      return {
        type: "maturity",
        level: "not considered",
        reasons: [
          {
            en: `the sheet has no maturity split; short-term external debt / FX reserves ${pct(cm.value)} < 1 (${cm.year}, ${cm.source}): even if the central bank carried all of it, negligible (the study's rule)`,
            zh: `报表科目未按期限细分；短期外债/外汇储备为${pct(cm.value)}，小于1（${cm.year}年，${cm.source}）：即便短期外债全由央行承担也可不予考虑（研究的规则）`,
          },
        ],
        evidence: [...ids, "country.short_term_external_debt_to_reserves"],
      };
    const missing = missingOf(
      results,
      ["cb.long_term_securities_share", "cb.longer_term_refinancing_share"],
      ctx,
    );
    if (!cm)
      missing.push({
        input: {
          en: "country short-term external debt and FX reserves (the study's fallback when a sheet has no maturity split)",
          zh: "本国短期外债与外汇储备（报表未按期限细分时原文采用的替代依据）",
        },
        howTo: {
          en: "bundled for China (SAFE, data/china-external-debt/); for another country import its external-debt series (long series CSV: entity,date,series,value,unit,scale)",
          zh: "中国的数据已内置（国家外汇管理局，data/china-external-debt/）；其他国家请导入其外债序列（长序列CSV，列 entity/date/series/value/unit/scale）",
        },
      });
    return notComputable("maturity", missing, ids);
  }
  const reasons: Text[] = [];
  let present = false;
  if (stl !== null) {
    reasons.push({
      en: `short-term liabilities / liquid assets ${stl.toFixed(2)}`,
      zh: `短期负债/流动资产${stl.toFixed(2)}`,
    });
    present ||= stl > 1;
  }
  if (lts !== null) {
    reasons.push({
      en: `long-term securities ${pct(lts)} of total assets`,
      zh: `长期证券占总资产${pct(lts)}`,
    });
    present ||= lts >= ASSESSMENT_RULES.longTermPresent;
  }
  if (ltr !== null) {
    reasons.push({
      en: `longer-term refinancing ${pct(ltr)} of total assets`,
      zh: `长期再融资占总资产${pct(ltr)}`,
    });
    present ||= ltr >= ASSESSMENT_RULES.longTermPresent || (mro !== null && ltr > mro && ltr > 0.1);
  }
  return { type: "maturity", level: present ? "present" : "none", reasons, evidence: ids };
}

function capital(results: readonly IndicatorResult[], ctx: AssessContext): Verdict {
  const ids = ["cb.currency_issued_share", "cb.financial_deposits_share"];
  const cur = val(results, ids[0]!);
  const dep = val(results, ids[1]!);
  if (cur === null || dep === null)
    return notComputable("capital-structure", missingOf(results, ids, ctx), ids);
  const reasons: Text[] = [
    { en: `currency issued ${pct(cur)} of total liabilities`, zh: `货币发行占总负债${pct(cur)}` },
    { en: `deposits of financial corporations ${pct(dep)}`, zh: `金融性公司存款${pct(dep)}` },
  ];
  if (dep > cur) {
    reasons.push({ en: "interest-bearing deposits dominate currency issued", zh: "付息存款超过货币发行" });
    return { type: "capital-structure", level: "present", reasons, evidence: ids };
  }
  reasons.push({
    en: "currency issued exceeds deposits: negligible (the study's rule)",
    zh: "货币发行超过存款：可不予考虑（研究的规则）",
  });
  return { type: "capital-structure", level: "not considered", reasons, evidence: ids };
}

/** One line of a verdict in a language: "severe creditor-type currency mismatch". */
export function verdictText(v: Pick<Verdict, "type" | "level" | "direction">, lang: "en" | "zh"): string {
  const t = TYPE_TEXT[v.type][lang];
  if (lang === "zh") {
    const dir = v.direction ? (v.direction === "creditor" ? "债权型" : "债务型") : "";
    return v.level === "present" || v.level === "severe"
      ? `存在${v.level === "severe" ? "严重的" : ""}${dir}${t}`
      : `${t}：${LEVEL_ZH[v.level]}`;
  }
  const dir = v.direction ? `${v.direction}-type ` : "";
  if (v.level === "severe") return `severe ${dir}${t}`;
  if (v.level === "present") return `${dir}${t} present`;
  if (v.level === "none") return `${t} absent`;
  return `${t} ${v.level}`;
}

/** True for a cell that finds a mismatch. */
export const isFound = (v: Pick<Verdict, "level">) => v.level === "present" || v.level === "severe";

/**
 * Turns a central bank's indicator results into the study's Table 2 cells per mismatch type, with
 * the reasons in English and Chinese, and the conclusion (the mismatches found). A cell whose
 * inputs are missing is "not computable" and names them; the conclusion then says it is incomplete.
 * @example assess(results).verdicts[0] // { type: "currency", level: "severe", direction: "creditor", ... }
 */
export function assess(results: readonly IndicatorResult[], ctx: AssessContext = {}): Assessment {
  const verdicts = [currency(results, ctx), maturity(results, ctx), capital(results, ctx)];
  const found = verdicts.filter(isFound);
  const open = verdicts.filter((v) => v.level === "not computable");
  const list: Text = found.length
    ? {
        en: found.map((v) => verdictText(v, "en")).join("; "),
        zh: found.map((v) => verdictText(v, "zh")).join("；"),
      }
    : { en: "no mismatch", zh: "不存在错配" };
  // With cells open, finding nothing is not "no mismatch": the missing inputs may hold one.
  const soFar: Text = found.length ? list : { en: "none yet", zh: "尚无" };
  const conclusion: Text = open.length
    ? {
        en: `not computable: ${open.map((v) => TYPE_TEXT[v.type].en).join(", ")} (missing inputs); found so far: ${soFar.en}`,
        zh: `无法计算：${open.map((v) => TYPE_TEXT[v.type].zh).join("、")}（缺少输入）；目前发现：${soFar.zh}`,
      }
    : list;
  return {
    entity: results[0]?.entity ?? ctx.entity ?? "",
    date: results[0]?.date ?? "",
    verdicts,
    conclusion,
    complete: open.length === 0,
  };
}
