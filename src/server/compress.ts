import { Readable } from "node:stream";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

import { text } from "../i18n/catalogue.ts";
import { UsageError } from "../errors.ts";

const COMPRESSIBLE = /^(application\/(json|javascript|xml)|text\/|image\/svg\+xml)/;
const MIN_BYTES = 1024;
// Hashed build files never change under their name: compress each once.
const STATIC_CACHE_MAX = 64;

type Encoding = "br" | "gzip";

/** The best encoding the client accepts (brotli before gzip), or none. */
export function acceptedEncoding(header: string | string[] | undefined): Encoding | undefined {
  const value = Array.isArray(header) ? header.join(",") : (header ?? "");
  const accepts = (name: string) =>
    value.split(",").some((part) => {
      const [token, ...params] = part.trim().split(";");
      if (token?.trim().toLowerCase() !== name) return false;
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return q === undefined || Number(q.slice(2)) > 0;
    });
  if (accepts("br")) return "br";
  if (accepts("gzip")) return "gzip";
  return undefined;
}

function compress(body: Buffer, encoding: Encoding): Buffer {
  return encoding === "br"
    ? brotliCompressSync(body, {
        params: {
          // Quality 5: most of brotli's gain for a fraction of the time of 11 (answers are made per request).
          [constants.BROTLI_PARAM_QUALITY]: 5,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : gzipSync(body, { level: 6 });
}

async function bufferOf(payload: unknown): Promise<Buffer | undefined> {
  if (typeof payload === "string") return Buffer.from(payload);
  if (Buffer.isBuffer(payload)) return payload;
  if (payload instanceof Readable) {
    const chunks: Buffer[] = [];
    for await (const chunk of payload)
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
    return Buffer.concat(chunks);
  }
  return undefined;
}

/** Every `null` in a JSON body, by JSON pointer (numbers are never null: `abc` sent as a number is refused). */
function nullsIn(value: unknown, path = ""): string[] {
  if (value === null) return [path || "/"];
  if (Array.isArray(value)) return value.flatMap((v, i) => nullsIn(v, `${path}/${i}`));
  if (typeof value === "object") return Object.entries(value).flatMap(([k, v]) => nullsIn(v, `${path}/${k}`));
  return [];
}

/**
 * Compresses static files and API answers (brotli or gzip, as the client accepts; text types over
 * 1 KB), and refuses JSON bodies holding `null` where bslab expects a value: a number that did not
 * parse in the page (`v.alpha1=abc`) must not run as 0.
 */
export function installCompression(app: FastifyInstance): void {
  const cache = new Map<string, { encoding: Encoding; body: Buffer; etag: string | undefined }>();

  app.addHook("preValidation", async (req: FastifyRequest) => {
    if (req.body === undefined || req.isMultipart()) return;
    const nulls = nullsIn(req.body);
    if (nulls.length) throw new UsageError(text("server.nullValue", nulls.slice(0, 5).join(", ")));
  });

  app.addHook("onSend", async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (reply.hasHeader("content-encoding") || req.method === "HEAD") return payload;
    const type = String(reply.getHeader("content-type") ?? "");
    if (!COMPRESSIBLE.test(type) || reply.statusCode === 204 || reply.statusCode === 304) return payload;
    const encoding = acceptedEncoding(req.headers["accept-encoding"]);
    reply.header("vary", "accept-encoding");
    if (!encoding) return payload;
    const etag = reply.getHeader("etag") as string | undefined;
    const key = `${encoding} ${req.url.split("?")[0]}`;
    const isAsset = req.url.startsWith("/assets/");
    const hit = isAsset ? cache.get(key) : undefined;
    let body: Buffer;
    if (hit && hit.etag === etag) {
      if (payload instanceof Readable) payload.destroy();
      body = hit.body;
    } else {
      const raw = await bufferOf(payload);
      if (!raw || raw.length < MIN_BYTES) return raw ?? payload;
      body = compress(raw, encoding);
      if (isAsset) {
        if (cache.size >= STATIC_CACHE_MAX) cache.delete(cache.keys().next().value!);
        cache.set(key, { encoding, body, etag });
      }
    }
    reply.header("content-encoding", encoding);
    reply.header("content-length", body.length);
    return body;
  });
}
