/**
 * A time series as bslab stores it: tidy observations with their unit, scale and source.
 * Series ids follow DBnomics' `provider/dataset/code` form (e.g. `BIS/WS_CREDIT_GAP/Q.US.P.A.C`)
 * so ids can be pasted between the two.
 */
export type Frequency = "A" | "Q" | "M" | "W" | "D";

export interface SeriesMeta {
  /** `provider/dataset/code`, unique in the store. */
  id: string;
  /** Country or entity code the series belongs to (ISO 3166 alpha-2/3 or a bslab entity id). */
  entity: string;
  /** Short name as the publisher gives it. */
  name: string;
  frequency: Frequency;
  /** Unit as published, e.g. "% of GDP", "USD", "CNY", "index 2010=100". */
  unit: string;
  /** Power of ten the values are scaled by (6 = millions, 8 = 亿). */
  scale: number;
  /** Dataset key (a folder of data/ or an import's name) and the file the values came from. */
  dataset: string;
  file: string;
  /** Retrieval or publication vintage, ISO date or free text such as "2021-Q3". */
  vintage: string;
}

export interface Observation {
  /** ISO period: `2013`, `2013-Q4`, `2013-12`, `2013-12-25`. */
  date: string;
  value: number;
}

export interface Series extends SeriesMeta {
  observations: Observation[];
}

/**
 * Sort key of a vintage. Vintages order as text (`2026-05-01` after `2025-12-31`); stores loaded
 * before 0.1.1 hold the bundled BIS series under "BIS download of 2026 (...)", which would sort
 * after every ISO date, so that prefix is dropped.
 */
export const vintageKey = (vintage: string): string => vintage.replace(/^BIS download of /, "");
