import { countries } from "./countries.ts";

/**
 * Structured evidence of the monitor: each sentence a signal or a note prints is a key plus values,
 * rendered in English (byte-identical to the `detail` strings) or Chinese by {@link evidenceText}.
 */

/** Languages the evidence is rendered in. */
export type EvidenceLang = "en" | "zh";

type V = Record<string, number | string | null>;

/** One evidence sentence: what it says (`key`) and the values it says it with. */
export interface Evidence {
  key: EvidenceKey;
  values: V;
}

const n = (v: number | string | null | undefined): string => String(v);
const f2 = (v: number | string | null | undefined): string =>
  typeof v === "number" ? v.toFixed(2) : String(v);
const signed = (v: number | string | null | undefined): string =>
  `${typeof v === "number" && v >= 0 ? "+" : ""}${n(v)}`;

/** Sentence templates: English (as the engine always printed them) and Chinese. */
const TEXT = {
  notComputable: {
    en: (v: V) => `not computable: ${n(v.reason)}`,
    zh: (v: V) => `无法计算：${reasonZh(String(v.reason))}`,
  },
  equityDrawdown: {
    en: (v: V) => `equity ${n(v.drawdown)}% from 5-year high (${n(v.source)}; threshold ${n(v.threshold)}%)`,
    zh: (v: V) => `股价较5年高点${n(v.drawdown)}%（${sourceZh(v.source)}；阈值${n(v.threshold)}%）`,
  },
  houseDrawdown: {
    en: (v: V) => `house prices ${n(v.drawdown)}% (${n(v.source)}; threshold ${n(v.threshold)}%)`,
    zh: (v: V) => `房价较5年高点${n(v.drawdown)}%（${sourceZh(v.source)}；阈值${n(v.threshold)}%）`,
  },
  equityNotComputable: {
    en: (v: V) => `equity not computable: ${n(v.reason)}`,
    zh: (v: V) => `股价无法计算：${reasonZh(String(v.reason))}`,
  },
  houseNotComputable: {
    en: (v: V) => `house prices not computable: ${n(v.reason)}`,
    zh: (v: V) => `房价无法计算：${reasonZh(String(v.reason))}`,
  },
  cpi: {
    en: (v: V) => `CPI ${n(v.inflation)}% y/y (${n(v.source)})`,
    zh: (v: V) => `CPI同比${n(v.inflation)}%（${sourceZh(v.source)}）`,
  },
  monetary: {
    en: (v: V) =>
      `short rate ${f2(v.rate)}% (${n(v.cut)} pp below 3-year high; near zero <= ${n(v.nearZero)}%, hard cut >= ${n(v.hardCut)} pp to <= ${n(v.lowRate)}%), ` +
      `private credit ${n(v.creditGrowth)}% y/y (${n(v.source)})`,
    zh: (v: V) =>
      `短期利率${f2(v.rate)}%（较3年高点低${n(v.cut)}个百分点；接近零：≤${n(v.nearZero)}%，大幅降息：≥${n(v.hardCut)}个百分点且降至≤${n(v.lowRate)}%），` +
      `私人信贷同比${n(v.creditGrowth)}%（${sourceZh(v.source)}）`,
  },
  slack: {
    en: (v: V) =>
      `unemployment ${n(v.unemployment)}% (>= ${n(v.margin)} pp above its ${n(v.years)}-year low ${n(v.low)}%: slack)`,
    zh: (v: V) =>
      `失业率${n(v.unemployment)}%（高于${n(v.years)}年低点${n(v.low)}%至少${n(v.margin)}个百分点：劳动力市场有闲置）`,
  },
  noSlack: {
    en: (v: V) =>
      `unemployment ${n(v.unemployment)}% (less than ${n(v.margin)} pp above its ${n(v.years)}-year low ${n(v.low)}%: no slack, so falling credit is not counted as balance-sheet repair)`,
    zh: (v: V) =>
      `失业率${n(v.unemployment)}%（高于${n(v.years)}年低点${n(v.low)}%不足${n(v.margin)}个百分点：劳动力市场无闲置，信贷收缩不计为资产负债表修复）`,
  },
  slackNotTested: {
    en: (v: V) => `labour-market slack not tested: ${n(v.reason)}`,
    zh: (v: V) => `劳动力市场闲置未检验：${reasonZh(String(v.reason))}`,
  },
  creditGrowth: {
    en: (v: V) => `private credit ${n(v.value)}% y/y`,
    zh: (v: V) => `私人信贷同比${n(v.value)}%`,
  },
  credit3y: {
    en: (v: V) => `nominal credit ${signed(v.change)}% over 3 years`,
    zh: (v: V) => `名义信贷3年变化${signed(v.change)}%`,
  },
  creditGdpChange: {
    en: (v: V) => `credit/GDP ${n(v.ratio)}% (${n(v.change)} pp over 3 years)`,
    zh: (v: V) => `信贷/GDP ${n(v.ratio)}%（3年变化${n(v.change)}个百分点）`,
  },
  corporateBalance: {
    en: (v: V) => `corporate net lending ${n(v.value)}% of GDP`,
    zh: (v: V) => `企业部门净借出占GDP ${n(v.value)}%`,
  },
  privateBalance: {
    en: (v: V) => `private sector ${n(v.value)}% of GDP`,
    zh: (v: V) => `私人部门净借出占GDP ${n(v.value)}%`,
  },
  creditGap: {
    en: (v: V) => `credit gap ${n(v.gap)} pp (${n(v.source)})`,
    zh: (v: V) => `信贷缺口${n(v.gap)}个百分点（${sourceZh(v.source)}）`,
  },
  cape: {
    en: (v: V) => `CAPE ${f2(v.cape)}`,
    zh: (v: V) => `周期调整市盈率（CAPE）${f2(v.cape)}`,
  },
  equityBoom: {
    en: (v: V) => `real equity ${n(v.change)}% over 3 years`,
    zh: (v: V) => `实际股价3年变化${n(v.change)}%`,
  },
  houseBoom: {
    en: (v: V) => `real house prices ${n(v.change)}% over 3 years`,
    zh: (v: V) => `实际房价3年变化${n(v.change)}%`,
  },
  jstCrisis: { en: () => "JST crisis start", zh: () => "JST危机开始" },
  lvEpisode: {
    en: (v: V) => `Laeven-Valencia ${n(v.start)}-${v.end === null ? "?" : n(v.end)}`,
    zh: (v: V) => `Laeven-Valencia危机${n(v.start)}–${v.end === null ? "?" : n(v.end)}年`,
  },
  rrSystemic: { en: () => "Reinhart-Rogoff systemic crisis", zh: () => "Reinhart-Rogoff系统性危机" },
  rrBankingOnly: {
    en: () => "Reinhart-Rogoff banking-crisis flag (not systemic)",
    zh: () => "Reinhart-Rogoff银行危机标记（非系统性）",
  },
  peakNpl: {
    en: (v: V) => `peak NPLs ${n(v.value)}% of loans`,
    zh: (v: V) => `不良贷款峰值占贷款${n(v.value)}%`,
  },
  fiscalCost: {
    en: (v: V) => `fiscal cost ${n(v.value)}% of GDP`,
    zh: (v: V) => `财政成本占GDP ${n(v.value)}%`,
  },
  noCrisis: {
    en: (v: V) => `no crisis in ${n(v.datings)}`,
    zh: (v: V) => `${reasonZh(String(v.datings)).replace(/^no dating$/, "无危机纪年")}均无危机`,
  },
  rateAbove: {
    en: (v: V) => `short rate ${f2(v.rate)}% (above ${n(v.nearZero)}%)`,
    zh: (v: V) => `短期利率${f2(v.rate)}%（高于${n(v.nearZero)}%）`,
  },
  trapYears: {
    en: (v: V) =>
      `short rate <= ${n(v.nearZero)}% for ${n(v.years)} consecutive year${Number(v.years) > 1 ? "s" : ""}`,
    zh: (v: V) => `短期利率连续${n(v.years)}年≤${n(v.nearZero)}%`,
  },
  primaryBalance: {
    en: (v: V) =>
      `primary balance ${n(v.balance)}% of GDP (${signed(v.change)} pp; tightening >= +${n(v.threshold)} pp)`,
    zh: (v: V) =>
      `基本财政余额占GDP ${n(v.balance)}%（变化${signed(v.change)}个百分点；紧缩阈值≥+${n(v.threshold)}个百分点）`,
  },
  // Notes of a year.
  fiscalTighteningNote: {
    en: (v: V) => `fiscal tightening: ${n(v.detail)}`,
    zh: (v: V) => `财政紧缩：${n(v.detailZh)}`,
  },
  relapse: { en: () => "relapse: asset prices collapse again", zh: () => "二次探底：资产价格再度崩溃" },
  relapseAfterTightening: {
    en: (v: V) =>
      `relapse after fiscal tightening: real GDP ${n(v.growth)}% after the previous year's tightening`,
    zh: (v: V) => `财政紧缩后再度衰退：上年紧缩后实际GDP ${n(v.growth)}%`,
  },
  realGdp: { en: (v: V) => `real GDP ${n(v.growth)}%`, zh: (v: V) => `实际GDP ${n(v.growth)}%` },
  // Verdict, boom mark and policy lag.
  capePeak: {
    en: (v: V) => `Shiller CAPE peak ${f2(v.cape)} in ${n(v.month)}`,
    zh: (v: V) => `Shiller周期调整市盈率（CAPE）峰值${f2(v.cape)}（${n(v.month)}）`,
  },
  gapPeak: {
    en: (v: V) => `credit-to-GDP gap peak ${n(v.gap)} pp in ${n(v.year)}`,
    zh: (v: V) => `信贷/GDP缺口峰值${n(v.gap)}个百分点（${n(v.year)}年）`,
  },
  fiscalExpansion: {
    en: (v: V) => `fiscal expansion in ${n(v.year)} (${n(v.lag)} years after the bust)`,
    zh: (v: V) => `${n(v.year)}年财政扩张（泡沫破裂后${n(v.lag)}年）`,
  },
  noFiscalExpansion: {
    en: (v: V) =>
      `no fiscal expansion (primary balance ${n(v.threshold)} pp below ${n(v.base)}%) by ${n(v.last)}`,
    zh: (v: V) => `至${n(v.last)}年无财政扩张（基本财政余额未低于${n(v.base)}%达${n(v.threshold)}个百分点）`,
  },
  fiscalNotComputable: {
    en: (v: V) => `fiscal expansion not computable: ${n(v.reason)}`,
    zh: (v: V) => `财政扩张无法计算：${reasonZh(String(v.reason))}`,
  },
  cleanup: {
    en: (v: V) => `banking crisis over in ${n(v.year)} (${n(v.lag)} years after the bust)`,
    zh: (v: V) => `银行危机于${n(v.year)}年结束（泡沫破裂后${n(v.lag)}年）`,
  },
  noCleanup: { en: () => "no banking-crisis end observed", zh: () => "未观察到银行危机结束" },
  noEpisodeCrisis: {
    en: (v: V) => `no systemic banking crisis in the episode (${n(v.from)}-${n(v.to)})`,
    zh: (v: V) => `本轮（${n(v.from)}–${n(v.to)}年）无系统性银行危机`,
  },
  // Why an episode is (not) a balance-sheet recession.
  bsrMarks: {
    en: (v: V) =>
      `asset collapse ${n(v.collapse)}; deleveraging ${n(v.deleveraging)}; monetary policy ineffective ${n(v.monetary)}; deflation ${n(v.deflation)}`,
    zh: (v: V) =>
      `资产价格崩溃${yearsZh(v.collapse)}；去杠杆${yearsZh(v.deleveraging)}；货币政策失效${yearsZh(v.monetary)}；通缩${yearsZh(v.deflation)}`,
  },
  untested: {
    en: (v: V) =>
      `${n(v.mark)}${v.part === null ? "" : ` (${n(v.part)})`} not tested in ${n(v.years)}: ${n(v.reason)}`,
    zh: (v: V) =>
      `${UNTESTED_NAMES[String(v.mark)] ?? n(v.mark)}${v.part === null ? "" : `（${UNTESTED_NAMES[String(v.part)] ?? n(v.part)}）`}在${String(v.years).replace(/, /g, "、")}年未能检验：${reasonZh(String(v.reason))}`,
  },
  noCollapse: { en: () => "no asset-price collapse", zh: () => "无资产价格崩溃" },
  deleveragingNotComputable: {
    en: (v: V) => `private deleveraging not computable (${n(v.reason)})`,
    zh: (v: V) => `私人部门去杠杆无法计算（${reasonZh(String(v.reason))}）`,
  },
  deleveragingYears: {
    en: (v: V) => `private deleveraging in ${n(v.years)} year(s) (< ${n(v.min)})`,
    zh: (v: V) => `私人部门去杠杆仅${n(v.years)}年（少于${n(v.min)}年）`,
  },
  monetaryDeflationNotComputable: {
    en: (v: V) =>
      `ineffective monetary policy and deflation not computable (${n(v.monetary)}; ${n(v.deflation)})`,
    zh: (v: V) =>
      `货币政策失效与通缩均无法计算（${reasonZh(String(v.monetary))}；${reasonZh(String(v.deflation))}）`,
  },
  neitherMonetaryNorDeflation: {
    en: (v: V) =>
      `neither ineffective monetary policy nor deflation${v.monetary === null ? "" : ` (monetary policy not computable: ${n(v.monetary)})`}`,
    zh: (v: V) =>
      `既无货币政策失效也无通缩${v.monetary === null ? "" : `（货币政策失效无法计算：${reasonZh(String(v.monetary))}）`}`,
  },
  lasted: {
    en: (v: V) => `lasted ${n(v.years)} year(s) (< ${n(v.min)})`,
    zh: (v: V) => `仅持续${n(v.years)}年（少于${n(v.min)}年）`,
  },
} satisfies Record<string, Record<EvidenceLang, (v: V) => string>>;

