import { DataError } from "../../errors.ts";
import type { SdmxCsv, SdmxObservation } from "./read-sdmx-csv.ts";

// Attribute values are XML-escaped; these five are all SDMX-ML uses.
const unescape = (s: string) =>
  s.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_m, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e]!,
  );

/** The `id`/`value` pairs of the `<generic:Value>` elements in `xml`. */
function values(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<generic:Value\s+id="([^"]*)"\s+value="([^"]*)"/g))
    out.set(m[1]!, unescape(m[2]!));
  return out;
}

/**
 * Reads an SDMX-ML 2.1 GenericData message (the BIS SDMX REST API's default XML) into the same
 * observations as an SDMX-CSV file: SeriesKey values as the key, DataSet-, Series- and Obs-level
 * attributes merged (the innermost wins), ObsDimension as TIME_PERIOD. The markup is matched, never
 * evaluated; anything else in the message is ignored. `row` counts observations (1-based).
 *
 * @example readSdmxGenericXml(xml, "WS_CBPOL.xml").observations[0].key.REF_AREA // "CH"
 */
export function readSdmxGenericXml(text: string, file: string): SdmxCsv {
  if (!/<(\w+:)?GenericData\b/.test(text))
    throw new DataError(`${file}: not an SDMX-ML GenericData message`, { place: { file } });
  const ref = /<Ref\s+agencyID="([^"]*)"\s+id="([^"]*)"(?:\s+version="([^"]*)")?/.exec(text);
  const structure = { type: "dataflow", agency: ref?.[1] ?? "", id: ref?.[2] ?? "", version: ref?.[3] ?? "" };
  const observations: SdmxObservation[] = [];
  const dimensions: string[] = [];
  let row = 0;
  for (const ds of text.matchAll(/<message:DataSet\b[^>]*>([\s\S]*?)<\/message:DataSet>/g)) {
    const body = ds[1]!;
    const first = body.indexOf("<generic:Series>");
    const dsAttr = values(
      /^\s*<generic:Attributes>([\s\S]*?)<\/generic:Attributes>/.exec(
        first >= 0 ? body.slice(0, first) : body,
      )?.[1] ?? "",
    );
    for (const s of body.matchAll(/<generic:Series>([\s\S]*?)<\/generic:Series>/g)) {
      const series = s[1]!;
      const key = values(/<generic:SeriesKey>([\s\S]*?)<\/generic:SeriesKey>/.exec(series)?.[1] ?? "");
      for (const d of key.keys()) if (!dimensions.includes(d)) dimensions.push(d);
      const head = series.slice(0, Math.max(0, series.indexOf("<generic:Obs>")));
      const sAttr = values(/<generic:Attributes>([\s\S]*?)<\/generic:Attributes>/.exec(head)?.[1] ?? "");
      for (const o of series.matchAll(/<generic:Obs>([\s\S]*?)<\/generic:Obs>/g)) {
        row++;
        const obs = o[1]!;
        const time = /<generic:ObsDimension\s+value="([^"]*)"/.exec(obs)?.[1];
        const raw = /<generic:ObsValue\s+value="([^"]*)"/.exec(obs)?.[1];
        if (time === undefined)
          throw new DataError(`${file}: observation ${row}: no ObsDimension`, { place: { file, row } });
        if (raw === undefined || raw === "" || raw === "NaN") continue;
        const value = Number(raw);
        if (!Number.isFinite(value))
          throw new DataError(`${file}: observation ${row}: not a number: ${JSON.stringify(raw)}`, {
            place: { file, row },
          });
        const oAttr = values(/<generic:Attributes>([\s\S]*?)<\/generic:Attributes>/.exec(obs)?.[1] ?? "");
        observations.push({
          structure,
          key: Object.fromEntries(key),
          time,
          value,
          attributes: {
            ...Object.fromEntries(dsAttr),
            ...Object.fromEntries(sAttr),
            ...Object.fromEntries(oAttr),
          },
          row,
        });
      }
    }
  }
  return { version: "1.0", dimensions, attributes: [], observations };
}
