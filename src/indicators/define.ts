import type { SectorCode } from "../model/sectors.ts";
import type { Citation, IndicatorDef, Reading, Selector, Term, Text } from "./types.ts";

/**
 * Building blocks shared by the definitions in defs/: the study's citation, the common terms and
 * selectors, and reading builders. A definition file stays a plain object literal.
 */

/** Peng Zhenjiang and Xie Yunfeng (2014), the seed study; `whereZh` is `where` in Chinese. */
export const PENG_XIE = (where: string, whereZh: string): Citation => ({
  author: "Peng Zhenjiang, Xie Yunfeng",
  year: 2014,
  where: `Regional Financial Research 2014 no. 10, ${where}`,
  zh: { author: "彭振江、谢云峰", where: `《区域金融研究》2014年第10期，${whereZh}` },
});

/** Allen, Rosenberg, Keller, Setser and Roubini (2002), IMF WP/02/210, as the seed reads it. */
export const ALLEN_2002 = (where: string, whereZh: string): Citation => ({
  author: "Allen, Rosenberg, Keller, Setser, Roubini",
  year: 2002,
  where: `IMF Working Paper WP/02/210, ${where}`,
  via: "Peng and Xie (2014), section 2",
  zh: {
    author: "Allen、Rosenberg、Keller、Setser、Roubini",
    where: `IMF工作论文 WP/02/210，${whereZh}`,
    via: "彭振江、谢云峰（2014）第2节",
  },
});

/** Eichengreen, Hausmann and Panizza, original-sin measures, via the seed's Table 1. */
export const EHP = (year: number, where: string, whereZh: string): Citation => ({
  author: "Eichengreen, Hausmann, Panizza",
  year,
  where,
  via: "Peng and Xie (2014), Table 1",
  zh: { author: "Eichengreen、Hausmann、Panizza", where: whereZh, via: "彭振江、谢云峰（2014）表1" },
});

export const TOTAL_ASSETS: Term = {
  kind: "total",
  side: "asset",
  label: { en: "total assets", zh: "总资产" },
};

export const TOTAL_LIABILITIES: Term = {
  kind: "total",
  side: "liability-and-equity",
  label: { en: "total liabilities (incl. own capital)", zh: "总负债（含自有资金）" },
};

/**
 * Foreign exchange: foreign-currency deposits and securities held (AF.2/AF.3, foreign). Monetary
 * gold (AF.11) and SDR/IMF positions (AF.12) are left out, as the study's "外汇" line leaves them out.
 */
export const FX_ASSETS: Selector = { side: "asset", foreign: true, instrument: ["AF.2", "AF.3"] };

/** Every foreign-currency liability. */
export const FOREIGN_LIABILITIES: Selector = { side: "liability", foreign: true };

export const pos = (select: Selector, en: string, zh: string): Term => ({
  kind: "positions",
  select,
  label: { en, zh },
});

/** A sheet term read from the same economy's `sector` sheet at the same date (see {@link Term}). */
export const of = (sector: SectorCode, term: Term): Term =>
  term.kind === "variable" ? term : { ...term, of: sector };

/** Other depository corporations (MFSM; SNA S.122): the banks beside a central bank. */
export const ODC: SectorCode = "S.122";

export const variable = (name: string, en: string, zh: string): Term => ({
  kind: "variable",
  name,
  label: { en, zh },
});

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** Reading of a ratio against a "> limit: risk" threshold. */
export function aboveIsRisk(limit: number, risk: Text, ok: Text): (v: number) => Reading {
  return (v) => (v > limit ? { signal: "risk", text: risk } : { signal: "ok", text: ok });
}

/** Reading of a share: at or above `risk` is risk, at or above `watch` is watch. */
export function shareLevels(watch: number, risk: number, what: Text): (v: number) => Reading {
  return (v) => {
    if (v >= risk)
      return {
        signal: "risk",
        text: {
          en: `${what.en} ${pct(v)} >= ${pct(risk)}: high`,
          zh: `${what.zh}${pct(v)}，不低于${pct(risk)}：偏高`,
        },
      };
    if (v >= watch)
      return {
        signal: "watch",
        text: {
          en: `${what.en} ${pct(v)} >= ${pct(watch)}: notable`,
          zh: `${what.zh}${pct(v)}，不低于${pct(watch)}：值得关注`,
        },
      };
    return { signal: "ok", text: { en: `${what.en} ${pct(v)}: small`, zh: `${what.zh}${pct(v)}：较小` } };
  };
}

/** A descriptive reading: no threshold, the share is reported for the structure it shows. */
export function info(what: Text): (v: number) => Reading {
  return (v) => ({ signal: "info", text: { en: `${what.en} ${pct(v)}`, zh: `${what.zh}${pct(v)}` } });
}

/** Sign reading of a net foreign-currency position or a signed composite measure. */
export function creditorDebtor(v: number): Reading {
  if (v > 0)
    return {
      signal: "watch",
      text: {
        en: "> 0: creditor-type currency mismatch (appreciation causes book losses)",
        zh: "> 0：债权型货币错配（本币升值造成账面损失）",
      },
    };
  if (v < 0)
    return {
      signal: "risk",
      text: {
        en: "< 0: debtor-type currency mismatch (depreciation hurts)",
        zh: "< 0：债务型货币错配（本币贬值造成损失）",
      },
    };
  return { signal: "ok", text: { en: "0: no net foreign-currency position", zh: "0：无净外币头寸" } };
}

/**
 * A central bank's asset-side maturity structure (the study's section 4.2): one kind of asset as a
 * share of total assets. The study gives no numeric threshold; the share is read only where the
 * maturity of at least 90% of assets is known.
 */
export function assetMaturityShare(
  d: Pick<IndicatorDef, "id" | "name" | "read" | "citation" | "note"> & { part: Term },
): IndicatorDef {
  return {
    id: d.id,
    type: "maturity",
    level: "central-bank",
    name: d.name,
    formula: "part / total_assets",
    terms: { part: d.part, total_assets: TOTAL_ASSETS },
    evaluate: (v, h) => h.div(v.part!, v.total_assets!, "total assets"),
    unit: "fraction",
    threshold: {
      en: "long-term assets funded by short-term liabilities signal maturity mismatch (no numeric threshold in the study)",
      zh: "以短期负债支持长期资产即为期限错配（研究未给出数值门槛）",
    },
    read: d.read,
    citation: d.citation,
    maturityCoverage: 0.9,
    ...(d.note ? { note: d.note } : {}),
  };
}
