/**
 * `bslab fetch`: downloads one response from a publisher's public endpoint, stores the raw text with
 * its URL and retrieval time, and writes the records read from it as a new vintage, all in one
 * transaction. Runs only when asked: never at start-up or in tests (they replay recorded responses
 * from a local server through `baseUrl`).
 */
import { createHash } from "node:crypto";

import { DataError } from "../errors.ts";
import { type FetchSource, errorBodyReason, fetchSource } from "../io/fetch/sources.ts";
import type { Mapping } from "../io/mappings/index.ts";
import type { EntityKind } from "../model/entity.ts";
import type { Store } from "../store/store.ts";
import { type PreparedImport, writeImports } from "./write.ts";

export interface FetchOptions {
  /** Replaces the publisher's origin (`http://127.0.0.1:8804`); default `BSLAB_FETCH_BASE_URL` or the publisher's. */
  baseUrl?: string;
  /** The clock, for tests. */
  now?: () => Date;
  /** Give up after this long (default 30 s). */
  timeoutMs?: number;
  entityKind?: EntityKind;
}

export interface FetchResult {
  source: string;
  url: string;
  retrievedAt: string;
  vintage: string;
  dataset: string;
  bytes: number;
  sheets: number;
  positions: number;
  series: number;
  observations: number;
  /** Units and names taken from the stored earlier vintage where the response states none (FRED). */
  inherited: string[];
  /** False when the source's format has not been tested against a recorded response (DBnomics). */
  recordedFormat: boolean;
}

// Node's fetch puts the system error (ENOTFOUND, ECONNREFUSED ...) on `cause`.
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if ((error as Error).name === "TimeoutError") return "timed out";
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

async function download(
  url: string,
  accept: string,
  source: FetchSource,
  timeoutMs: number,
): Promise<string> {
  const host = new URL(url).host;
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept }, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new DataError(
      `fetch ${source.name}: cannot reach ${host} (${networkReason(error)}): offline or blocked? nothing was changed`,
      { cause: error },
    );
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new DataError(
      `fetch ${source.name}: ${url} answered bytes that are not UTF-8 text; nothing was changed`,
      {
        cause,
      },
    );
  }
  if (!response.ok)
    throw new DataError(
      `fetch ${source.name}: ${url} answered ${response.status} ${response.statusText}: ${errorBodyReason(text)}; nothing was changed`,
    );
  return text;
}

const fetchMapping = (source: FetchSource): Mapping => ({
  name: `fetch-${source.name}`,
  description: `bslab fetch ${source.name}`,
  detect: () => false,
  read: () => {
    throw new DataError(`fetch-${source.name} reads fetched responses only`);
  },
});

/** A response downloaded and not yet stored. */
export interface Downloaded {
  source: FetchSource;
  args: readonly string[];
  url: string;
  file: string;
  retrievedAt: string;
  text: string;
}

/**
 * Downloads `args` from `sourceName` (`fred`, `ecb`, `bis`, `boj`, `dbnomics`) without touching any
 * store, so the database stays free while the network is slow. Offline: a one-line DataError.
 */
export async function downloadFetch(
  sourceName: string,
  args: readonly string[],
  options: FetchOptions = {},
): Promise<Downloaded> {
  const source = fetchSource(sourceName);
  const base = (options.baseUrl ?? process.env.BSLAB_FETCH_BASE_URL ?? source.base).replace(/\/+$/, "");
  const req = source.request(args, base);
  const retrievedAt = (options.now?.() ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z");
  const text = await download(req.url, req.accept, source, options.timeoutMs ?? 30_000);
  return { source, args, url: req.url, file: req.file, retrievedAt, text };
}

/**
 * Fetches `args` from `sourceName` and stores the response as a new vintage named by its retrieval
 * time (`2026-12-01T23:50:12Z`), which sorts after every earlier vintage, so commands run afterwards
 * read it. Nothing is written unless the download and the reading both succeed; offline, the error
 * is one line and the store is unchanged.
 *
 * @example await fetchInto(store, "fred", ["WALCL"]) // { url: "https://fred.stlouisfed.org/graph/fredgraph.csv?id=WALCL", ... }
 */
export async function fetchInto(
  store: Store,
  sourceName: string,
  args: readonly string[],
  options: FetchOptions = {},
): Promise<FetchResult> {
  return storeFetch(store, await downloadFetch(sourceName, args, options), options);
}

/** Reads a downloaded response and writes it, with its raw text, in one transaction. */
export async function storeFetch(
  store: Store,
  d: Downloaded,
  options: Pick<FetchOptions, "entityKind"> = {},
): Promise<FetchResult> {
  const { source, args, retrievedAt, text } = d;
  const req = { url: d.url, file: d.file };
  const dataset = `fetch:${req.file}`;
  const vintage = retrievedAt;
  const parsed = source.read(text, { file: req.file, url: req.url, dataset, vintage });
  if (parsed.sheets.length === 0 && parsed.series.every((s) => s.observations.length === 0))
    throw new DataError(`fetch ${source.name}: ${req.url} answered no observations; nothing was changed`);
  const inherited: string[] = [];
  for (const s of parsed.series) {
    s.dataset = dataset;
    s.vintage = vintage;
    s.file = req.file;
    if (s.scale !== 0 || !s.unit.startsWith("as published")) continue;
    // FRED's CSV states no unit: a series already stored keeps the unit and scale it was stored with.
    const [prev] = await store.all<{
      entity: string;
      name: string;
      unit: string;
      scale: number;
      vintage: string;
    }>("select entity, name, unit, scale, vintage from series where id = $1 order by vintage desc limit 1", [
      s.id,
    ]);
    if (!prev) {
      // A series the store does not hold yet: the source may know how the publisher files it.
      const known = source.known?.(s);
      if (known) Object.assign(s, known);
      continue;
    }
    Object.assign(s, { entity: prev.entity, name: prev.name, unit: prev.unit, scale: prev.scale });
    inherited.push(
      `${s.id}: unit ${prev.unit} 1e${prev.scale} and name as stored in vintage ${prev.vintage}`,
    );
  }
  const sha256 = createHash("sha256").update(text).digest("hex");
  const prepared: PreparedImport = {
    file: req.file,
    mapping: fetchMapping(source),
    parsed,
    dataset,
    vintage,
    sha256,
    unchanged: false,
  };
  await store.transaction(async () => {
    await store.run("insert or replace into fetches values ($1, $2, $3, $4, $5, $6, $7, $8, $9)", [
      `${dataset}@${vintage}`,
      source.name,
      req.url,
      retrievedAt,
      sha256,
      Buffer.byteLength(text),
      text,
      dataset,
      vintage,
    ]);
    await writeImports(store, [prepared], undefined, options.entityKind);
    await store.run("update datasets set title = $2, publisher = $3 where id = $1", [
      dataset,
      `bslab fetch ${source.name} ${args.join(" ")}`,
      `${source.name} (${req.url}, retrieved ${retrievedAt})`,
    ]);
  });
  return {
    source: source.name,
    url: req.url,
    retrievedAt,
    vintage,
    dataset,
    bytes: Buffer.byteLength(text),
    sheets: parsed.sheets.length,
    positions: parsed.sheets.reduce((n, s) => n + s.positions.length, 0),
    series: parsed.series.length,
    observations: parsed.series.reduce((n, s) => n + s.observations.length, 0),
    inherited,
    recordedFormat: source.recorded,
  };
}
