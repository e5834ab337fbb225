import type { FastifyInstance } from "fastify";

import { NotFoundError } from "../../errors.ts";
import { textBuilders } from "../../i18n/define.ts";
import { loadSeries } from "../../store/series.ts";
import type { Store } from "../../store/store.ts";
import type { ServerContext } from "../context.ts";
import { DATE } from "../schemas.ts";
import { SERIES_MESSAGES } from "./series-messages.ts";

const text = textBuilders(SERIES_MESSAGES);

const SERIES_ID = {
  type: "string",
  minLength: 1,
  maxLength: 200,
  description: "stored series id, e.g. FRED/CURRCIR or BIS/WS_TC/Q.CN.P.A.M.770.A",
} as const;

/** One stored series as the search lists it: what it is, whose, how often, in what unit, which dates. */
interface SeriesHit {
  id: string;
  entity: string;
  name: string;
  frequency: string;
  unit: string;
  scale: number;
  dataset: string;
  datasetTitle: string;
  first: string | null;
  last: string | null;
  count: number;
}

/**
 * Stored series matching every word of `q` (in the id, name, entity, dataset id or title; any
 * case), latest vintage only, the shortest ids first (the broad series before their breakdowns).
 */
async function searchSeries(store: Store, q: string, limit: number): Promise<SeriesHit[]> {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  const hay =
    "lower(s.id || ' ' || s.name || ' ' || s.entity || ' ' || s.dataset || ' ' || coalesce(d.title, ''))";
  const where = words.map((_w, i) => `contains(${hay}, $${i + 1})`).join(" and ") || "true";
  const hits = await store.all<
    Omit<SeriesHit, "first" | "last" | "count"> & { vintage: string } & Record<string, unknown>
  >(
    `select s.id, s.vintage, s.entity, s.name, s.frequency, s.unit, s.scale, s.dataset, coalesce(d.title, s.dataset) as "datasetTitle"
     from series s left join datasets d on d.id = s.dataset
     where ${where}
     qualify row_number() over (partition by s.id order by s.vintage desc) = 1
     order by length(s.id), s.id limit ${limit}`,
    words,
  );
  if (hits.length === 0) return [];
  const spans = await store.all<{ id: string; vintage: string; first: string; last: string; count: number }>(
    `select series_id as id, vintage, min(date) as first, max(date) as last, count(*)::integer as count
     from observations where series_id in (${hits.map((_h, i) => `$${i + 1}`).join(",")}) group by all`,
    hits.map((h) => h.id),
  );
  const span = new Map(spans.map((s) => [`${s.id}\u0000${s.vintage}`, s]));
  return hits.map(({ vintage, ...h }) => {
    const s = span.get(`${h.id}\u0000${vintage}`);
    return {
      ...h,
      scale: Number(h.scale),
      first: s?.first ?? null,
      last: s?.last ?? null,
      count: Number(s?.count ?? 0),
    };
  });
}

/** Stored series (as imported or bundled) for the explorer: search them, and read one with its source. */
export function seriesRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Querystring: { q?: string; limit?: number } }>(
    "/api/series",
    {
      schema: {
        summary: "Search the stored series by id, name, entity or dataset (every word must match)",
        tags: ["data"],
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            q: { type: "string", maxLength: 200, description: "words to match, e.g. `currency circulation`" },
            limit: { type: "integer", minimum: 1, maximum: 100, default: 20 },
          },
        },
      },
    },
    async (req) =>
      ctx.cache.answer(req, async () => ({
        series: await ctx.gate.read((store) => searchSeries(store, req.query.q ?? "", req.query.limit ?? 20)),
      })),
  );

  app.get<{ Querystring: { id: string; from?: string; to?: string } }>(
    "/api/series/data",
    {
      schema: {
        summary: "One stored series (latest vintage): its observations in a date range, unit and source",
        tags: ["data"],
        querystring: {
          type: "object",
          additionalProperties: false,
          required: ["id"],
          properties: { id: SERIES_ID, from: DATE, to: DATE },
        },
      },
    },
    async (req) =>
      ctx.cache.answer(req, () =>
        ctx.gate.read(async (store) => {
          const { id, from, to } = req.query;
          const series = await loadSeries(store, id);
          if (!series) throw new NotFoundError(text.unknownSeries(id));
          const [source] = await store.all<{
            publisher: string;
            title: string;
            vintage: string;
            licence: string;
          }>("select publisher, title, vintage, licence from datasets where id = ?", [series.dataset]);
          // Dates compare as written within one series (2013-12, 2013-Q4, 2013-12-31); a bound of
          // another precision compares by its prefix, so from=2013 includes 2013-01.
          const inRange = (d: string) =>
            (from === undefined || d >= from || d.startsWith(from)) &&
            (to === undefined || d <= to || d.startsWith(to));
          return {
            id: series.id,
            vintage: series.vintage,
            entity: series.entity,
            name: series.name,
            frequency: series.frequency,
            unit: series.unit,
            scale: Number(series.scale),
            dataset: series.dataset,
            file: series.file,
            source: source ?? null,
            observations: series.observations.filter((o) => inRange(o.date)),
          };
        }),
      ),
  );
}
