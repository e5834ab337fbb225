import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

import { BslabError, type ErrorCode } from "../errors.ts";
import { msg } from "../i18n/catalogue.ts";
import { isLang, type Lang, type Text } from "../i18n/lang.ts";
import { patternHint } from "./schemas.ts";

/** The body of every error answer: a stable code for scripts and a message for people. */
export interface ErrorBody {
  error: { code: string; message: string; place?: unknown };
}

/** A refusal with its own HTTP status and code (busy, over its time budget, out of memory). */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  /** The message in both languages (`text(...)` of src/i18n/catalogue.ts). */
  readonly text: Text;
  constructor(status: number, code: string, message: Text) {
    super(message.en);
    this.name = "HttpError";
    this.status = status;
    this.code = code;
    this.text = message;
  }
}

const STATUS: Record<ErrorCode, number> = {
  parse: 400,
  usage: 400,
  data: 400,
  model: 422,
  indicator: 400,
  "not-computable": 422,
  "not-found": 404,
  store: 503,
};

/**
 * The language a request reads: `?lang=` when given, else its Accept-Language (Chinese when it
 * starts with zh), else English.
 */
export function requestLang(request: FastifyRequest): Lang {
  const q = (request.query as Record<string, unknown> | undefined)?.lang;
  if (isLang(q)) return q;
  const accept = request.headers["accept-language"];
  return typeof accept === "string" && /^\s*zh/i.test(accept) ? "zh" : "en";
}

/** Fastify's own error codes that mean "the request was bad", with our code and message. */
function fastifyError(
  error: FastifyError,
  limits: { body: number; file: number },
  lang: Lang,
): [number, string, string] {
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return [413, "too-large", msg(lang, "server.bodyTooLarge", limits.body)];
    case "FST_REQ_FILE_TOO_LARGE":
      return [413, "too-large", msg(lang, "server.fileTooLarge", limits.file)];
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return [400, "usage", msg(lang, "server.invalidJson", error.message)];
    case "FST_INVALID_MULTIPART_CONTENT_TYPE":
      return [400, "usage", msg(lang, "server.notMultipart")];
    default:
      return [error.statusCode ?? 500, "usage", error.message];
  }
}

/**
 * Answers every failure as `{ error: { code, message } }`: schema violations and bad uploads with
 * 4xx, bslab's own errors by their code, and anything unexpected as 500 with one line of text,
 * never a stack trace.
 */
export function installErrorHandler(
  app: FastifyInstance,
  limits: { body: number; file: number },
  dbPath = "",
): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let status: number;
    let code: string;
    let message: string;
    let place: unknown;
    const lang = requestLang(request);
    if (error.validation) {
      status = 400;
      code = "usage";
      const detail = error.validation
        .map((v) => {
          const hint = v.keyword === "pattern" ? patternHint(String(v.params.pattern)) : undefined;
          return `${v.instancePath || "/"} ${hint ? `must be ${hint}` : (v.message ?? "is invalid")}`;
        })
        .join("; ");
      message = msg(lang, "server.invalidInput", error.validationContext ?? "request", detail);
    } else if (error instanceof HttpError) {
      status = error.status;
      code = error.code;
      message = error.text[lang];
      if (status === 503) void reply.header("retry-after", "5");
    } else if (error instanceof BslabError) {
      status = STATUS[error.code] ?? 400;
      code = error.code;
      message = error.messageIn(lang);
      place = error.place;
    } else {
      [status, code, message] = fastifyError(error, limits, lang);
    }
    if (status >= 500 && !(error instanceof BslabError) && !(error instanceof HttpError)) {
      request.log.error(error);
      if (/could not set lock|conflicting lock/i.test(String(error.message))) {
        // A database another process holds (DuckDB's words, with its PID, stay in the log).
        status = 503;
        code = "store";
        message = msg(lang, "store.locked", dbPath);
        void reply.header("retry-after", "5");
      } else {
        // A driver's or library's own text says nothing to the reader and may leak internals.
        code = "internal";
        message = msg(lang, "server.internalHidden", error.name || "Error");
      }
    }
    const body: ErrorBody = { error: { code, message: message.split("\n")[0] ?? message } };
    if (place !== undefined) body.error.place = place;
    return reply.status(status).type("application/json").send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({
      error: {
        code: "not-found",
        message: msg(requestLang(request), "server.unknownRoute", request.method, request.url),
      },
    } satisfies ErrorBody);
  });
}

/**
 * Fastify's errors from before routing (a URL that is not valid percent-encoding, `/%c0%ae`), in
 * the same envelope as every other answer (pass as the `frameworkErrors` option of Fastify).
 */
export function frameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const lang = requestLang(request);
  const badUrl = error.code === "FST_ERR_BAD_URL";
  void reply
    .status(400)
    .type("application/json")
    .send({
      error: {
        code: "usage",
        message: badUrl
          ? msg(lang, "server.badUrl", request.url)
          : msg(lang, "server.invalidInput", "request", error.message),
      },
    } satisfies ErrorBody);
}
