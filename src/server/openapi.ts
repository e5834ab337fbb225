import type { FastifyInstance, RouteOptions } from "fastify";

type Json = Record<string, unknown>;

// The documentation keys each route schema carries besides what Fastify validates.
declare module "fastify" {
  interface FastifySchema {
    summary?: string;
    description?: string;
    tags?: string[];
    /** Multipart request body, documented only (uploads are read by @fastify/multipart). */
    multipart?: unknown;
    hide?: boolean;
  }
}

interface CollectedRoute {
  method: string;
  url: string;
  schema: Json;
}

const ERROR_SCHEMA = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: { code: { type: "string" }, message: { type: "string" }, place: { type: "object" } },
    },
  },
};

/**
 * Collects the routes as they are registered, so the OpenAPI document is built from the same
 * schemas Fastify validates requests with: one definition, no second copy to drift.
 */
export function collectRoutes(app: FastifyInstance): CollectedRoute[] {
  const routes: CollectedRoute[] = [];
  app.addHook("onRoute", (route: RouteOptions) => {
    if (!route.url.startsWith("/api/") || route.schema?.hide) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === "HEAD") continue;
      routes.push({ method: method.toLowerCase(), url: route.url, schema: (route.schema ?? {}) as Json });
    }
  });
  return routes;
}

function parameters(schema: Json | undefined, where: "path" | "query"): Json[] {
  const props = (schema?.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema?.required ?? []) as string[]);
  return Object.entries(props).map(([name, s]) => ({
    name,
    in: where,
    required: where === "path" || required.has(name),
    ...(typeof s.description === "string" ? { description: s.description } : {}),
    schema: s,
  }));
}

/** The OpenAPI 3.1 document of every `/api/` route collected by {@link collectRoutes}. */
export function openApiDocument(routes: readonly CollectedRoute[], version: string): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const r of routes) {
    const path = r.url.replace(/:([A-Za-z_]+)/g, "{$1}");
    const s = r.schema;
    const op: Json = {
      summary: s.summary ?? "",
      ...(s.description ? { description: s.description } : {}),
      tags: s.tags ?? [],
      operationId: `${r.method}${path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
      parameters: [...parameters(s.params as Json, "path"), ...parameters(s.querystring as Json, "query")],
      responses: {
        "200": {
          description: (s.responseDescription as string | undefined) ?? "OK",
          content: { [(s.produces as string | undefined) ?? "application/json"]: {} },
        },
        "4XX": { description: "bad input", content: { "application/json": { schema: ERROR_SCHEMA } } },
      },
    };
    if (s.body) op.requestBody = { required: true, content: { "application/json": { schema: s.body } } };
    if (s.multipart)
      op.requestBody = { required: true, content: { "multipart/form-data": { schema: s.multipart } } };
    (paths[path] ??= {})[r.method] = op;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "bslab HTTP API",
      version,
      description:
        "Balance Sheet Lab: balance sheets, mismatch indicators, recession monitor, SFC simulator, imports. Errors are `{ error: { code, message } }`.",
    },
    servers: [{ url: "/" }],
    paths,
  };
}
