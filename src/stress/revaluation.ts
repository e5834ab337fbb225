/**
 * Exchange-rate revaluation stress of a central bank (Peng and Xie 2014, section 3.1: the RMB rose
 * more than 30% after July 2005 and the PBoC's FX assets lost book value). Pure functions of the
 * figures handed to them; src/stress/load.ts reads those from the store.
 *
 * Convention: an appreciation of the domestic currency by x means the domestic price of one unit of
 * foreign currency falls by x (CNY per USD from 6.10 to 5.49 for x = 10%), so the book value of a
 * net foreign-currency position N falls by x * N. (Measured the other way, USD per CNY rising by
 * x', the same move is x' = x / (1 - x).)
 */

/** A central bank's position at one date, in its own unit. */
export interface RevaluationPosition {
  /** Foreign-currency assets minus foreign-currency liabilities. */
  netForeign: number;
  /** Foreign-currency assets alone (the study's FX assets, for the record). */
  foreignAssets: number;
  /** Own capital: the equity lines of the sheet. */
  equity: number;
}

/** One step of a stress path. */
export interface StressStep {
  /** This step's appreciation (0.1 = 10%). */
  appreciation: number;
  /** Cumulative fall of the domestic price of foreign currency since the start. */
  cumulative: number;
  /** Book loss of this step, on the position left after the earlier steps. */
  loss: number;
  cumulativeLoss: number;
  /** Cumulative loss / own capital (119.3 = 119 times the capital). */
  lossToEquity: number | null;
  /** Own capital after the cumulative loss (negative: the loss exceeds it). */
  equityAfter: number;
}

export interface StressResult {
  position: RevaluationPosition;
  steps: StressStep[];
  /** Total book loss over the path. */
  loss: number;
  lossToEquity: number | null;
  /** The appreciation at which the loss equals own capital: equity / net FC position (null if not a creditor). */
  breakEven: number | null;
}

/** Throws RangeError unless every step is a finite appreciation in (-1, 1). */
function checkPath(path: readonly number[]): void {
  if (path.length === 0) throw new RangeError("an appreciation path needs at least one step");
  for (const x of path)
    if (!Number.isFinite(x) || x <= -1 || x >= 1)
      throw new RangeError(`appreciation ${x} is outside (-100%, 100%)`);
}

/**
 * The book loss on a net foreign-currency position when the domestic currency appreciates by each
 * step of `path` in turn (one step: a single shock), and the own capital it consumes.
 * @example revaluationStress({ netForeign: 262181.77, foreignAssets: 264270.04, equity: 219.75 }, [0.1]).loss // 26218.177
 */
export function revaluationStress(position: RevaluationPosition, path: readonly number[]): StressResult {
  checkPath(path);
  let level = 1;
  let cumulativeLoss = 0;
  const steps: StressStep[] = path.map((x) => {
    const loss = position.netForeign * level * x;
    level *= 1 - x;
    cumulativeLoss += loss;
    return {
      appreciation: x,
      cumulative: 1 - level,
      loss,
      cumulativeLoss,
      lossToEquity: position.equity === 0 ? null : cumulativeLoss / position.equity,
      equityAfter: position.equity - cumulativeLoss,
    };
  });
  return {
    position,
    steps,
    loss: cumulativeLoss,
    lossToEquity: position.equity === 0 ? null : cumulativeLoss / position.equity,
    breakEven: position.netForeign > 0 ? position.equity / position.netForeign : null,
  };
}

/** One month of the historical revaluation. */
export interface HistoricalStep {
  date: string;
  /** Domestic currency per unit of foreign currency at the end of the period. */
  rate: number;
  /** Net FC position at the end of the previous period, revalued at this period's change. */
  netForeign: number;
  /** Book gain (+) or loss (-) from the rate's change on the previous period's position. */
  change: number;
  cumulative: number;
}

export interface HistoricalResult {
  from: string;
  to: string;
  steps: HistoricalStep[];
  /** Sum of the changes: negative is a loss. */
  total: number;
  /** Rate at the start and end, and the domestic currency's appreciation in the same convention. */
  rateFrom: number;
  rateTo: number;
  appreciation: number;
}

/**
 * The revaluation gains and losses implied by an exchange-rate series on a position series: each
 * period, the previous period's net FC position times the relative change of the rate. Dates are
 * matched by month (`2013-12` and `2013-12-31` are one period); periods missing either are skipped.
 * @example historicalRevaluation([{date:"2013-11",netForeign:100},{date:"2013-12",netForeign:100}], [{date:"2013-11",rate:6.1},{date:"2013-12",rate:6.039}]).total // -1
 */
export function historicalRevaluation(
  positions: readonly { date: string; netForeign: number }[],
  rates: readonly { date: string; rate: number }[],
): HistoricalResult | null {
  const rateBy = new Map(rates.map((r) => [r.date.slice(0, 7), r.rate]));
  const rows = positions
    .map((p) => ({ date: p.date, netForeign: p.netForeign, rate: rateBy.get(p.date.slice(0, 7)) }))
    .filter(
      (r): r is { date: string; netForeign: number; rate: number } => r.rate !== undefined && r.rate > 0,
    );
  if (rows.length < 2) return null;
  let cumulative = 0;
  const steps: HistoricalStep[] = [];
  for (let i = 1; i < rows.length; i++) {
    const prev = rows[i - 1]!;
    const cur = rows[i]!;
    const change = prev.netForeign * (cur.rate / prev.rate - 1);
    cumulative += change;
    steps.push({ date: cur.date, rate: cur.rate, netForeign: prev.netForeign, change, cumulative });
  }
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  return {
    from: first.date,
    to: last.date,
    steps,
    total: cumulative,
    rateFrom: first.rate,
    rateTo: last.rate,
    appreciation: 1 - last.rate / first.rate,
  };
}