// "1990-2010 (21 yrs)" / "1990, 1991" / "none" as the engine lists years, in Chinese.
function yearsZh(v: number | string | null | undefined): string {
  const s = String(v);
  if (s === "none") return "无";
  const m = /^(\d{4})-(\d{4}) \((\d+) yrs\)$/.exec(s);
  return m ? `${m[1]}–${m[2]}年（共${m[3]}年）` : `${s.replace(/, /g, "、")}年`;
}

// Names of the marks and their inputs in Chinese (for the "not tested" sentences).
const UNTESTED_NAMES: Record<string, string> = {
  "asset-price-collapse": "资产价格崩溃",
  "private-deleveraging": "私人部门去杠杆",
  "monetary-ineffective": "货币政策失效",
  deflation: "通缩",
  "equity prices": "股价",
  "house prices": "房价",
  "labour-market slack": "劳动力市场闲置",
};

/** Keys of the evidence sentences. */
export type EvidenceKey = keyof typeof TEXT;

/** Builds an evidence item. */
export const ev = (key: EvidenceKey, values: V = {}): Evidence => ({ key, values });

/**
 * One evidence sentence in `lang`.
 * @example evidenceText({ key: "cpi", values: { inflation: -0.3, source: "JST R6 cpi, % y/y" } }, "zh") // "CPI同比-0.3%（JST R6 cpi，同比）"
 */
