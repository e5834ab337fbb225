import { DataError } from "../../errors.ts";
import type { SdmxCsv, SdmxObservation } from "./read-sdmx-csv.ts";

interface JsonValue {
  id?: string;
  name?: string;
}
interface JsonComponent {
  id: string;
  values: JsonValue[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/**
 * Reads an SDMX-JSON 1.0 data message (the ECB Data Portal's `format=jsondata`) into the same
 * observations as an SDMX-CSV file: series dimensions keyed `0:0:0`, observation keys indexing the
 * TIME_PERIOD values, attribute indexes resolved to their codes (`UNIT_MULT` "6"). `row` is the
 * observation's position in the message (1-based), the only place a JSON value has.
 *
 * @example readSdmxJson(text, "ILM.W.U2.C.A050200.U2.EUR.json", "ECB", "ILM").observations[0].time // "2026-W33"
 */
export function readSdmxJson(text: string, file: string, agency: string, flow: string): SdmxCsv {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (cause) {
    throw new DataError(`${file}: not JSON (${(cause as Error).message.split("\n")[0]})`, {
      place: { file },
    });
  }
  const fail = (why: string): never => {
    throw new DataError(`${file}: not an SDMX-JSON data message: ${why}`, { place: { file } });
  };
  if (!isObject(doc) || !isObject(doc.structure) || !Array.isArray(doc.dataSets))
    fail("no structure or dataSets");
  const structure = (doc as { structure: Record<string, unknown> }).structure;
  const dims = structure.dimensions as
    { series?: JsonComponent[]; observation?: JsonComponent[] } | undefined;
  const attrs = structure.attributes as
    { series?: JsonComponent[]; observation?: JsonComponent[] } | undefined;
  const seriesDims = dims?.series ?? fail("no series dimensions");
  const timeDim = dims?.observation?.[0] ?? fail("no observation dimension");
  const seriesAttrs = attrs?.series ?? [];
  const obsAttrs = attrs?.observation ?? [];
  const code = (c: JsonComponent, i: unknown): string | undefined => {
    if (typeof i !== "number") return undefined;
    const v = c.values[i];
    return v?.id ?? v?.name;
  };
  const observations: SdmxObservation[] = [];
  let row = 0;
  for (const ds of (doc as { dataSets: unknown[] }).dataSets) {
    const series = isObject(ds) && isObject(ds.series) ? ds.series : fail("a dataSet without series");
    for (const [key, s] of Object.entries(series)) {
      if (!isObject(s)) continue;
      const idx = key.split(":").map(Number);
      const k = new Map<string, string>();
      seriesDims.forEach((d, n) => {
        const c = code(d, idx[n]);
        if (c === undefined) fail(`series key ${key} has no value for ${d.id}`);
        k.set(d.id, c!);
      });
      const sAttr = new Map<string, string>();
      (Array.isArray(s.attributes) ? s.attributes : []).forEach((a: unknown, n: number) => {
        const comp = seriesAttrs[n];
        const c = comp ? code(comp, a) : undefined;
        if (comp && c !== undefined) sAttr.set(comp.id, c);
      });
      const obs = isObject(s.observations) ? s.observations : {};
      for (const [t, o] of Object.entries(obs)) {
        row++;
        if (!Array.isArray(o)) continue;
        const time = code(timeDim, Number(t)) ?? fail(`observation ${t} of ${key} has no period`);
        if (o[0] === null || o[0] === undefined) continue;
        const value = Number(o[0]);
        if (!Number.isFinite(value)) fail(`observation ${t} of ${key} is not a number`);
        const attributes: Record<string, string> = Object.fromEntries(sAttr);
        o.slice(1).forEach((a: unknown, n: number) => {
          const comp = obsAttrs[n];
          const c = comp ? code(comp, a) : undefined;
          if (comp && c !== undefined) attributes[comp.id] = c;
        });
        observations.push({
          structure: { type: "dataflow", agency, id: flow, version: "" },
          key: Object.fromEntries(k),
          time,
          value,
          attributes,
          row,
        });
      }
    }
  }
  return { version: "1.0", dimensions: seriesDims.map((d) => d.id), attributes: [], observations };
}
