import type { FastifyInstance } from "fastify";

import { UsageError } from "../../errors.ts";
import { loadRevaluation } from "../../stress/load.ts";
import type { ServerContext } from "../context.ts";
import { DATE, ENTITY } from "../schemas.ts";

const PCTS = {
  type: "string",
  pattern: "^-?\\d{1,2}(\\.\\d+)?(,-?\\d{1,2}(\\.\\d+)?)*$",
  description: "appreciation of the domestic currency in percent, or several in turn: 10 or 5,5,5",
} as const;

/** The exchange-rate revaluation stress of a central bank (engine: src/stress). */
export function stressRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{
    Params: { entity: string; date: string };
    Querystring: { appreciation?: string; from?: string };
  }>(
    "/api/stress/:entity/:date",
    {
      schema: {
        summary:
          "Revaluation stress: book loss on the net foreign-currency position for an appreciation (or a path), the own capital it consumes, and the losses implied by the bundled exchange rate",
        tags: ["indicators"],
        params: { type: "object", required: ["entity", "date"], properties: { entity: ENTITY, date: DATE } },
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: { appreciation: PCTS, from: DATE },
        },
      },
    },
    async (req) =>
      ctx.cache.answer(req, async () => {
        const path = (req.query.appreciation ?? "10").split(",").map((p) => Number(p) / 100);
        if (path.some((x) => !(x > -1 && x < 1)))
          throw new UsageError("appreciation must lie between -100 and 100 percent");
        const { entity, date } = req.params;
        return ctx.gate.read((store) =>
          loadRevaluation(store, entity, date, path, req.query.from ?? "2005-07"),
        );
      }),
  );
}