export function evidenceText(e: Evidence, lang: EvidenceLang): string {
  return TEXT[e.key][lang](e.values);
}

/** Several evidence sentences joined as the engine joins them ("; " / "；"). */
export function evidenceList(list: readonly Evidence[], lang: EvidenceLang): string {
  return list.map((e) => evidenceText(e, lang)).join(lang === "zh" ? "；" : "; ");
}

// Source labels: phrase by phrase, longest first; dataset names (JST R6, BIS WS_TC...) stay.
const SOURCE_ZH: [RegExp, string][] = [
  [/ rgdpbarro x pop \(total real GDP\)/g, " rgdpbarro 乘 pop（实际GDP总量）"],
  [/ rgdpbarro \(real GDP per capita\)/g, " rgdpbarro（人均实际GDP）"],
  [/, Q4 4-quarter average/g, "，第四季度4季移动平均"],
  [/one-sided HP lambda (\d+(?:,\d{3})*(?:\.\d+)?)/g, "单边HP滤波（lambda $1）"],
  [/, real, 3-year change/g, "，实际值3年变化"],
  [/ real, 3-year change/g, "实际值，3年变化"],
  [/, cumulated annual index/g, "，年度累积指数"],
  [/private credit \(national currency\), Q4 % y\/y/g, "私人信贷（本币），第四季度同比"],
  [/, monthly average/g, "，月均值"],
  [/, highest month/g, "，年内最高月份"],
  [/, monthly/g, "，月度"],
  [/, quarterly/g, "，季度"],
  [/ nominal/g, "名义值"],
  [/, annual/g, "，年度"],
  [/, Q4/g, "，第四季度"],
  [/, % y\/y/g, "，同比"],
  [/, real GDP growth/g, "，实际GDP增速"],
  [/sectoral balances \(/g, "部门金融收支（"],
  [/Shiller S&P composite/g, "Shiller标普综合指数"],
  [/Nikkei 225/g, "日经225"],
  [/Reinhart-Rogoff inflation, %/g, "Reinhart-Rogoff通胀率，%"],
  [/BIS ratio/g, "BIS信贷/GDP比率"],
  [/ ratio \(vintage ([^)]*)\)/g, "比率（版本$1）"],
  [/ ratio/g, "比率"],
  [/, /g, "，"],
];

