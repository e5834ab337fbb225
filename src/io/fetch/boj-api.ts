import { DataError } from "../../errors.ts";
import type { Frequency, Series } from "../../model/series.ts";

const FREQ: Record<string, { f: Frequency; date: (d: string) => string | undefined }> = {
  DAILY: {
    f: "D",
    date: (d) => (/^\d{8}$/.test(d) ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}` : undefined),
  },
  MONTHLY: { f: "M", date: (d) => (/^\d{6}$/.test(d) ? `${d.slice(0, 4)}-${d.slice(4)}` : undefined) },
  QUARTERLY: {
    f: "Q",
    date: (d) => (/^\d{4}0[1-4]$/.test(d) ? `${d.slice(0, 4)}-Q${d.slice(5)}` : undefined),
  },
  ANNUAL: { f: "A", date: (d) => (/^\d{4}$/.test(d) ? d : undefined) },
};

/**
 * Reads a Bank of Japan time-series API `getDataCode` response (JSON: STATUS, RESULTSET[] with
 * SERIES_CODE, NAME_OF_TIME_SERIES, UNIT, FREQUENCY, VALUES.SURVEY_DATES / VALUES.VALUES, null on
 * holidays) into series `BOJ/<DB>/<CODE>` of entity `boj`. Units are as the BoJ names them (scale
 * 0); weekly and half-year frequencies, not met in a recorded response, are refused by name.
 *
 * @example readBojApiJson(text, { file: "boj-FM08.FXERD01.json", url, dataset: "fetch:boj", vintage })[0].id // "BOJ/FM08/FXERD01"
 */
export function readBojApiJson(
  text: string,
  ctx: { file: string; dataset: string; vintage: string },
): Series[] {
  const fail = (why: string): never => {
    throw new DataError(`${ctx.file}: ${why}`, { place: { file: ctx.file } });
  };
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return fail("not JSON");
  }
  if (doc.STATUS !== 200)
    fail(`the BoJ API answered STATUS ${String(doc.STATUS)}: ${String(doc.MESSAGE ?? "")}`);
  if (doc.NEXTPOSITION !== null && doc.NEXTPOSITION !== undefined)
    fail(
      `the answer continues at position ${String(doc.NEXTPOSITION)}: ask for fewer codes or a shorter period`,
    );
  const db = String((doc.PARAMETER as Record<string, unknown> | undefined)?.DB ?? "");
  const list = Array.isArray(doc.RESULTSET)
    ? (doc.RESULTSET as Record<string, unknown>[])
    : fail("no RESULTSET");
  return list.map((r) => {
    const code = String(r.SERIES_CODE ?? "");
    const freq = String(r.FREQUENCY ?? "");
    const rule = Object.hasOwn(FREQ, freq)
      ? FREQ[freq]!
      : fail(`series ${code}: frequency ${freq} is not read yet`);
    const values = r.VALUES as { SURVEY_DATES?: unknown[]; VALUES?: unknown[] } | undefined;
    const dates = values?.SURVEY_DATES ?? [];
    const vals = values?.VALUES ?? [];
    if (dates.length !== vals.length) fail(`series ${code}: ${dates.length} dates but ${vals.length} values`);
    const observations = [];
    for (let i = 0; i < dates.length; i++) {
      if (vals[i] === null || vals[i] === undefined) continue;
      const date =
        rule.date(String(dates[i])) ?? fail(`series ${code}: date ${String(dates[i])} is not ${freq}`);
      const value = Number(vals[i]);
      if (!Number.isFinite(value))
        fail(`series ${code}: value ${String(vals[i])} at ${date} is not a number`);
      observations.push({ date, value });
    }
    return {
      id: `BOJ/${db}/${code}`,
      entity: "boj",
      name: String(r.NAME_OF_TIME_SERIES ?? code),
      frequency: rule.f,
      unit: String(r.UNIT ?? "not stated"),
      scale: 0,
      dataset: ctx.dataset,
      file: ctx.file,
      vintage: ctx.vintage,
      observations,
    };
  });
}
