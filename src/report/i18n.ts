import { defineMessages } from "../i18n/define.ts";
import type { Lang, Text } from "../i18n/lang.ts";
import type { MismatchType } from "../indicators/types.ts";

export type { Text } from "../i18n/lang.ts";

/** Every fixed string the reports print, in English and Chinese (catalogue domain `report`). */
export const STRINGS = defineMessages({
  mismatchTitle: {
    en: "Central-bank balance-sheet mismatch risk",
    zh: "中央银行资产负债表错配风险评估",
  },
  countryMismatchTitle: { en: "Balance-sheet mismatch risk", zh: "资产负债表错配风险评估" },
  recessionTitle: { en: "Balance-sheet recession monitor", zh: "资产负债表衰退监测" },
  entity: { en: "Entity", zh: "主体" },
  country: { en: "Country", zh: "国家/地区" },
  date: { en: "Balance-sheet date", zh: "报表日期" },
  period: { en: "Period", zh: "时期" },
  unit: { en: "Unit", zh: "单位" },
  data: { en: "Data", zh: "数据" },
  method: { en: "Method", zh: "方法" },
  methodMismatch: {
    en: "Peng Zhenjiang and Xie Yunfeng (2014), “Assessing and responding to central-bank balance-sheet mismatch risk”, Regional Financial Research 2014 no. 10; indicators of the balance-sheet approach (Allen et al. 2002)",
    zh: "彭振江、谢云峰（2014）《中央银行资产负债表错配风险评估与应对》，《区域金融研究》2014年第10期；资产负债表分析法指标（Allen等，2002）",
  },
  methodRecession: {
    en: "Koo's balance-sheet recession (as summarised in the seed note by Jin Yi): four marks (asset-price collapse, ineffective monetary policy, private deleveraging, deflation) and four steps; BIS credit-to-GDP gap (one-sided HP, lambda 400,000)",
    zh: "辜朝明的资产负债表衰退（据金毅研究笔记）：四个标志（资产价格崩溃、货币政策失效、私人部门去杠杆、通缩）与四个步骤；国际清算银行信贷/GDP缺口（单边HP滤波，lambda 400,000）",
  },
  partial: {
    en: "Only some lines are in the bundled data",
    zh: "内置数据仅含部分项目",
  },
  summary: { en: "Summary", zh: "概要" },
  conclusion: { en: "Conclusion", zh: "结论" },
  verdictsTable: {
    en: "Verdicts by mismatch type (Table 2 of the study)",
    zh: "各类错配的判断（对应原文表2）",
  },
  mismatchType: { en: "Mismatch type", zh: "错配类型" },
  verdict: { en: "Verdict", zh: "判断" },
  studyVerdict: { en: "Study (end-2013)", zh: "原文（2013年末）" },
  agrees: { en: "Agrees", zh: "一致" },
  indicator: { en: "Indicator", zh: "指标" },
  value: { en: "Value", zh: "数值" },
  reading: { en: "Reading", zh: "解读" },
  study: { en: "Study", zh: "原文" },
  sources: { en: "Inputs and source lines", zh: "输入项及来源行" },
  source: { en: "Source", zh: "来源" },
  reasons: { en: "Reasons", zh: "理由" },
  notComputable: { en: "not computable", zh: "无法计算" },
  notes: { en: "Notes", zh: "说明" },
  figure: { en: "Figure", zh: "图" },
  studyFigure1: { en: "the study's Figure 1", zh: "即原文图1" },
  yearEnd: {
    en: "year-end values (last balance sheet of each year)",
    zh: "年末值（每年最后一期报表）",
  },
  shareOfTotalAssets: { en: "share of total assets", zh: "占总资产比重" },
  shareOfTotalLiabilities: { en: "share of total liabilities", zh: "占总负债比重" },
  shares: { en: "shares of total assets or liabilities", zh: "占总资产或总负债比重" },
  studyLower: { en: "study", zh: "原文" },
  ratios: { en: "ratios (times)", zh: "比率（倍）" },
  amounts: { en: "amounts", zh: "金额" },
  indices: { en: "indices", zh: "指数" },
  noSeries: {
    en: "No indicator of this type can be computed over the period from the bundled data.",
    zh: "内置数据无法计算该类指标在此期间的时间序列。",
  },
  comparison: { en: "Comparison with other central banks", zh: "与其他中央银行的比较" },
  comparisonIntro: {
    en: "The same indicators for the four central banks of the study at the same date, beside the study's end-2013 figures. Where the bundled data hold only totals (FRED), a value is not computable and the study's figure is shown.",
    zh: "同一日期研究中四家中央银行的相同指标，并列原文2013年末数据。内置数据仅有总额（FRED）时数值无法计算，仅列原文数据。",
  },
  comparisonNotCb: {
    en: "The comparison with other central banks applies to central banks only.",
    zh: "与其他中央银行的比较仅适用于中央银行。",
  },
  verdictComparison: { en: "Verdicts of the four central banks", zh: "四家中央银行的判断" },
  centralBank: { en: "Central bank", zh: "中央银行" },
  computed: { en: "computed", zh: "计算" },
  noData: { en: "no data", zh: "无数据" },
  reasoning: { en: "Verdicts and reasoning", zh: "判断与理由" },
  rules: { en: "Rule", zh: "判断规则" },
  findings: { en: "Over the period", zh: "期间变化" },
  remedies: { en: "The study's recommendations", zh: "原文的政策建议" },
  appendix: { en: "Sources and definitions", zh: "来源与定义" },
  linesUsed: { en: "Balance-sheet lines used", zh: "所用报表项目" },
  item: { en: "Item", zh: "项目" },
  label: { en: "Label", zh: "名称" },
  definitions: { en: "Indicator definitions", zh: "指标定义" },
  formula: { en: "Formula", zh: "公式" },
  threshold: { en: "Threshold", zh: "阈值" },
  citation: { en: "Citation", zh: "文献" },
  generatedAt: { en: "Generated", zh: "生成时间" },
  from: { en: "from", zh: "从" },
  high: { en: "high", zh: "最高" },
  low: { en: "low", zh: "最低" },
  fold: { en: "fold", zh: "倍" },
  // recession report
  recessionVerdict: { en: "Verdict", zh: "判断" },
  boomMark: { en: "Boom mark", zh: "繁荣期标志" },
  episodes: { en: "Distress episodes", zh: "危机阶段" },
  start: { en: "Start", zh: "开始" },
  end: { en: "End", zh: "结束" },
  ongoing: { en: "ongoing", zh: "持续中" },
  duration: { en: "Years", zh: "年数" },
  bsr: { en: "Balance-sheet recession", zh: "资产负债表衰退" },
  yes: { en: "yes", zh: "是" },
  no: { en: "no", zh: "否" },
  depth: { en: "Depth", zh: "深度" },
  policyLag: { en: "Policy lag", zh: "政策时滞" },
  reason: { en: "Reason", zh: "理由" },
  marks: { en: "The four marks", zh: "四个标志" },
  marksIntro: {
    en: "Years in which each mark of a balance-sheet recession fired (✓), did not fire (–) or could not be computed (n/a).",
    zh: "各年份资产负债表衰退各标志是否出现：✓出现，–未出现，n/a无法计算。",
  },
  year: { en: "Year", zh: "年份" },
  stage: { en: "Stage", zh: "阶段" },
  signals: { en: "Signals", zh: "信号" },
  evidence: { en: "Evidence", zh: "证据" },
  timeline: { en: "Stages year by year", zh: "逐年阶段" },
  charts: { en: "Time series", zh: "时间序列" },
  creditGapChart: {
    en: "Private credit to GDP, its one-sided HP trend and the gap (BIS, quarterly, % of GDP / pp)",
    zh: "私人部门信贷/GDP、单边HP趋势及缺口（国际清算银行，季度，占GDP%/百分点）",
  },
  pricesChart: {
    en: "Asset prices, rates and prices (annual, %)",
    zh: "资产价格、利率与物价（年度，%）",
  },
  balancesChart: {
    en: "Private-sector financial balances and credit growth (annual, % of GDP / % y/y)",
    zh: "私人部门金融收支与信贷增速（年度，占GDP% / 同比%）",
  },
  parameters: { en: "Parameters", zh: "参数" },
  // #14 (webzh): texts the reports built inline before, and the source and data lines.
  id: { en: "id", zh: "代码" },
  noteLabel: { en: "note", zh: "说明" },
  disagrees: { en: "✗ (data lacking or read differently)", zh: "✗（数据不足或口径不同）" },
  cutOffs: {
    en: (negligible: number, severe: number, longTerm: number) =>
      `Cut-offs (ours, chosen so the study's Table 2 follows from its figures): FX assets negligible below ${negligible}%, severe from ${severe}%; long-term assets from ${longTerm}%.`,
    zh: (negligible: number, severe: number, longTerm: number) =>
      `判断阈值（本项目据原文表2设定）：外汇资产可忽略 < ${negligible}%，严重 ≥ ${severe}%，长期资产 ≥ ${longTerm}%。`,
  },
  fileRows: {
    en: (file: string, rows: readonly string[]) =>
      `${file} ${rows.length > 1 ? "rows" : "row"} ${rows.join(", ")}`,
    zh: (file: string, rows: readonly string[]) => `${file} 第${rows.join("、")}行`,
  },
  columnOfRow: {
    en: (row: number, column: string) => `${row} (${column})`,
    zh: (row: number, column: string) => `${row}（${column}列）`,
  },
  citationVia: {
    en: (citation: string, via: string) => `${citation}; via ${via}`,
    zh: (citation: string, via: string) => `${citation}；转引自${via}`,
  },
  recessionData: {
    en: (bis: string) =>
      `JST R6, BIS (${bis}), Shiller, Nikkei 225, sectoral balances, IMF PFMH, Laeven-Valencia, Reinhart-Rogoff`,
    zh: (bis: string) =>
      `JST R6、BIS（${bis}）、Shiller、日经225、部门金融收支、IMF PFMH、Laeven-Valencia、Reinhart-Rogoff`,
  },
  bisRatio: {
    en: (vintage: string, dataset: string) => `credit-to-GDP ratio: vintage ${vintage}, dataset ${dataset}`,
    zh: (vintage: string, dataset: string) => `信贷/GDP比率：版本${vintage}，数据集${dataset}`,
  },
  bisRatioMissing: { en: "credit-to-GDP ratio not available", zh: "无信贷/GDP比率" },
  creditSeries: {
    en: "credit/GDP, %|one-sided HP trend, %|gap (computed), pp|gap (BIS published), pp",
    zh: "信贷/GDP，%|单边HP趋势，%|缺口（本项目计算），百分点|缺口（BIS公布），百分点",
  },
});

