import type { BalanceSheet } from "../../model/balance-sheet.ts";
import type { SdmxCsv } from "../sdmx/read-sdmx-csv.ts";
import { wfsLine } from "./weekly-statement.ts";

/**
 * The Friday of ISO week `YYYY-Www`: the weekly financial statement is "as at" that Friday, and the
 * ECB Data Portal files its ILM observations under the week.
 * @example isoWeekFriday("2026-W33") // "2026-08-14"
 */
export function isoWeekFriday(week: string): string | undefined {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) return undefined;
  const year = Number(m[1]);
  const jan4 = Date.UTC(year, 0, 4);
  const monday1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000;
  return new Date(monday1 + ((Number(m[2]) - 1) * 7 + 4) * 86_400_000).toISOString().slice(0, 10);
}

/** `A050200` -> asset item `5.2`; `L010000` -> liability `1`; `T000000` -> the total. */
export function ilmItem(code: string): { side: "asset" | "liability"; no: string } | undefined {
  if (code === "T000000") return { side: "asset", no: "total" };
  const m = /^([AL])(\d{2})(\d{2})00$/.exec(code);
  if (!m) return undefined;
  const main = String(Number(m[2]));
  const sub = Number(m[3]);
  return { side: m[1] === "A" ? "asset" : "liability", no: sub ? `${main}.${sub}` : main };
}

/**
 * The Eurosystem statement lines in an ILM download (dataflow ECB:ILM, weekly, reporting sector C,
 * euro area U2, EUR): one partial `ecb` sheet per week, dated the Friday, each line from its row of
 * the file. Other ILM series (national central banks, monthly) stay series only.
 */
export function ilmSheets(data: SdmxCsv, file: string, dataset: string): BalanceSheet[] {
  const byDate = new Map<string, BalanceSheet>();
  for (const o of data.observations) {
    if (o.structure.id !== "ILM" || o.key.FREQ !== "W" || o.key.BS_REP_SECTOR !== "C") continue;
    if (o.key.REF_AREA !== "U2" || (o.key.CURRENCY_TRANS ?? "EUR") !== "EUR") continue;
    const item = ilmItem(o.key.BS_ITEM ?? "");
    const date = isoWeekFriday(o.time);
    const scale = Number(o.attributes.UNIT_MULT ?? "0");
    if (!item || !date || scale !== 6) continue;
    const line = wfsLine(item.side, item.no);
    if (!line) continue;
    const sheet = byDate.get(date) ?? {
      entity: "ecb",
      date,
      unit: { currency: "EUR", scale: 6 },
      positions: [],
      notes: [
        {
          item: "coverage",
          message: `partial: the ILM series in ${file} only (week ${o.time}, stated as at its Friday)`,
        },
      ],
    };
    byDate.set(date, sheet);
    sheet.positions.push({
      ...line.position(o.value, { dataset, file, row: o.row, column: "OBS_VALUE" }),
      code: `ILM.W.U2.C.${o.key.BS_ITEM}.${o.key.COUNT_AREA ?? ""}.${o.key.CURRENCY_TRANS ?? ""}`,
    });
  }
  for (const s of byDate.values())
    for (const p of s.positions) if (s.positions.some((q) => q.parent === p.item)) p.kind = "subtotal";
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}
