/**
 * The publishers `bslab fetch` downloads from: how a request is built from the command's arguments
 * and how the response is read into records. Pure: no network, no store (src/ingest/fetch.ts does
 * both). Each source says whether its response format was tested against a recorded real response.
 */
import { UsageError } from "../../errors.ts";
import type { Series } from "../../model/series.ts";
import { ilmSheets } from "../ecb/ilm.ts";
import { fedSeriesUnits } from "../fed/fred-series.ts";
import type { ParsedImport } from "../mappings/types.ts";
import type { SdmxCsv } from "../sdmx/read-sdmx-csv.ts";
import { sdmxToSeries } from "../sdmx/read-sdmx-csv.ts";
import { readSdmxGenericXml } from "../sdmx/read-sdmx-generic.ts";
import { readSdmxJson } from "../sdmx/read-sdmx-json.ts";
import { parseFredCsv } from "../sources/fred-csv.ts";
import { readBojApiJson } from "./boj-api.ts";
import { readDbnomicsJson } from "./dbnomics.ts";

export interface FetchRequest {
  url: string;
  accept: string;
  /** A name for the stored raw file (`fred-WALCL.csv`): the records' source file. */
  file: string;
}

export interface ReadContext {
  file: string;
  url: string;
  dataset: string;
  vintage: string;
}

export interface FetchSource {
  name: string;
  /** `bslab fetch <name> <usage>` */
  usage: string;
  example: string;
  /** The publisher's public endpoint (overridable for tests with `BSLAB_FETCH_BASE_URL`). */
  base: string;
  /** Whether the response format is tested against a recorded real response (test/fixtures/publisher-responses). */
  recorded: boolean;
  request(args: readonly string[], base: string): FetchRequest;
  read(text: string, ctx: ReadContext): ParsedImport;
  /**
   * Entity, unit, scale and name of a series whose response states none and that the store does
   * not hold yet (the Fed's H.4.1 series on FRED), or undefined.
   */
  known?(s: Series): Pick<Series, "entity" | "unit" | "scale" | "name"> | undefined;
}

const only = (list: Series[]): ParsedImport => ({ sheets: [], series: list, entities: new Map() });

// Codes go into URL paths and queries: letters, digits and the SDMX key punctuation only.
function code(name: string, value: string | undefined, pattern = /^[A-Za-z0-9_.+-]+$/): string {
  if (!value || !pattern.test(value))
    throw new UsageError(`invalid ${name}: ${JSON.stringify(value ?? "")} (letters, digits, _ . + - only)`);
  return value;
}

function sdmxSeries(data: SdmxCsv, ctx: ReadContext): Series[] {
  return sdmxToSeries(data, ctx.file, { dataset: ctx.dataset, vintage: ctx.vintage });
}