/** The monitor's rule groups (the parameters table's rows), by id. */
export const RULE_NAMES: Readonly<Record<string, Text>> = {
  assetCollapse: { en: "assetCollapse", zh: "资产价格崩溃" },
  monetaryIneffective: { en: "monetaryIneffective", zh: "货币政策失效" },
  privateDeleveraging: { en: "privateDeleveraging", zh: "私人部门去杠杆" },
  deflation: { en: "deflation", zh: "通缩" },
  leveragedBoom: { en: "leveragedBoom", zh: "杠杆繁荣" },
  fiscal: { en: "fiscal", zh: "财政政策" },
  slack: { en: "slack", zh: "劳动力市场闲置" },
  depth: { en: "depth", zh: "衰退深度" },
  verdict: { en: "verdict", zh: "判断" },
};

export type StringKey = keyof typeof STRINGS;

type FixedKey = { [K in StringKey]: (typeof STRINGS)[K] extends Text ? K : never }[StringKey];

/** The fixed string `key` in `lang` (builders are read through `msg(lang, "report.key", ...)`). */
export function t(key: FixedKey, lang: Lang): string {
  return STRINGS[key][lang];
}

/** The three mismatches as section titles, with what each one is (the study, section 2). */
export const MISMATCH_TEXT: Record<MismatchType, { title: Text; intro: Text; rule: Text }> = {
  currency: {
    title: { en: "Currency mismatch", zh: "货币错配" },
    intro: {
      en: "Assets and liabilities in different currencies: a creditor-type mismatch (net foreign-currency assets) loses when the home currency appreciates, a debtor-type one when it depreciates.",
      zh: "资产与负债的币种不一致：债权型错配（外币净资产）在本币升值时产生损失，债务型错配在本币贬值时产生损失。",
    },
    rule: {
      en: "FX assets below 1% of total assets: not considered; from 1%: present; from 50%: severe. Creditor-type when the net foreign-currency position is positive, debtor-type when negative.",
      zh: "外汇资产占总资产低于1%：不考虑；1%以上：存在；50%以上：严重。净外币头寸为正为债权型，为负为债务型。",
    },
  },
  maturity: {
    title: { en: "Maturity mismatch", zh: "期限错配" },
    intro: {
      en: "Long-term assets funded by short-term liabilities (Allen et al. 2002): short-term liabilities over liquid assets above 1, or a large share of long-term securities or longer-term refinancing in total assets.",
      zh: "以短期负债支持长期资产（Allen等，2002）：短期负债/流动资产大于1，或长期证券、长期再融资占总资产比重较高。",
    },
    rule: {
      en: "Present when short-term liabilities / liquid assets > 1, or long-term securities or longer-term refinancing are at least 25% of total assets; not considered when the maturity of the lines is not known, as the study does for the PBoC.",
      zh: "短期负债/流动资产大于1，或长期证券、长期再融资占总资产25%以上，即存在；报表项目期限不明时不考虑（原文对人民银行即如此）。",
    },
  },
  "capital-structure": {
    title: { en: "Capital-structure mismatch", zh: "资本结构错配" },
    intro: {
      en: "For a central bank: interest-bearing liabilities (deposits of financial corporations, bonds issued, government deposits, foreign liabilities) against non-interest-bearing ones (currency issued, own capital).",
      zh: "对中央银行而言：付息负债（金融性公司存款、发行债券、政府存款、国外负债）相对于不付息负债（货币发行、自有资金）的比重。",
    },
    rule: {
      en: "Present when deposits of financial corporations exceed currency issued (interest-bearing funding dominates).",
      zh: "金融性公司存款超过货币发行（付息负债占主导）即存在。",
    },
  },
};

