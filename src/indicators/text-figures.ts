import type { BalanceSheet } from "../model/balance-sheet.ts";
import type { Series } from "../model/series.ts";
import type { Text } from "../i18n/lang.ts";
import { formatSource } from "./compute.ts";
import { FOREIGN_LIABILITIES, FX_ASSETS } from "./define.ts";
import { indicatorMessages as msg } from "./messages.ts";
import { selectPositions } from "./select.ts";
import type { Selector } from "./types.ts";

/** One number a text figure was computed from, with where it was read. */
export interface TextFigureInput {
  label: Text;
  value: number;
  /** The sheet line (`item@file:row`) or series observation (`series id date`). */
  source: string;
}

/**
 * A figure the study prints in its text (not in Table 2), recomputed from the store. `value` is
 * null exactly when `status` is "not computable", and `missing` then says which input and how to
 * get it.
 */
export interface TextFigure {
  id: string;
  label: Text;
  study: { value: number; printed: string; printedText: Text };
  value: number | null;
  unit: "times" | "percent" | "pp";
  unitText: Text;
  /** Equal to the study's figure at its printed precision, differing, or missing an input. */
  status: "match" | "differs" | "not computable";
  /** bslab's value minus the study's, when it differs. */
  difference: number | null;
  inputs: TextFigureInput[];
  missing: { input: Text; howTo: Text } | null;
  note: Text;
}

/**
 * What the study's text figures are computed from: the PBoC's monetary-authority sheets at the
 * start (2002-12) and end (2013-12) of the study's window, and SAFE's China external-debt series.
 */
export interface TextFigureData {
  start?: BalanceSheet;
  end?: BalanceSheet;
  shortTermDebt?: Series;
  totalDebt?: Series;
  reserves?: Series;
}

/** The study's printed values (Peng and Xie 2014, sections 2-3), in the unit bslab computes. */
const PRINTED = {
  growthAll: { value: 10.8, printed: "10.8x", digits: 1 },
  growthFx: { value: 10.8, printed: "10.8x", digits: 1 },
  debtToReserves: { value: 17.7, printed: "17.7%", digits: 1 },
  shortShare: { value: 78.4, printed: "78.4%", digits: 1 },
  shareRise: {
    value: 35.4,
    printed: "+35.4 pp since 2002",
    printedZh: "较2002年上升35.4个百分点",
    digits: 1,
  },
} as const;

/** Every foreign asset line (the study's 国外资产: foreign exchange, monetary gold, other). */
const FOREIGN_ASSETS: Selector = { side: "asset", foreign: true };

const UNITS: Record<TextFigure["unit"], Text> = {
  times: { en: "times (growth multiple)", zh: "倍（增长倍数）" },
  percent: { en: "percent", zh: "百分比" },
  pp: { en: "percentage points", zh: "百分点" },
};

class Missing extends Error {
  constructor(
    readonly input: Text,
    readonly howTo: Text,
  ) {
    super(input.en);
  }
}

function sumLines(sheet: BalanceSheet, sel: Selector, out: TextFigureInput[]): number {
  let total = 0;
  for (const p of selectPositions(sheet, sel).matched) {
    total += p.value;
    out.push({
      label: { en: `${sheet.date} ${p.label.en ?? p.item}`, zh: `${sheet.date} ${p.label.zh ?? p.item}` },
      value: p.value,
      source: `${p.item}@${formatSource(p.source)}`,
    });
  }
  return total;
}

/** Net position (assets picked by `assets` minus foreign liabilities) of a sheet, its lines in `out`. */
function netPosition(sheet: BalanceSheet | undefined, at: string, assets: Selector, out: TextFigureInput[]) {
  if (!sheet) throw new Missing(msg.textFigSheet(at), msg.textFigSheetHow(at.slice(0, 4)));
  return sumLines(sheet, assets, out) - sumLines(sheet, FOREIGN_LIABILITIES, out);
}

/** A series observation of `year`, converted to 10^`scale`, recorded in `out`. */
function observation(s: Series | undefined, name: Text, year: string, scale: number, out: TextFigureInput[]) {
  const o = s?.observations.find((x) => x.date.startsWith(year));
  if (!s || !o) throw new Missing(msg.textFigSeries(name, year), msg.textFigSeriesHow());
  const value = o.value * 10 ** (s.scale - scale);
  out.push({ label: msg.textFigObs(name, year, s.unit, scale), value, source: `${s.id} ${o.date}` });
  return value;
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits);

