import type { IndicatorResult } from "./compute.ts";
import type { MismatchType, Text } from "./types.ts";

/** The study's verdict scale (Table 2). */
export type VerdictLevel = "none" | "not considered" | "present" | "severe";

export interface Verdict {
  type: MismatchType;
  level: VerdictLevel;
  /** Currency mismatch only: creditor-type (net FC assets) or debtor-type (net FC liabilities). */
  direction?: "creditor" | "debtor";
  reasons: Text[];
  /** Indicator ids the verdict rests on. */
  evidence: string[];
}

export interface Assessment {
  entity: string;
  date: string;
  verdicts: Verdict[];
  conclusion: Text;
}

const LEVEL_ZH: Record<VerdictLevel, string> = {
  none: "无",
  "not considered": "不考虑",
  present: "存在",
  severe: "严重",
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

function get(results: readonly IndicatorResult[], id: string): IndicatorResult | undefined {
  return results.find((r) => r.id === id);
}
function val(results: readonly IndicatorResult[], id: string): number | null {
  return get(results, id)?.value ?? null;
}
function whyNot(results: readonly IndicatorResult[], ids: string[]): Text {
  const notes = ids
    .map((id) => get(results, id))
    .filter((r) => r && r.value === null)
    .map((r) => ({ en: `${r!.id}: ${r!.noteText.en}`, zh: `${r!.id}：${r!.noteText.zh}` }));
  return notes[0] ?? { en: "no input", zh: "无输入" };
}

function currency(results: readonly IndicatorResult[]): Verdict {
  const ids = ["cb.fx_assets_share", "cb.net_fx_position", "cb.fx_to_foreign_liabilities"];
  const share = val(results, "cb.fx_assets_share");
  const net = val(results, "cb.net_fx_position");
  const ratio = val(results, "cb.fx_to_foreign_liabilities");
  if (share === null)
    return { type: "currency", level: "not considered", reasons: [whyNot(results, ids)], evidence: ids };
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
          en: `below ${pct(ASSESSMENT_RULES.fxNegligible)}: negligible`,
          zh: `低于${pct(ASSESSMENT_RULES.fxNegligible)}：可忽略`,
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
    reasons.push({ en: "no FC liability line: read as creditor-type", zh: "无外币负债项目：视为债权型" });
  const level: VerdictLevel = share >= ASSESSMENT_RULES.fxSevere ? "severe" : "present";
  return { type: "currency", level, direction, reasons, evidence: ids };
}

function maturity(results: readonly IndicatorResult[]): Verdict {
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
  if (stl === null && lts === null && ltr === null)
    return { type: "maturity", level: "not considered", reasons: [whyNot(results, ids)], evidence: ids };
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

function capital(results: readonly IndicatorResult[]): Verdict {
  const ids = ["cb.currency_issued_share", "cb.financial_deposits_share"];
  const cur = val(results, ids[0]!);
  const dep = val(results, ids[1]!);
  if (cur === null || dep === null)
    return {
      type: "capital-structure",
      level: "not considered",
      reasons: [whyNot(results, ids)],
      evidence: ids,
    };
  const reasons: Text[] = [
    { en: `currency issued ${pct(cur)} of total liabilities`, zh: `货币发行占总负债${pct(cur)}` },
    { en: `deposits of financial corporations ${pct(dep)}`, zh: `金融性公司存款${pct(dep)}` },
  ];
  if (dep > cur)
    reasons.push({ en: "interest-bearing deposits dominate currency issued", zh: "付息存款超过货币发行" });
  else reasons.push({ en: "currency issued exceeds deposits", zh: "货币发行超过存款" });
  return { type: "capital-structure", level: dep > cur ? "present" : "none", reasons, evidence: ids };
}

/** One line of a verdict in a language: "severe creditor-type currency mismatch". */
export function verdictText(v: Verdict, lang: "en" | "zh"): string {
  const t = TYPE_TEXT[v.type][lang];
  if (lang === "zh") {
    const dir = v.direction ? (v.direction === "creditor" ? "债权型" : "债务型") : "";
    return v.level === "present" || v.level === "severe"
      ? `${LEVEL_ZH[v.level]}${dir}${t}`
      : `${t}：${LEVEL_ZH[v.level]}`;
  }
  const dir = v.direction ? `${v.direction}-type ` : "";
  if (v.level === "severe") return `severe ${dir}${t}`;
  if (v.level === "present") return `${dir}${t} present`;
  return `${t} ${v.level}`;
}

/**
 * Turns a central bank's indicator results into the study's Table 2 verdicts per mismatch type,
 * with the reasons in English and Chinese.
 * @example assess(results).verdicts[0] // { type: "currency", level: "severe", direction: "creditor", ... }
 */
export function assess(results: readonly IndicatorResult[]): Assessment {
  const verdicts = [currency(results), maturity(results), capital(results)];
  const found = verdicts.filter((v) => v.level === "present" || v.level === "severe");
  const conclusion: Text = found.length
    ? {
        en: found.map((v) => verdictText(v, "en")).join("; "),
        zh: found.map((v) => verdictText(v, "zh")).join("；"),
      }
    : { en: "no mismatch found in the data available", zh: "现有数据未见错配" };
  return { entity: results[0]?.entity ?? "", date: results[0]?.date ?? "", verdicts, conclusion };
}
