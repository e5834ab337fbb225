import { defineMessages, textBuilders } from "../i18n/define.ts";
import type { Text } from "../i18n/lang.ts";

const list = (xs: readonly string[]) => xs.join(", ");

const KIND_PLURAL: Readonly<Record<string, Text>> = {
  "central-bank": { en: "central banks", zh: "中央银行" },
  "other-depository-corporations": { en: "depository corporations", zh: "存款性公司" },
  sector: { en: "sectors", zh: "部门" },
  country: { en: "countries", zh: "国家" },
};
const kinds = (byKind: ReadonlyMap<string, readonly string[]>, lang: "en" | "zh") =>
  [...byKind]
    .map(([kind, ids]) => `${KIND_PLURAL[kind]?.[lang] ?? kind}${lang === "zh" ? "：" : ": "}${list(ids)}`)
    .join(lang === "zh" ? "；" : "; ");

/**
 * Messages of the indicator engine in both languages (catalogue domain `indicators`): the text of
 * every error and note is written here once. Labels of inputs arrive in both languages.
 */
export const INDICATOR_MESSAGES = defineMessages({
  zero: { en: (what: Text) => `${what.en} is zero`, zh: (what: Text) => `${what.zh}为零` },
  notFinite: {
    en: (id: string) => `${id} gave a non-finite value (overflow)`,
    zh: (id: string) => `${id} 的结果不是有限数（溢出）`,
  },
  notComputable: {
    en: (why: Text) => `not computable: ${why.en}`,
    zh: (why: Text) => `无法计算：${why.zh}`,
  },
  absentInPartial: {
    en: (what: Text, entity: string, date: string, coverage: Text) =>
      `${what.en}: not in the bundled data for ${entity} ${date} (${coverage.en})`,
    zh: (what: Text, entity: string, date: string, coverage: Text) =>
      `${what.zh}：内置数据中没有 ${entity} ${date} 的该项（${coverage.zh}）`,
  },
  coverage: {
    en: (ids: readonly string[], annualAverage: boolean) =>
      `FRED totals only: ${list(ids)}${annualAverage ? "; annual average, not end of year" : ""}`,
    zh: (ids: readonly string[], annualAverage: boolean) =>
      `仅有 FRED 总额：${list(ids)}${annualAverage ? "；为年平均值，非年末值" : ""}`,
  },
  noTotal: {
    en: (what: Text, entity: string, date: string) =>
      `no ${what.en} in the bundled data for ${entity} ${date}`,
    zh: (what: Text, entity: string, date: string) => `内置数据中没有 ${entity} ${date} 的${what.zh}`,
  },
  sumOfItems: {
    en: (what: Text) => `${what.en} (sum of items)`,
    zh: (what: Text) => `${what.zh}（分项合计）`,
  },
  noSheetData: {
    en: (what: Text) => `${what.en} needs a balance sheet, and this input has none`,
    zh: (what: Text) => `${what.zh}需要资产负债表，而此输入没有`,
  },
  noPeerSheet: {
    en: (what: Text, sector: string, entity: string, date: string) =>
      `${what.en}: no ${sector} balance sheet of the same economy as ${entity} at ${date} in the bundled data`,
    zh: (what: Text, sector: string, entity: string, date: string) =>
      `${what.zh}：内置数据中没有与 ${entity} 同一经济体 ${date} 的 ${sector} 部门资产负债表`,
  },
  peerUnit: {
    en: (what: Text, peer: string, peerUnit: Text, own: Text) =>
      `${what.en}: the ${peer} sheet is in ${peerUnit.en} and the input's in ${own.en} (convert one to the other's unit first)`,
    zh: (what: Text, peer: string, peerUnit: Text, own: Text) =>
      `${what.zh}：${peer} 报表单位为${peerUnit.zh}，而输入单位为${own.zh}（请先换算为同一单位）`,
  },
  noVariable: {
    en: (what: Text, name: string) => `no ${what.en} (${name}) in the bundled data`,
    zh: (what: Text, name: string) => `内置数据中没有${what.zh}（${name}）`,
  },
  maturityUnknown: {
    en: (side: string, pct: string, items: readonly string[]) =>
      `maturity unknown for ${pct} of ${side === "asset" ? "assets" : side === "liability" ? "liabilities" : side} (${list(items)}); the study does not assess maturity without it`,
    zh: (side: string, pct: string, items: readonly string[]) =>
      `${side === "asset" ? "资产" : side === "liability" ? "负债" : side}中 ${pct} 的期限未知（${list(items)}）；缺少期限信息时原文不评估期限错配`,
  },
  dimensionUnknownAll: {
    en: (what: Text, dimension: string, items: readonly string[]) =>
      `${what.en}: no line says its ${dimension} (${list(items.slice(0, 6))}${items.length > 6 ? ", ..." : ""}); import the statement with that column (interest_bearing, currency)`,
    zh: (what: Text, dimension: string, items: readonly string[]) =>
      `${what.zh}：没有项目注明${dimension === "interest bearing" ? "是否付息" : "币种（本币或外币）"}（${list(items.slice(0, 6))}${items.length > 6 ? "等" : ""}）；请导入带该列（interest_bearing、currency）的报表`,
  },
  nearestDate: {
    en: (asked: string, used: string) =>
      `no sheet in ${asked}: computed at ${used}, the nearest bundled date`,
    zh: (asked: string, used: string) => `${asked} 没有报表：按最近的内置日期 ${used} 计算`,
  },
  unknownDimension: {
    en: (items: readonly string[]) => `left out, dimension unknown: ${list(items)}`,
    zh: (items: readonly string[]) => `维度未知，未计入：${list(items)}`,
  },
  duplicateId: {
    en: (id: string) => `duplicate indicator id: ${JSON.stringify(id)} (each id is defined once)`,
    zh: (id: string) => `指标 id 重复：${JSON.stringify(id)}（每个 id 只能定义一次）`,
  },
  reservedId: {
    en: (id: string) =>
      `invalid indicator id: ${JSON.stringify(id)} (expected <level>.<snake_case name>, e.g. cb.fx_assets_share)`,
    zh: (id: string) =>
      `指标 id 无效：${JSON.stringify(id)}（应为 <层级>.<snake_case 名称>，如 cb.fx_assets_share）`,
  },
  unknownId: {
    en: (id: string, near: readonly string[]) =>
      `unknown indicator id: ${JSON.stringify(id)}` +
      (near.length ? ` (did you mean ${list(near)}?)` : " (run `bslab indicators ENTITY DATE` to list them)"),
    zh: (id: string, near: readonly string[]) =>
      `未知指标 id：${JSON.stringify(id)}` +
      (near.length ? `（是否指 ${list(near)}？）` : "（运行 `bslab indicators ENTITY DATE` 查看列表）"),
  },
  badDate: {
    en: (value: string) =>
      `invalid date: ${JSON.stringify(value)} (expected YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2013-12)`,
    zh: (value: string) =>
      `日期无效：${JSON.stringify(value)}（应为 YYYY、YYYY-MM 或 YYYY-MM-DD，如 2013-12）`,
  },
  badRange: {
    en: (from: string, to: string) => `invalid range: --from ${from} is after --to ${to}`,
    zh: (from: string, to: string) => `区间无效：--from ${from} 晚于 --to ${to}`,
  },
  /** `byKind`: the store's entity ids by kind (`central-bank`, ..., or "kind not set"). */
  unknownEntity: {
    en: (id: string, byKind: ReadonlyMap<string, readonly string[]>) =>
      `unknown entity: ${JSON.stringify(id)} (${kinds(byKind, "en")}; or an External Wealth of Nations country name such as China)`,
    zh: (id: string, byKind: ReadonlyMap<string, readonly string[]>) =>
      `未知主体：${JSON.stringify(id)}（${kinds(byKind, "zh")}；或 External Wealth of Nations 的国家英文名，如 China）`,
  },
  notCentralBank: {
    en: (id: string, centralBanks: readonly string[]) =>
      `compare takes central banks (${list(centralBanks)}; import another with --entity-kind central-bank); got ${JSON.stringify(id)}`,
    zh: (id: string, centralBanks: readonly string[]) =>
      `compare 只比较中央银行（${list(centralBanks)}；其他中央银行请用 --entity-kind central-bank 导入）；收到 ${JSON.stringify(id)}`,
  },
  noData: {
    en: (entity: string, date: string, available: string) =>
      `no data for ${entity} at ${date} (available: ${available})`,
    zh: (entity: string, date: string, available: string) =>
      `没有 ${entity} 在 ${date} 的数据（现有：${available}）`,
  },
  noRange: {
    en: (entity: string, from: string, to: string) => `no data for ${entity} between ${from} and ${to}`,
    zh: (entity: string, from: string, to: string) => `${from} 至 ${to} 之间没有 ${entity} 的数据`,
  },
  studyNotComputable: {
    en: (why: string, study: string) => `not computable: ${why}; study reports ${study}`,
    zh: (why: string, study: string) => `无法计算：${why}；原文数值 ${study}`,
  },
  studyReports: {
    en: (note: string, study: string) => `${note}; study reports ${study}`,
    zh: (note: string, study: string) => `${note}；原文数值 ${study}`,
  },
  textFigSheet: {
    en: (date: string) => `the PBoC's monetary-authority balance sheet at ${date}`,
    zh: (date: string) => `中国人民银行 ${date} 的货币当局资产负债表`,
  },
  textFigSheetHow: {
    en: (year: string) =>
      `bslab import the PBoC's 货币当局资产负债表 workbook of ${year} (monetary_authority_bs_${year}.xls, bundled in data/pboc-monetary-authority)`,
    zh: (year: string) =>
      `用 bslab import 导入 ${year} 年的货币当局资产负债表（monetary_authority_bs_${year}.xls，已随附于 data/pboc-monetary-authority）`,
  },
  textFigSeries: {
    en: (name: Text, year: string) => `SAFE's ${name.en} for ${year}`,
    zh: (name: Text, year: string) => `国家外汇管理局 ${year} 年的${name.zh}`,
  },
  textFigSeriesHow: {
    en: () => "bslab import SAFE's China external-debt table (bundled dataset china-external-debt)",
    zh: () => "用 bslab import 导入国家外汇管理局的中国外债数据表（随附数据集 china-external-debt）",
  },
  textFigName: {
    en: (k: "shortTermDebt" | "totalDebt" | "reserves") =>
      ({
        shortTermDebt: "short-term external debt",
        totalDebt: "total external debt",
        reserves: "FX reserves",
      })[k],
    zh: (k: "shortTermDebt" | "totalDebt" | "reserves") =>
      ({ shortTermDebt: "短期外债", totalDebt: "外债总额", reserves: "外汇储备" })[k],
  },
  textFigObs: {
    en: (name: Text, year: string, unit: string, scale: number) => `${year} ${name.en} (${unit} 1e${scale})`,
    zh: (name: Text, year: string, unit: string, scale: number) =>
      `${year} 年${name.zh}（${scale === 8 ? `亿${unit === "USD" ? "美元" : unit}` : `${unit} 1e${scale}`}）`,
  },
  textFigGrowthAll: {
    en: () => "PBoC net foreign-currency position growth 2002-12 to 2013-12 (all foreign assets)",
    zh: () => "中国人民银行净外币头寸2002年末至2013年末增长倍数（全部国外资产）",
  },
  textFigGrowthFx: {
    en: () => "PBoC net foreign-currency position growth 2002-12 to 2013-12 (foreign exchange only)",
    zh: () => "中国人民银行净外币头寸2002年末至2013年末增长倍数（仅外汇）",
  },
  textFigFxOnly: {
    en: () =>
      "nets foreign exchange only, as cb.net_fx_position does; the study's 10.8x nets all foreign assets (with monetary gold and other foreign assets)",
    zh: () =>
      "仅以外汇减国外负债（与 cb.net_fx_position 相同）；原文的10.8倍以全部国外资产（含货币黄金和其他国外资产）计算",
  },
  textFigDebtToReserves: {
    en: () => "China short-term external debt / FX reserves, 2013",
    zh: () => "2013年中国短期外债与外汇储备之比",
  },
  textFigShortShare: {
    en: () => "China short-term share of external debt, 2013",
    zh: () => "2013年中国短期外债占外债总额的比重",
  },
  textFigShareRise: {
    en: () => "rise of China's short-term share of external debt, 2002 to 2013",
    zh: () => "2002年至2013年中国短期外债占比的上升幅度",
  },
  textFigRiseDiscrepancy: {
    en: (got: string, printed: string) =>
      `discrepancy of the study: SAFE's figures give +${got} pp, the study prints +${printed} pp`,
    zh: (got: string, printed: string) =>
      `原文有误：按国家外汇管理局数据为上升${got}个百分点，原文为${printed}个百分点`,
  },
});

/** The builders of {@link INDICATOR_MESSAGES}, each giving both languages. */
export const indicatorMessages = textBuilders(INDICATOR_MESSAGES);