function figure(
  id: string,
  label: Text,
  printed: { value: number; printed: string; printedZh?: string; digits: number },
  unit: TextFigure["unit"],
  compute: (inputs: TextFigureInput[]) => number,
  note: (value: number) => Text = () => ({ en: "", zh: "" }),
): TextFigure {
  const inputs: TextFigureInput[] = [];
  const base = {
    id,
    label,
    study: {
      value: printed.value,
      printed: printed.printed,
      printedText: { en: printed.printed, zh: printed.printedZh ?? printed.printed },
    },
    unit,
    unitText: UNITS[unit],
  };
  let value: number;
  try {
    value = compute(inputs);
  } catch (e) {
    if (!(e instanceof Missing)) throw e;
    const missing = { input: e.input, howTo: e.howTo };
    return {
      ...base,
      value: null,
      status: "not computable",
      difference: null,
      inputs,
      missing,
      note: msg.notComputable(e.input),
    };
  }
  if (!Number.isFinite(value)) throw new Error(`${id} gave a non-finite value`);
  const match = round(value, printed.digits) === round(printed.value, printed.digits);
  return {
    ...base,
    value,
    status: match ? "match" : "differs",
    difference: match ? null : value - printed.value,
    inputs,
    missing: null,
    note: match ? { en: "", zh: "" } : note(value),
  };
}

/** `num` / `den` of one year's observations, in percent. */
function percentOf(d: TextFigureData, num: "shortTermDebt", den: "totalDebt" | "reserves", year: string) {
  return (inputs: TextFigureInput[]) => {
    const scale = d[num]?.scale ?? 0;
    const n = observation(d[num], msg.textFigName(num), year, scale, inputs);
    const q = observation(d[den], msg.textFigName(den), year, scale, inputs);
    if (q === 0) throw new Missing(msg.zero(msg.textFigName(den)), msg.textFigSeriesHow());
    return (100 * n) / q;
  };
}

/**
 * The study's text figures on the PBoC and China's external debt, each next to its printed value:
 * the growth of the net foreign-currency position 2002-12 to 2013-12 (all foreign assets, as the
 * study does, and foreign exchange only, as `cb.net_fx_position`), short-term external debt over FX
 * reserves and over total external debt in 2013, and the rise of that share since 2002. Pure.
 * @example textFigures(data).find((f) => f.id === "study.nfcp_growth_all")?.status // "match"
 */
export function textFigures(d: TextFigureData): TextFigure[] {
  const growth = (assets: Selector) => (inputs: TextFigureInput[]) => {
    const a = netPosition(d.start, "2002-12", assets, inputs);
    const b = netPosition(d.end, "2013-12", assets, inputs);
    if (a === 0) throw new Missing(msg.zero(msg.textFigSheet("2002-12")), msg.textFigSheetHow("2002"));
    return b / a - 1;
  };
  const share = (year: string) => percentOf(d, "shortTermDebt", "totalDebt", year);
  return [
    figure(
      "study.nfcp_growth_all",
      msg.textFigGrowthAll(),
      PRINTED.growthAll,
      "times",
      growth(FOREIGN_ASSETS),
    ),
    figure("study.nfcp_growth_fx", msg.textFigGrowthFx(), PRINTED.growthFx, "times", growth(FX_ASSETS), () =>
      msg.textFigFxOnly(),
    ),
    figure(
      "study.short_term_debt_to_reserves",
      msg.textFigDebtToReserves(),
      PRINTED.debtToReserves,
      "percent",
      percentOf(d, "shortTermDebt", "reserves", "2013"),
    ),
    figure(
      "study.short_term_debt_share",
      msg.textFigShortShare(),
      PRINTED.shortShare,
      "percent",
      share("2013"),
    ),
    figure(
      "study.short_term_share_rise",
      msg.textFigShareRise(),
      PRINTED.shareRise,
      "pp",
      (inputs) => {
        const late = share("2013")(inputs);
        const early = share("2002")(inputs);
        return late - early;
      },
      (v) => msg.textFigRiseDiscrepancy(v.toFixed(1), PRINTED.shareRise.value.toFixed(1)),
    ),
  ];
}