/** A source label in Chinese (phrases translated; dataset and variable names kept). */
export function sourceZh(source: number | string | null | undefined): string {
  let s = String(source);
  for (const [re, to] of SOURCE_ZH) s = s.replace(re, to);
  return s;
}

// "not computable" reasons: the common phrases.
const REASON_ZH: [RegExp, string][] = [
  [/dataset (\S+) not installed \((data\/[^)]*)\)/g, "数据集$1未安装（$2）"],
  [
    /no short-term rate for (\d{4}) \(JST stir covers 18 countries\)/g,
    "$1年无短期利率（JST stir仅覆盖18个国家）",
  ],
  [/no short-term rate for (\d{4})/g, "$1年无短期利率"],
  [/no short-term rate \(JST stir covers 18 countries\)/g, "无短期利率（JST stir仅覆盖18个国家）"],
  [/no short-term rate/g, "无短期利率"],
  [/no private credit growth for (\d{4})/g, "$1年无私人信贷增速"],
  [/no private credit or sectoral balances for (\d{4})/g, "$1年无私人信贷或部门金融收支数据"],
  [/no equity or house prices for (\d{4})/g, "$1年无股价或房价数据"],
  [/no equity prices for (\d{4})/g, "$1年无股价数据"],
  [/no house prices for (\d{4})/g, "$1年无房价数据"],
  [
    /no equity price series for (.+?) in the data \(JST eq_capgain covers 18 countries, Shiller the US, Nikkei Japan; import one with bslab import\)/g,
    "数据中无$1的股价序列（JST eq_capgain仅覆盖18个国家，Shiller覆盖美国，日经指数覆盖日本；可用bslab import导入）",
  ],
  [
    /no house price series for (.+?) in the data \(JST hpnom covers 18 countries, BIS WS_SPP about 60 economies\)/g,
    "数据中无$1的房价序列（JST hpnom仅覆盖18个国家，BIS WS_SPP约覆盖60个经济体）",
  ],
  [/no CPI for (\d{4})/g, "$1年无CPI"],
  [/no unemployment rate for (\d{4})/g, "$1年无失业率数据"],
  [/no unemployment rate in the (\d+) years before (\d{4})/g, "$2年之前$1年无失业率数据"],
  [/no unemployment rate/g, "无失业率数据"],
  [/no private credit growth/g, "无私人信贷增速"],
  [/no CPI/g, "无CPI"],
  [/no credit gap or asset valuations for (\d{4})/g, "$1年无信贷缺口或资产估值数据"],
  [/no primary balance for (\d{4})-(\d{4}) \(IMF PFMH\)/g, "$1–$2年无基本财政余额（IMF PFMH）"],
  [/no primary balance before the bust/g, "泡沫破裂前无基本财政余额"],
  [/no crisis dating covers (\d{4})/g, "无危机纪年覆盖$1年"],
  [/; /g, "；"],
];

