import { basename } from "node:path";

import type { FastifyInstance, FastifyRequest } from "fastify";

import { UsageError } from "../../errors.ts";
import { importBytes, type ImportResult } from "../../ingest/import.ts";
import { MAPPINGS } from "../../io/mappings/index.ts";
import { decodeText, type TextEncoding } from "../../io/text/decode.ts";
import { ENTITY_KINDS, type EntityKind } from "../../model/entity.ts";
import { isWorkbookBytes } from "../../io/xlsx/read-workbook.ts";
import { listEntities } from "../../store/sheets.ts";
import type { ServerContext } from "../context.ts";
import { placed, type ImportPreview } from "../import-preview.ts";
import { text } from "../../i18n/catalogue.ts";
import { clientGone } from "../pool/request-signal.ts";

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
  /** Text of a CSV; undefined for an .xls/.xlsx workbook (recognised from its bytes). */
  text: string | undefined;
  /** The encoding the text was read in: UTF-8, or GB18030 (GBK) when it is not UTF-8. */
  encoding: TextEncoding | undefined;
}

/** Reads the `file` part of a multipart upload, with a safe display name. */
async function upload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) throw new UsageError(text("server.notMultipart"));
  const part = await req.file();
  if (!part) throw new UsageError(text("server.noFile"));
  const bytes = await part.toBuffer();
  const file = basename(part.filename || "upload.csv").replace(/[^\p{L}\p{N}._ -]/gu, "_") || "upload.csv";
  if (isWorkbookBytes(bytes)) return { file, bytes, text: undefined, encoding: undefined };
  const { text: decoded, encoding } = decodeText(bytes, file);
  return { file, bytes, text: decoded, encoding };
}

/** Thrown to roll a dry-run import back, carrying what it would have imported. */
class DryRun {
  constructor(readonly result: ImportResult) {}
}

/**
 * A workbook's preview: the importer itself runs inside a transaction that is always rolled back,
 * so the preview applies exactly the checks a commit would, and writes nothing.
 */
async function previewWorkbook(
  ctx: ServerContext,
  u: Upload,
  mapping: string | undefined,
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
  try {
    await ctx.gate.write((store) =>
      store.transaction(async () => {
        throw new DryRun(await importBytes(store, u.bytes, u.file, mapping ? { mapping } : {}));
      }),
    );
  } catch (error) {
    if (!(error instanceof DryRun)) {
      preview.errors.push(placed(error));
      return preview;
    }
    const r = error.result;
    preview.ok = true;
    preview.mapping = r.mapping;
    preview.totalRows = r.positions + r.observations;
    preview.summary = {
      sheets: r.sheets,
      positions: r.positions,
      series: r.series,
      observations: r.observations,
      entities: [],
      dates: [],
    };
  }
  return preview;
}

/** Imports: preview an upload with every error placed, then commit it in one transaction. */
export function importRoutes(app: FastifyInstance, ctx: ServerContext): void {
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
      if (u.text === undefined) return previewWorkbook(ctx, u, req.query.mapping);
      const { text, file } = u;
      const homeCurrencies = await ctx.gate.read(
        async (store) => new Map((await listEntities(store)).map((e) => [e.id, e.homeCurrency])),
      );
      // The preview reads the file up to 100 times: on a worker thread.
      return ctx.pool.run(
        "preview",
        {
          text,
          file,
          ...(req.query.mapping ? { mapping: req.query.mapping } : {}),
          ...(u.encoding ? { encoding: u.encoding } : {}),
          homeCurrencies,
          today: new Date().toISOString().slice(0, 10),
        },
        { budgetMs: ctx.budgets.import, signal: clientGone(reply) },
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
      const options = {
        ...(req.query.mapping ? { mapping: req.query.mapping } : {}),
        ...(req.query.entityKind ? { entityKind: req.query.entityKind } : {}),
      };
      // The bytes, so the import decodes them itself and names the encoding in its result.
      const result = await ctx.gate.write((store) => importBytes(store, u.bytes, u.file, options));
      return reply.status(201).send(result);
    },
  );
}
