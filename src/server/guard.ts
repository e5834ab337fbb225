import { timingSafeEqual } from "node:crypto";
import { networkInterfaces } from "node:os";

import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

import { msg } from "../i18n/catalogue.ts";
import { type ErrorBody, requestLang } from "./http-errors.ts";

/**
 * The header the web app sends with every request. A page on another origin cannot add it without
 * a CORS preflight, which this server never grants, so a write carrying it comes from the app (or
 * from a script on this machine, which could open the database anyway).
 */
export const CLIENT_HEADER = "x-bslab-client";
/** The header carrying the access token when the server requires one (see {@link GuardOptions}). */
export const TOKEN_HEADER = "x-bslab-token";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);
const WILDCARD = new Set(["0.0.0.0", "::", "[::]"]);
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
// `none`: the user's own action (a typed URL, a bookmark); everything else is another site.
const SAME_ORIGIN_FETCH = new Set(["same-origin", "none"]);

/** Options of {@link installGuard}. */
export interface GuardOptions {
  /** The address the server listens on (`--host`): its Host values are answered. Default 127.0.0.1. */
  host?: string;
  /** Access token every `/api` request must carry; required when `host` is not a loopback address. */
  token?: string;
}

/** True when `host` only accepts connections from this machine. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** A host name as it appears in a Host header: IPv6 literals in brackets, lower case. */
function hostForm(name: string): string {
  const h = name.toLowerCase();
  return h.includes(":") && !h.startsWith("[") ? `[${h}]` : h;
}

/** The host names a request may address: loopback names, the bound address, and for 0.0.0.0/:: every interface. */
function allowedNames(host: string): Set<string> {
  const names = new Set([...LOOPBACK].map(hostForm));
  if (WILDCARD.has(host)) {
    for (const list of Object.values(networkInterfaces()))
      for (const nic of list ?? []) names.add(hostForm(nic.address));
  } else names.add(hostForm(host));
  return names;
}

/** Splits a Host header into name and port (undefined when absent); undefined when malformed. */
export function splitHost(value: string): { name: string; port: number | undefined } | undefined {
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]/@\s]+)(?::(\d{1,5}))?$/.exec(value);
  if (!m) return undefined;
  return { name: m[1]!.toLowerCase(), port: m[2] === undefined ? undefined : Number(m[2]) };
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuse(reply: FastifyReply, status: number, message: string): FastifyReply {
  return reply
    .status(status)
    .type("application/json")
    .send({ error: { code: "forbidden", message } } satisfies ErrorBody);
}

/**
 * Refuses, before the body is read, every request that does not prove where it comes from:
 * - a Host header that is not an address of this server (DNS rebinding: a foreign name that
 *   resolves to 127.0.0.1),
 * - a state-changing request (POST, PUT, PATCH, DELETE) whose `Origin` is another origin or whose
 *   `Sec-Fetch-Site` says another site, or that lacks the {@link CLIENT_HEADER} the web app sends,
 * - with a token configured, an `/api` request without it (header {@link TOKEN_HEADER} or
 *   `Authorization: Bearer`).
 * @throws Error when `host` opens the server beyond loopback and no token is given
 */
export function installGuard(app: FastifyInstance, options: GuardOptions = {}): void {
  const host = options.host ?? "127.0.0.1";
  const token = options.token;
  if (!isLoopbackHost(host) && !token) throw new Error(msg("en", "server.tokenRequired", host));
  const names = allowedNames(host);

  app.addHook("onRequest", async (req: FastifyRequest, reply: FastifyReply) => {
    const hostHeader = req.headers.host;
    const parsed = hostHeader === undefined ? undefined : splitHost(hostHeader);
    // The bound port once listening; inject() in tests has none and any port is accepted.
    const address = app.server.address();
    const port = address && typeof address === "object" ? address.port : undefined;
    if (!parsed || !names.has(parsed.name) || (port !== undefined && (parsed.port ?? 80) !== port))
      return refuse(reply, 421, msg(requestLang(req), "server.foreignHost", hostHeader ?? ""));

    if (!SAFE_METHODS.has(req.method)) {
      const site = req.headers["sec-fetch-site"];
      if (typeof site === "string" && !SAME_ORIGIN_FETCH.has(site.toLowerCase()))
        return refuse(reply, 403, msg(requestLang(req), "server.foreignSite", site));
      const origin = req.headers.origin;
      if (origin !== undefined && !sameOrigin(origin, hostHeader!))
        return refuse(reply, 403, msg(requestLang(req), "server.foreignOrigin", origin));
      if (!req.headers[CLIENT_HEADER])
        return refuse(reply, 403, msg(requestLang(req), "server.noClientHeader", CLIENT_HEADER));
    }

    if (token && req.url.startsWith("/api")) {
      const auth = req.headers.authorization;
      const given =
        (req.headers[TOKEN_HEADER] as string | undefined) ??
        (typeof auth === "string" && auth.startsWith("Bearer ") ? auth.slice(7) : undefined);
      if (given === undefined || !sameToken(given, token))
        return refuse(reply, 401, msg(requestLang(req), "server.badToken", TOKEN_HEADER));
    }
    return undefined;
  });
}

/** True when an Origin header names this very server (scheme http, the request's own host and port). */
function sameOrigin(origin: string, hostHeader: string): boolean {
  if (origin === "null") return false;
  try {
    const url = new URL(origin);
    return (
      (url.protocol === "http:" || url.protocol === "https:") &&
      url.host === new URL(`http://${hostHeader}`).host
    );
  } catch {
    return false;
  }
}
