import { basename } from "node:path";

import type { FastifyInstance, FastifyRequest } from "fastify";

import { UsageError } from "../../errors.ts";
import { commitImports, type ImportResult, readImportBasis } from "../../ingest/import.ts";
import type { PreparedImport } from "../../ingest/write.ts";
import { MAPPINGS } from "../../io/mappings/index.ts";
import { ENTITY_KINDS, type EntityKind } from "../../model/entity.ts";
import { isWorkbookBytes } from "../../io/xlsx/read-workbook.ts";
import { listEntities } from "../../store/sheets.ts";
import type { ServerContext } from "../context.ts";
import { placed, type ImportPreview } from "../import-preview.ts";
import { text } from "../../i18n/catalogue.ts";
import { HttpError } from "../http-errors.ts";
import { clientGone } from "../pool/request-signal.ts";
import type { PreparedUpload } from "../pool/tasks.ts";

const QUERY = {
  type: "object",
  additionalProperties: false,
  properties: {
    mapping: { type: "string", enum: MAPPINGS.map((m) => m.name), description: "layout; default: detected" },
    entityKind: {
      type: "string",
      enum: [...ENTITY_KINDS],
      description: "what the file's entities are (e.g. central-bank); decides which indicators apply",
    },
    lang: { type: "string", enum: ["en", "zh"], description: "language of the errors (default en)" },
  },
} as const;

const UPLOAD = {
  type: "object",
  required: ["file"],
  properties: {
    file: {
      type: "string",
      format: "binary",
      description:
        "CSV (UTF-8, or GBK/GB18030 as Excel writes on Chinese Windows), or an .xls/.xlsx workbook",
    },
  },
};

interface Upload {
  file: string;
  bytes: Uint8Array;
}

/** Reads the `file` part of a multipart upload, with a safe display name. */
async function upload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) throw new UsageError(text("server.notMultipart"));
  const part = await req.file();
  if (!part) throw new UsageError(text("server.noFile"));
  const bytes = await part.toBuffer();
  const file = basename(part.filename || "upload.csv").replace(/[^\p{L}\p{N}._ -]/gu, "_") || "upload.csv";
  return { file, bytes };
}

/** Thrown to roll a dry-run write back once it went through. */
class DryRun {}

/** A prepared upload with its layout again (a thread posts the layout by name). */
function restored(p: PreparedUpload): PreparedImport {
  const mapping = MAPPINGS.find((m) => m.name === p.mapping);
  if (!mapping) throw new Error(`worker named an unknown layout ${p.mapping}`);
  return { ...p, mapping };
}

/**
 * Parses and checks an upload on a worker thread, against what the store holds: the request
 * thread (and the store) stay free for other requests while it runs.
 */
async function prepareUpload(
  ctx: ServerContext,
  u: Upload,
  mapping: string | undefined,
  signal: AbortSignal,
): Promise<PreparedImport> {
  const basis = await ctx.gate.read(readImportBasis);
  // A copy the worker owns: the upload's buffer may be a slice of a shared pool.
  const bytes = new Uint8Array(u.bytes);
  const prepared = await ctx.pool.run(
    "prepare",
    { bytes, file: u.file, basis, options: mapping ? { mapping } : {} },
    { budgetMs: ctx.budgets.import, signal, transfer: [bytes.buffer] },
  );
  return restored(prepared);
}

/**
 * A workbook's preview: parsed on a worker, then written inside a transaction that is always
 * rolled back, so the preview applies exactly the checks a commit would, and writes nothing.
 */
