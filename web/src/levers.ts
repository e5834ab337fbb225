/**
 * Slider specs for the scenario lab. BSR's policy levers (docs/bsr-model.md, "Levers") get ranges
 * that make sense for them; timing levers run over the periods with "off" (9999) at the right end.
 * Other models' parameters and exogenous values get a range around their default.
 */
export interface Lever {
  name: string;
  label: { en: string; zh: string };
  min: number;
  max: number;
  step: number;
  /** A period number; the slider's top position means "never" (9999). */
  timing?: boolean;
}

export const OFF = 9999;

const L = (
  name: string,
  en: string,
  zh: string,
  min: number,
  max: number,
  step: number,
  timing = false,
): Lever => ({
  name,
  label: { en, zh },
  min,
  max,
  step,
  ...(timing ? { timing } : {}),
});

export function bsrLevers(periods: number): Lever[] {
  const T = periods + 1;
  return [
    L("burst_period", "bubble bursts in", "泡沫破裂期", 11, T, 1, true),
    L("fiscal_size", "fiscal support (share of G0)", "财政支持（占G0比例）", 0, 1, 0.05),
    L("fiscal_start", "fiscal support from", "财政支持起始期", 1, T, 1, true),
    L("fiscal_len", "fiscal support years", "财政支持年数", 1, 40, 1),
    L("cleanup_period", "bank clean-up in", "银行不良清理期", 1, T, 1, true),
    L("recap_size", "recapitalisation (share of gap)", "注资（缺口比例）", 0, 1, 0.05),
    L("rate_cut", "rate cut", "降息幅度", 0, 0.04, 0.0025),
    L("cut_start", "rate cut from", "降息起始期", 1, T, 1, true),
    L("austerity_size", "austerity (share of G0)", "财政紧缩（占G0比例）", 0, 1, 0.05),
    L("austerity_start", "austerity from", "紧缩起始期", 1, T, 1, true),
    L("reg_size", "tighter capital requirement", "资本要求提高", 0, 0.08, 0.005),
    L("reg_start", "regulation from", "监管收紧起始期", 1, T, 1, true),
    L("debt_limit", "debt limit (x Y) that bursts it", "触发破裂的债务上限（倍Y）", 1, 2, 0.05),
  ];
}

/** A slider range around a default value (0..2x, or 0..1 for a zero default). */
export function genericLever(name: string, value: number): Lever {
  if (value === 0) return L(name, name, name, 0, 1, 0.01);
  const lo = Math.min(0, value * 2);
  const hi = Math.max(0, value * 2);
  return L(name, name, name, lo, hi, Number(((hi - lo) / 200).toPrecision(2)));
}

/** Slider position -> model value (timing levers at the top mean "off"). */
export function leverValue(l: Lever, position: number): number {
  return l.timing && position >= l.max ? OFF : position;
}

/** Model value -> slider position. */
export function leverPosition(l: Lever, value: number): number {
  return l.timing && value >= l.max ? l.max : value;
}