export const FETCH_SOURCES: readonly FetchSource[] = [
  {
    name: "fred",
    usage: "SERIES_ID [SERIES_ID ...]",
    example: "bslab fetch fred WALCL WSHOMCB",
    base: "https://fred.stlouisfed.org",
    recorded: true,
    request(args, base) {
      if (args.length === 0) throw new UsageError("fetch fred: give at least one FRED series id, e.g. WALCL");
      const ids = args.map((a) => code("FRED series id", a, /^[A-Za-z0-9_]+$/).toUpperCase());
      return {
        url: `${base}/graph/fredgraph.csv?id=${ids.join(",")}`,
        accept: "text/csv",
        file: `fred-${ids.join("-")}.csv`,
      };
    },
    read: (text, ctx) => only(parseFredCsv(text, ctx.file)),
    known: fedSeriesUnits,
  },
  {
    name: "ecb",
    usage: "FLOW KEY (ECB Data Portal, e.g. ILM W.U2.C.A050200.U2.EUR)",
    example: "bslab fetch ecb ILM W.U2.C.L010000.Z5.EUR",
    base: "https://data-api.ecb.europa.eu",
    recorded: true,
    request(args, base) {
      const flow = code("ECB dataflow", args[0]);
      const key = code("ECB series key", args[1]);
      return {
        url: `${base}/service/data/${flow}/${key}?format=jsondata`,
        accept: "application/json",
        file: `ecb-${flow}.${key}.json`,
      };
    },
    read(text, ctx) {
      const flow = /^ecb-([^.]+)\./.exec(ctx.file)?.[1] ?? "";
      const data = readSdmxJson(text, ctx.file, "ECB", flow);
      const list = sdmxSeries(data, ctx);
      // The Eurosystem's own statement lines are the `ecb` entity's, as the bundled data files them.
      for (const s of list) if (s.id.startsWith("ECB/ILM/W.U2.C.")) s.entity = "ecb";
      const weekly = flow === "ILM" ? ilmSheets(data, ctx.file, ctx.dataset) : [];
      return { sheets: weekly, series: list, entities: new Map(weekly.length ? [["ecb", "EUR"]] : []) };
    },
  },
  {
    name: "bis",
    usage: "FLOW KEY (BIS SDMX REST, e.g. WS_CBPOL M.CH)",
    example: "bslab fetch bis WS_DSR Q.CN.P",
    base: "https://stats.bis.org",
    recorded: true,
    request(args, base) {
      const flow = code("BIS dataflow", args[0]);
      const key = code("BIS series key", args[1]);
      return {
        url: `${base}/api/v1/data/${flow}/${key}/all`,
        accept: "application/vnd.sdmx.genericdata+xml;version=2.1",
        file: `bis-${flow}.${key}.xml`,
      };
    },
    read: (text, ctx) => only(sdmxSeries(readSdmxGenericXml(text, ctx.file), ctx)),
  },
  {
    name: "boj",
    usage: "DB CODE [CODE ...] (Bank of Japan time-series API, e.g. FM08 FXERD01)",
    example: "bslab fetch boj FM08 FXERD01",
    base: "https://www.stat-search.boj.or.jp",
    recorded: true,
    request(args, base) {
      const db = code("BoJ database", args[0], /^[A-Za-z0-9]+$/).toUpperCase();
      if (args.length < 2)
        throw new UsageError("fetch boj: give the database and at least one series code, e.g. FM08 FXERD01");
      const codes = args.slice(1).map((c) => code("BoJ series code", c, /^[A-Za-z0-9_]+$/));
      return {
        url: `${base}/api/v1/getDataCode?format=json&lang=en&db=${db}&code=${codes.join(",")}`,
        accept: "application/json",
        file: `boj-${db}.${codes.join("-")}.json`,
      };
    },
    read: (text, ctx) => only(readBojApiJson(text, ctx)),
  },
  {
    name: "dbnomics",
    usage: "PROVIDER/DATASET/SERIES (DBnomics series API, e.g. BOJ/BS01/...)",
    example: "bslab fetch dbnomics BIS/WS_CBPOL/M.CH",
    base: "https://api.db.nomics.world",
    // No DBnomics response was recorded: the reader follows the v22 API's documented fields and
    // refuses anything else, but it has not met a real response in a test.
    recorded: false,
    request(args, base) {
      const id = code("DBnomics series id", args[0], /^[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+\/[A-Za-z0-9_.+-]+$/);
      return {
        url: `${base}/v22/series/${id}?observations=1&format=json`,
        accept: "application/json",
        file: `dbnomics-${id.replace(/\//g, ".")}.json`,
      };
    },
    read: (text, ctx) => only(readDbnomicsJson(text, ctx)),
  },
];

/** The source named `name`, or a usage error listing them. */
export function fetchSource(name: string): FetchSource {
  const s = FETCH_SOURCES.find((x) => x.name === name.toLowerCase());
  if (!s)
    throw new UsageError(
      `unknown fetch source ${JSON.stringify(name)} (expected ${FETCH_SOURCES.map((x) => x.name).join(", ")})`,
    );
  return s;
}

/** The one-line reason of a publisher's error body (the ECB's problem+json, the BoJ's MESSAGE). */
export function errorBodyReason(text: string): string {
  try {
    const j = JSON.parse(text) as Record<string, unknown>;
    const t = [j.title, j.MESSAGE, j.message].find((x) => typeof x === "string") as string | undefined;
    if (t) return t;
  } catch {
    // not JSON: the first line of the body
  }
  const line = text.split(/\r?\n/).find((l) => l.trim() !== "") ?? "";
  return line
    .replace(/<[^>]*>/g, "")
    .trim()
    .slice(0, 160);
}