async function previewWorkbook(
  ctx: ServerContext,
  u: Upload,
  mapping: string | undefined,
  signal: AbortSignal,
): Promise<ImportPreview> {
  const preview: ImportPreview = {
    file: u.file,
    mapping: null,
    header: [],
    rows: [],
    totalRows: 0,
    errors: [],
    ok: false,
    summary: null,
  };
  const refused = (error: unknown): ImportPreview => {
    // Over budget or busy stays an HTTP refusal; a bad file is the preview's own answer.
    if (error instanceof HttpError) throw error;
    preview.errors.push(placed(error));
    return preview;
  };
  let p: PreparedImport;
  try {
    p = await prepareUpload(ctx, u, mapping, signal);
  } catch (error) {
    return refused(error);
  }
  try {
    await ctx.gate.write((store) =>
      store.transaction(async () => {
        await commitImports(store, [p]);
        throw new DryRun();
      }),
    );
  } catch (error) {
    if (!(error instanceof DryRun)) return refused(error);
  }
  const r = summaryOf(p);
  preview.ok = true;
  preview.mapping = r.mapping;
  preview.totalRows = r.positions + r.observations;
  preview.summary = {
    sheets: r.sheets,
    positions: r.positions,
    series: r.series,
    observations: r.observations,
    entities: [...new Set(p.parsed.sheets.map((s) => s.entity))],
    dates: [...new Set(p.parsed.sheets.map((s) => s.date))].sort(),
  };
  return preview;
}

/** What a prepared import would store, counted as the import's result counts it. */
function summaryOf(
  p: PreparedImport,
): Pick<ImportResult, "mapping" | "sheets" | "positions" | "series" | "observations"> {
  return {
    mapping: p.mapping.name,
    sheets: p.parsed.sheets.length,
    positions: p.parsed.sheets.reduce((n, s) => n + s.positions.length, 0),
    series: p.parsed.series.length,
    observations: p.parsed.series.reduce((n, s) => n + s.observations.length, 0),
  };
}

/** Imports: preview an upload with every error placed, then commit it in one transaction. */
export function importRoutes(app: FastifyInstance, ctx: ServerContext): void {
  let turn: Promise<unknown> = Promise.resolve();
  const importsInTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const result = turn.then(work, work);
    turn = result.catch(() => undefined);
    return result;
  };
  app.get(
    "/api/mappings",
    { schema: { summary: "File layouts the importer understands", tags: ["import"] } },
    async () => ({
      mappings: MAPPINGS.map((m) => ({
        name: m.name,
        description: m.description,
        ...(m.columns ? { columns: m.columns } : {}),
      })),
    }),
  );

  app.post<{ Querystring: { mapping?: string } }>(
    "/api/imports/preview",
    {
      schema: {
        summary:
          "Validate an upload without writing: a CSV's rows and every error by row and column; a workbook's dry-run result",
        tags: ["import"],
        querystring: QUERY,
        multipart: UPLOAD,
      },
    },
    async (req, reply) => {
      const u = await upload(req);
      const signal = clientGone(reply);
      if (isWorkbookBytes(u.bytes)) return previewWorkbook(ctx, u, req.query.mapping, signal);
      const homeCurrencies = await ctx.gate.read(
        async (store) => new Map((await listEntities(store)).map((e) => [e.id, e.homeCurrency])),
      );
      // The preview decodes and reads the file up to 100 times: on a worker thread.
      const bytes = new Uint8Array(u.bytes);
      return ctx.pool.run(
        "preview",
        {
          bytes,
          file: u.file,
          ...(req.query.mapping ? { mapping: req.query.mapping } : {}),
          homeCurrencies,
          today: new Date().toISOString().slice(0, 10),
        },
        { budgetMs: ctx.budgets.import, signal, transfer: [bytes.buffer] },
      );
    },
  );

  app.post<{ Querystring: { mapping?: string; entityKind?: EntityKind } }>(
    "/api/imports",
    {
      schema: {
        summary: "Import an uploaded CSV or workbook atomically: all of it or, on any error, nothing",
        tags: ["import"],
        querystring: QUERY,
        multipart: UPLOAD,
      },
    },
    async (req, reply) => {
      const u = await upload(req);
      const signal = clientGone(reply);
      // One import at a time from reading what the store holds (vintages) to its write; the
      // parse runs on a worker, and the store is held only for the write transaction.
      const result = await importsInTurn(async () => {
        const p = await prepareUpload(ctx, u, req.query.mapping, signal);
        const options = req.query.entityKind ? { entityKind: req.query.entityKind } : {};
        return (await ctx.gate.write((store) => commitImports(store, [p], options)))[0]!;
      });
      return reply.status(201).send(result);
    },
  );
}