/** The study's remedies (section 5), for a central bank. */
export const REMEDIES: Text[] = [
  {
    en: "Lower the share of FX assets in the central bank's assets: let firms and households hold foreign assets.",
    zh: "降低外汇资产在中央银行资产中的比重：藏汇于民，让企业和居民持有外汇资产。",
  },
  {
    en: "Raise the share of currency issued in liabilities and lower that of deposits of financial corporations.",
    zh: "提高货币发行在负债中的比重，降低金融性公司存款的比重。",
  },
];

/** Mark and signal names of the recession monitor. */
export const SIGNAL_TEXT: Record<string, Text> = {
  "leveraged-boom": { en: "leveraged boom", zh: "杠杆繁荣" },
  "asset-price-collapse": { en: "asset-price collapse", zh: "资产价格崩溃" },
  "banking-distress": { en: "banking distress", zh: "银行困境" },
  "monetary-ineffective": { en: "monetary policy ineffective", zh: "货币政策失效" },
  "private-deleveraging": { en: "private deleveraging", zh: "私人部门去杠杆" },
  deflation: { en: "deflation", zh: "通缩" },
  "liquidity-trap": { en: "liquidity trap", zh: "流动性陷阱" },
  "fiscal-tightening": { en: "fiscal tightening", zh: "财政紧缩" },
};

/** `SIGNAL_TEXT[id]` in `lang`, or the id itself. */
export function signalName(id: string, lang: Lang): string {
  return SIGNAL_TEXT[id]?.[lang] ?? id;
}
