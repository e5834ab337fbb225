import { DataError } from "../../errors.ts";
import type { Frequency, Series } from "../../model/series.ts";
import { normalisePeriod } from "../sdmx/read-sdmx-csv.ts";

const FREQ: Record<string, Frequency> = {
  annual: "A",
  quarterly: "Q",
  monthly: "M",
  weekly: "W",
  daily: "D",
};

/**
 * Reads a DBnomics v22 `series/...?observations=1` response: `series.docs[]` with `provider_code`,
 * `dataset_code`, `series_code`, `series_name`, `@frequency`, and the parallel arrays `period` and
 * `value` ("NA" = missing). **Not tested against a recorded response** (none was found): anything
 * without these fields is refused with what was missing, never guessed at.
 *
 * @example readDbnomicsJson(text, { file: "dbnomics-BIS.WS_CBPOL.M.CH.json", dataset: "fetch:dbnomics", vintage })
 */
export function readDbnomicsJson(
  text: string,
  ctx: { file: string; dataset: string; vintage: string },
): Series[] {
  const fail = (why: string): never => {
    throw new DataError(`${ctx.file}: not a DBnomics series response: ${why}`, { place: { file: ctx.file } });
  };
  let doc: { series?: { docs?: unknown } };
  try {
    doc = JSON.parse(text) as typeof doc;
  } catch {
    return fail("not JSON");
  }
  const docs = Array.isArray(doc.series?.docs)
    ? (doc.series!.docs as Record<string, unknown>[])
    : fail("no series.docs");
  return docs.map((d) => {
    const ids = [d.provider_code, d.dataset_code, d.series_code];
    if (!ids.every((x) => typeof x === "string"))
      fail("a series without provider_code/dataset_code/series_code");
    const period = Array.isArray(d.period) ? d.period : fail(`${ids.join("/")}: no period array`);
    const value = Array.isArray(d.value) ? d.value : fail(`${ids.join("/")}: no value array`);
    if (period.length !== value.length)
      fail(`${ids.join("/")}: ${period.length} periods but ${value.length} values`);
    const observations = [];
    for (let i = 0; i < period.length; i++) {
      if (value[i] === "NA" || value[i] === null) continue;
      const p =
        normalisePeriod(String(period[i])) ?? fail(`${ids.join("/")}: period ${String(period[i])} not read`);
      const v = Number(value[i]);
      if (!Number.isFinite(v))
        fail(`${ids.join("/")}: value ${String(value[i])} at ${p.date} is not a number`);
      observations.push({ date: p.date, value: v });
    }
    const freq = String(d["@frequency"] ?? "");
    return {
      id: ids.join("/"),
      entity: "",
      name: String(d.series_name ?? ids.join("/")),
      frequency: Object.hasOwn(FREQ, freq) ? FREQ[freq]! : "D",
      unit: "not stated by DBnomics",
      scale: 0,
      dataset: ctx.dataset,
      file: ctx.file,
      vintage: ctx.vintage,
      observations,
    };
  });
}
