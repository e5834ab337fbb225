import { aboveIsRisk, ALLEN_2002, variable } from "../define.ts";
import type { IndicatorDef } from "../types.ts";

/** Net external debt stock / net FDI stock (inward minus outward), the country-level capital structure. */
export const def: IndicatorDef = {
  id: "country.net_external_debt_to_net_fdi",
  type: "capital-structure",
  level: "country",
  name: { en: "Net external debt / net FDI stock", zh: "净外债/净外商直接投资存量" },
  formula: "(debt_liabilities - debt_assets - fx_reserves) / (fdi_liabilities - fdi_assets)",
  terms: {
    debt_liabilities: variable("debt_liabilities", "external debt liabilities", "对外债务负债"),
    debt_assets: variable("debt_assets", "external debt assets (excl. reserves)", "对外债务资产（不含储备）"),
    fx_reserves: variable("fx_reserves", "FX reserves minus gold", "外汇储备（不含黄金）"),
    fdi_liabilities: variable("fdi_liabilities", "inward FDI stock", "外商直接投资存量"),
    fdi_assets: variable("fdi_assets", "outward FDI stock", "对外直接投资存量"),
  },
  evaluate: (v, h) => {
    const netFdi = v.fdi_liabilities! - v.fdi_assets!;
    // A net outward investor has no inward equity buffer: the ratio's reading does not apply.
    if (netFdi <= 0) return h.div(0, 0, "net FDI stock (inward minus outward) is not positive, so");
    return h.div(v.debt_liabilities! - v.debt_assets! - v.fx_reserves!, netFdi, "net FDI stock");
  },
  unit: "ratio",
  threshold: { en: "> 1: capital-structure mismatch risk", zh: "> 1：存在资本结构错配风险" },
  read: aboveIsRisk(
    1,
    { en: "> 1: net debt exceeds the net equity buffer", zh: "> 1：净债务超过净股权缓冲" },
    { en: "<= 1: net FDI covers net external debt", zh: "<= 1：净外商直接投资覆盖净外债" },
  ),
  citation: ALLEN_2002("capital-structure mismatch, country level", "资本结构错配，国家层面"),
  note: {
    en: "Allen et al.'s exact netting is not pinned down: here net external debt = debt liabilities - debt assets - FX reserves (reserves are debt-type claims), all from the External Wealth of Nations (portfolio debt + other investment). Negative = net external creditor. Not computable when outward FDI exceeds inward FDI.",
    zh: "Allen等的净额口径未能确认：此处净外债 = 债务负债 - 债务资产 - 外汇储备（储备属债权类资产），数据取自EWN（证券债务+其他投资）。负值表示对外净债权。对外直接投资超过外商直接投资时无法计算。",
  },
};
