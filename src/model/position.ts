import type { InstrumentCode } from "./instruments.ts";
import type { SectorCode } from "./sectors.ts";

export type Side = "asset" | "liability" | "equity";

/**
 * How a line enters the sheet's sums. `item` lines add up to the totals; a `subtotal` is the sum of
 * the items whose `parent` it is; a `total` closes a side; a `memo` line ("of which", an old
 * sub-split) is kept for reference and never added.
 */
export type LineKind = "item" | "subtotal" | "total" | "memo";

/** Short-term = original maturity of one year or less (SNA/BPM6), unless `maturityBasis` says remaining. */
export type Maturity = "short" | "long" | "unknown";

export interface SourceRef {
  dataset: string;
  file: string;
  /** 1-based row in the file (or sheet) the value was read from. */
  row: number;
  column?: string;
  sheet?: string;
  /** The publisher's page or API address the value was read from, where the file names one per line. */
  url?: string;
}

export interface Position {
  /** Stable key of the line within its publisher's layout, e.g. `foreign_exchange`. */
  item: string;
  /** The publisher's own label as printed, and its code where it has one. */
  label: { zh?: string; en?: string };
  code?: string;
  side: Side;
  kind: LineKind;
  /** The subtotal this line is part of, when it is one. */
  parent?: string;
  instrument?: InstrumentCode;
  /** ISO 4217 code, `XAU` for gold; null when the publisher does not say. */
  currency: string | null;
  /** Foreign relative to the entity's home currency; null when unknown. */
  foreign: boolean | null;
  maturity: Maturity;
  maturityBasis: "original" | "remaining";
  /** Counterparty sectors where known (the PBoC's "non-financial sector" is S.11 + S.14 + S.15). */
  counterparty: SectorCode[];
  interestBearing: boolean | null;
  /**
   * True when the principal is indexed to inflation (TIPS and their inflation compensation); absent
   * when the line does not say, which reads as nominal: publishers print indexed bonds as own lines.
   */
  inflationIndexed?: boolean;
  value: number;
  source: SourceRef;
}
