/**
 * Figures the seed note prints that the data cannot reproduce: each is shown beside a diagnosis
 * whose window covers it, with why it is not computable (the study's printed figure stays a
 * "study" column; nothing is estimated in its place).
 */

/** A study figure with why the workbench cannot compute it. */
export interface StudyFigure {
  /** BIS two-letter code of the country. */
  country: string;
  /** Years the figure covers. */
  from: number;
  to: number;
  item: { en: string; zh: string };
  /** The study's printed figures. */
  study: { en: string; zh: string };
  reason: { en: string; zh: string };
  citation: string;
}

const JIN_YI = 'Jin Yi, "How does a balance-sheet recession happen?" (research note; seed 000)';

/** The seed note's US figures of 1928-1940 that no bundled series reproduces. */
export const STUDY_FIGURES: readonly StudyFigure[] = [
  {
    country: "US",
    from: 1930,
    to: 1940,
    item: { en: "sector net debt 1930-1940", zh: "1930–1940年部门净负债" },
    study: {
      en: "corporate net debt 89.3 -> 75.6 bn USD; household net debt 71.8 -> 53.0 bn USD",
      zh: "企业部门净负债893亿美元降至756亿美元；居民部门净负债718亿美元降至530亿美元",
    },
    reason: {
      en: "no US sector debt stocks before 1945 in the data (the sectoral balances start in 1970 and are flows; the Fed's financial accounts Z.1 start in 1945); JST tloans (bank loans) is the credit series used",
      zh: "数据中无1945年前美国部门债务存量（部门金融收支自1970年起且为流量；美联储金融账户Z.1自1945年起）；所用信贷序列为JST tloans（银行贷款）",
    },
    citation: JIN_YI,
  },
  {
    country: "US",
    from: 1928,
    to: 1929,
    item: { en: "Fed discount rate 1928-1929", zh: "1928–1929年美联储贴现率" },
    study: {
      en: "3.5% (second half of 1928) -> 6% (September 1929), later a record low of 1.5%",
      zh: "由3.5%（1928年下半年）升至6%（1929年9月），其后降至1.5%的历史低位",
    },
    reason: {
      en: "the bundled FRED discount rate (INTDSRUSM193N) starts in 1950-01; the short rate used is JST stir",
      zh: "所附FRED贴现率（INTDSRUSM193N）自1950年1月起；所用短期利率为JST stir",
    },
    citation: JIN_YI,
  },
];

/**
 * The study figures of a country whose years overlap `from`..`to`.
 * @example studyFiguresFor("US", 1925, 1945).length // 2
 */
export function studyFiguresFor(country: string, from: number, to: number): StudyFigure[] {
  return STUDY_FIGURES.filter((f) => f.country === country && f.to >= from && f.from <= to);
}
