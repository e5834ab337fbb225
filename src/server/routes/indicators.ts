import type { FastifyInstance } from "fastify";

import {
  assess,
  computeAll,
  getIndicator,
  indicatorsForInput,
  listIndicators,
  loadCompiledSeries,
  resolveInput,
  type IndicatorDef,
  type IndicatorResult,
} from "../../indicators/index.ts";
import { unitText } from "../../indicators/compute.ts";
import { EWN_DATASET, EWN_FILE } from "../../io/sources/ewn.ts";
import { assessContext, loadComparison } from "../../indicators/compare.ts";
import { listSeries } from "../../store/series.ts";
import type { Store } from "../../store/store.ts";
import type { ServerContext } from "../context.ts";
import { DATE, ENTITY, LANG } from "../schemas.ts";

const IDS = {
  type: "string",
  pattern: "^[a-z0-9_.]+(,[a-z0-9_.]+)*$",
  description: "comma-separated indicator ids, e.g. cb.currency_issued_share,cb.fx_assets_share",
} as const;

function parseIds(ids: string | undefined): IndicatorDef[] | undefined {
  return ids ? ids.split(",").map((id) => getIndicator(id)) : undefined;
}

/** A definition as the API lists it (the formula function itself stays on the server). */
function describe(d: IndicatorDef) {
  return {
    id: d.id,
    type: d.type,
    level: d.level,
    name: d.name,
    formula: d.formula,
    unit: d.unit,
    threshold: d.threshold,
    citation: d.citation,
    ...(d.note ? { note: d.note } : {}),
  };
}

function result(r: IndicatorResult) {
  return { ...r, name: getIndicator(r.id).name };
}

/** The datasets an entity's stored sheets come from: publisher, title and vintage (for chart files). */
async function entitySources(store: Store, entity: string) {
  return store.all<{ id: string; title: string; publisher: string; vintage: string }>(
    "select id, title, publisher, vintage from datasets where id in (select distinct dataset from sheets where entity = ?) order by id",
    [entity],
  );
}

async function atDate(store: Store, entity: string, date: string) {
  const input = await resolveInput(store, entity, date);
  const results = computeAll(indicatorsForInput(input), input);
  const assessment =
    input.kind === "central-bank" ? assess(results, await assessContext(store, input)) : null;
  return { input, results, assessment };
}