/** A not-computable reason in Chinese (known phrases; anything else stays as it is). */
export function reasonZh(reason: string): string {
  let s = reason;
  for (const [re, to] of REASON_ZH) s = s.replace(re, to);
  // Country names inside a reason ("no equity price series for Korea"): their Chinese names.
  return s.replace(/数据中无(.+?)的(股价|房价)序列/g, (_m, name: string, what: string) => {
    const c = countries().find((x) => x.name === name);
    return `数据中无${c?.nameZh ?? name}的${what}序列`;
  });
}

/** A country's name in `lang` (from data/country-codes; the English name when no Chinese one is known). */
export function countryName(c: { iso2: string; name: string }, lang: EvidenceLang): string {
  if (lang !== "zh") return c.name;
  return countries().find((x) => x.iso2 === c.iso2)?.nameZh ?? c.name;
}

/** Names of the depth measures of an episode in Chinese. */
export const DEPTH_ZH: Record<string, string> = {
  equityDrawdownPct: "股价最大回撤，%",
  houseDrawdownPct: "房价最大回撤，%",
  creditGdpChangePp: "信贷/GDP较危机前高点变化，百分点",
  privateBalanceSwingPp: "私人部门金融收支摆动，百分点",
  realGdpPeakToTroughPct: "实际GDP峰谷跌幅，%",
};
