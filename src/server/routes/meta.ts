import type { FastifyInstance } from "fastify";

import type { ServerContext } from "../context.ts";
import { openApiDocument } from "../openapi.ts";

/** Health and the OpenAPI document. */
export function metaRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get(
    "/api/health",
    { schema: { summary: "Liveness: the server answers and which database it uses", tags: ["meta"] } },
    async () => ({ ok: true, version: ctx.version, db: ctx.gate.path }),
  );
  app.get(
    "/api/openapi.json",
    { schema: { summary: "This API as an OpenAPI 3.1 document", tags: ["meta"] } },
    async () => openApiDocument(ctx.routes, ctx.version),
  );
}
