import { formatAmount, formatNumber, formatPercent, type Unit } from "./format.ts";
import type { Lang } from "./state.ts";

/** Parses the server's unit label of an amount ("CNY hundred millions (1e8)") back into a unit. */
function unitOfLabel(label: string): Unit | undefined {
  const m = /^([A-Z]{3}) .*\(1e(\d+)\)$/.exec(label);
  return m ? { currency: m[1]!, scale: Number(m[2]) } : undefined;
}

/** An indicator value with its unit: fractions as %, ratios as "126.5×", amounts in 万亿元 / trn. */
export function formatIndicator(value: number | null, unit: string, unitLabel: string, lang: Lang): string {
  if (value === null) return "–";
  if (unit === "fraction") return formatPercent(value, lang);
  if (unit === "ratio") return `${formatNumber(value, lang, 1)}×`;
  if (unit === "amount") {
    const u = unitOfLabel(unitLabel);
    return u ? formatAmount(value, u, lang) : `${formatNumber(value, lang)} ${unitLabel}`;
  }
  return formatNumber(value, lang, 2);
}