/** Indicators with their traced inputs, their time series, and the central-bank comparison (Table 2). */
export function indicatorRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Querystring: { level?: "central-bank" | "sector" | "country" } }>(
    "/api/indicators",
    {
      schema: {
        summary: "Every indicator of the registry: id, names, formula, unit, threshold and citation",
        tags: ["indicators"],
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: { level: { type: "string", enum: ["central-bank", "sector", "country"] } },
        },
      },
    },
    async (req) => ({
      indicators: listIndicators(req.query.level ? { level: [req.query.level] } : {}).map(describe),
    }),
  );

  app.get(
    "/api/economies",
    {
      schema: {
        summary:
          "Economies of the External Wealth of Nations data, for the country-level indicators (annual, 1970-2021)",
        description:
          "Each `name` is an entity for `/api/indicators/{entity}/series` and `/api/indicators/{entity}/{date}` with the `country.*` indicators, e.g. China.",
        tags: ["indicators"],
        querystring: { type: "object", additionalProperties: false, properties: {} },
      },
    },
    async (req) =>
      ctx.cache.answer(req, async () => {
        const metas = await ctx.gate.read((store) => listSeries(store, { dataset: EWN_DATASET }));
        const byName = new Map<string, string>();
        for (const m of metas) byName.set(m.entity, m.id.split("/").pop()!.split(".")[0]!);
        return {
          dataset: EWN_DATASET,
          file: EWN_FILE,
          economies: [...byName]
            .map(([name, ifs]) => ({ name, ifs }))
            .sort((a, b) => a.name.localeCompare(b.name)),
        };
      }),
  );

  app.get<{
    Params: { entity: string };
    Querystring: { from: string; to: string; ids?: string; lang?: "en" | "zh" };
  }>(
    "/api/indicators/:entity/series",
    {
      schema: {
        summary: "Time series of indicators for an entity (e.g. the study's Figure 1 shares, 2002-2013)",
        tags: ["indicators"],
        params: { type: "object", required: ["entity"], properties: { entity: ENTITY } },
        querystring: {
          type: "object",
          additionalProperties: false,
          required: ["from", "to"],
          properties: { from: DATE, to: DATE, ids: IDS, lang: LANG },
        },
      },
    },
    async (req) =>
      ctx.cache.answer(req, async () => {
        const { entity } = req.params;
        const chosen = parseIds(req.query.ids);
        const [series, sources] = await ctx.gate.read(async (store) => [
          await loadCompiledSeries(store, entity, req.query.from, req.query.to, chosen),
          await entitySources(store, entity),
        ]);
        const { defs, inputs } = series;
        const lang = req.query.lang ?? "en";
        return {
          entity,
          sources,
          indicators: defs.map((d) => ({ ...describe(d), unitLabel: unitText(d, inputs[0]!)[lang] })),
          rows: inputs.map((input, i) => ({
            date: input.date,
            values: Object.fromEntries(defs.map((d, k) => [d.id, series.value(i, k)])),
            notes: Object.fromEntries(
              defs.flatMap((d, k) => (series.value(i, k) === null ? [[d.id, series.note(i, k)[lang]]] : [])),
            ),
          })),
        };
      }),
  );

  app.get<{ Params: { entity: string; date: string }; Querystring: { ids?: string } }>(
    "/api/indicators/:entity/:date",
    {
      schema: {
        summary:
          "Every indicator of an entity at a date: value, unit, reading, note and the lines it came from; with the verdicts for a central bank",
        tags: ["indicators"],
        params: { type: "object", required: ["entity", "date"], properties: { entity: ENTITY, date: DATE } },
        querystring: { type: "object", additionalProperties: false, properties: { ids: IDS } },
      },
    },
    async (req) =>
      ctx.cache.answer(req, async () => {
        const { entity, date } = req.params;
        const chosen = parseIds(req.query.ids);
        const { input, results, assessment } = await ctx.gate.read((store) => atDate(store, entity, date));
        const shown = chosen ? results.filter((r) => chosen.some((d) => d.id === r.id)) : results;
        return {
          entity,
          date: input.date,
          partial: input.partial ?? null,
          partialText: input.partialText ?? null,
          results: shown.map(result),
          dateNote: input.dateNote ?? null,
          assessment,
        };
      }),
  );

  app.get<{ Querystring: { entities: string; date: string } }>(
    "/api/compare",
    {
      schema: {
        summary:
          "Central banks side by side at a date: the central-bank indicators, the study's figures, and the Table 2 verdicts",
        tags: ["indicators"],
        querystring: {
          type: "object",
          additionalProperties: false,
          required: ["entities", "date"],
          properties: {
            entities: {
              type: "string",
              pattern: "^[A-Za-z0-9_.:-]{1,64}(,[A-Za-z0-9_.:-]{1,64})*$",
              description:
                "comma-separated central banks (entities of kind central-bank), e.g. pboc,fed,boj,ecb",
            },
            date: DATE,
          },
        },
      },
    },
    async (req) =>
      ctx.cache.answer(req, async () => {
        const entities = req.query.entities.split(",");
        const { date } = req.query;
        const t2 = await ctx.gate.read((store) => loadComparison(store, entities, date));
        const columns = entities.map((entity) => {
          const cells = t2.indicators.filter((c) => c.entity === entity);
          const verdicts = t2.verdicts.filter((v) => v.entity === entity);
          const conclusion = t2.conclusions.find((c) => c.entity === entity)!;
          const bank = t2.banks.find((b) => b.entity === entity)!;
          return {
            ...bank,
            indicators: cells,
            verdicts,
            conclusion: conclusion.text,
            conclusionStudy: conclusion.study,
            conclusionMatch: conclusion.match,
            complete: conclusion.complete,
          };
        });
        return { date, entities: columns, score: t2.score, textFigures: t2.textFigures };
      }),
  );
}
