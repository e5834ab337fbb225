import type { FastifyInstance } from "fastify";

import { NotFoundError, UsageError, messages } from "../../errors.ts";
import { roundSum, type BalanceSheet } from "../../model/balance-sheet.ts";
import type { Side } from "../../model/position.ts";
import { unitLabel } from "../../model/units.ts";
import { checkSheet } from "../../model/validate.ts";
import { listDatasets } from "../../store/datasets.ts";
import { duckdb } from "../../store/duckdb.ts";
import { listEntities, loadSheet, sheetDates } from "../../store/sheets.ts";
import type { Store } from "../../store/store.ts";
import type { ServerContext } from "../context.ts";
import { DATE, ENTITY } from "../schemas.ts";

/** Throws NotFoundError naming the known entities when `entity` is not one of them. */
export async function requireEntity(store: Store, entity: string): Promise<void> {
  const known = (await listEntities(store)).map((e) => e.id);
  if (!known.includes(entity)) throw new NotFoundError(messages.unknownEntity(entity, known));
}

async function requireSheet(store: Store, entity: string, date: string): Promise<BalanceSheet> {
  await requireEntity(store, entity);
  const sheet = await loadSheet(store, entity, date);
  if (sheet) return sheet;
  const dates = await sheetDates(store, entity);
  const range = dates.length ? `${dates[0]} .. ${dates[dates.length - 1]}` : "none";
  throw new NotFoundError(`no balance sheet for ${entity} at ${date} (available: ${range})`);
}

/** Labels of a unit in both languages, so the client formats without a second request. */
const unitLabels = (sheet: BalanceSheet) => ({
  en: unitLabel(sheet.unit, "en"),
  zh: unitLabel(sheet.unit, "zh"),
});

interface CompositionLine {
  [key: string]: unknown;
  date: string;
  item: string;
  label_zh: string | null;
  label_en: string | null;
  side: Side;
  kind: string;
  value: number;
}

/**
 * Shares of each item line of one side in that side's published total (or the sum of its items
 * when a layout has no total), per date. One lean query over the latest vintages: the chart of
 * Figure 1 reads 133 sheets, and loading them whole would take most of the page's first second.
 */
async function composition(
  store: Store,
  entity: string,
  side: "asset" | "liability",
  sides: Side[],
  from: string,
  to: string,
) {
  const latest = `select date, vintage, currency, scale from sheets where entity = $1 and date >= $2 and date <= $3
     qualify row_number() over (partition by date order by vintage desc) = 1`;
  const heads = await store.all<{ date: string; currency: string; scale: number }>(
    `${latest} order by date`,
    [entity, from, to + "\uffff"],
  );
  const lines = await store.all<CompositionLine>(
    `select p.date, p.item, p.label_zh, p.label_en, p.side, p.kind, p.value
     from positions p join (${latest}) s on p.date = s.date and p.vintage = s.vintage
     where p.entity = $1 and p.kind in ('item', 'total') and list_contains($4::varchar[], p.side)
     order by p.date, p.src_file, p.src_row, p.item`,
    [entity, from, to + "\uffff", duckdb().listValue(sides)],
  );
  const byDate = new Map<string, CompositionLine[]>();
  for (const l of lines) {
    const list = byDate.get(l.date) ?? [];
    list.push(l);
    byDate.set(l.date, list);
  }
  const items = new Map<string, { item: string; label: { en?: string; zh?: string } }>();
  const rows = heads.map((h) => {
    const list = byDate.get(h.date) ?? [];
    const itemLines = list.filter((l) => l.kind === "item");
    const total =
      list.find((l) => l.kind === "total")?.value ?? roundSum(itemLines.reduce((a, l) => a + l.value, 0));
    const values: Record<string, number> = {};
    const shares: Record<string, number | null> = {};
    for (const l of itemLines) {
      if (!items.has(l.item))
        items.set(l.item, {
          item: l.item,
          label: { ...(l.label_zh ? { zh: l.label_zh } : {}), ...(l.label_en ? { en: l.label_en } : {}) },
        });
      values[l.item] = l.value;
      // A zero total has no shares: null, never NaN or Infinity.
      shares[l.item] = total === 0 ? null : l.value / total;
    }
    return { date: h.date, total, values, shares };
  });
  const unit = heads[0] ? { currency: heads[0].currency, scale: heads[0].scale } : null;
  return {
    entity,
    side,
    unit,
    unitLabel: unit ? { en: unitLabel(unit, "en"), zh: unitLabel(unit, "zh") } : null,
    items: [...items.values()],
    rows,
  };
}

/** Datasets, entities and balance sheets: the store as it is. */
export function sheetRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get(
    "/api/datasets",
    { schema: { summary: "Loaded datasets with coverage, vintage, source and licence", tags: ["data"] } },
    async (req) =>
      ctx.cache.answer(req, async () => ({ datasets: await ctx.gate.read((s) => listDatasets(s)) })),
  );

  app.get(
    "/api/entities",
    {
      schema: {
        summary: "Entities (central banks, imported sectors) with the dates of their sheets",
        tags: ["data"],
      },
    },
    async (req) =>
      ctx.cache.answer(req, () =>
        ctx.gate.read(async (store) => {
          const entities = await listEntities(store);
          const spans = await store.all<{ entity: string; first: string; last: string; sheets: number }>(
            "select entity, min(date) as first, max(date) as last, count(distinct date) as sheets from sheets group by entity",
          );
          const byId = new Map(spans.map((s) => [s.entity, s]));
          return {
            entities: entities.map((e) => ({
              ...e,
              first: byId.get(e.id)?.first ?? null,
              last: byId.get(e.id)?.last ?? null,
              sheets: byId.get(e.id)?.sheets ?? 0,
            })),
          };
        }),
      ),
  );

  app.get<{ Params: { entity: string } }>(
    "/api/entities/:entity/dates",
    {
      schema: {
        summary: "Dates at which an entity has a balance sheet",
        tags: ["data"],
        params: { type: "object", required: ["entity"], properties: { entity: ENTITY } },
      },
    },
    async (req) =>
      ctx.cache.answer(req, () =>
        ctx.gate.read(async (store) => {
          await requireEntity(store, req.params.entity);
          return { entity: req.params.entity, dates: await sheetDates(store, req.params.entity) };
        }),
      ),
  );

  app.get<{ Params: { entity: string; date: string } }>(
    "/api/sheets/:entity/:date",
    {
      schema: {
        summary: "One balance sheet: every line with its source, the unit, and the accounting checks",
        tags: ["data"],
        params: { type: "object", required: ["entity", "date"], properties: { entity: ENTITY, date: DATE } },
      },
    },
    async (req) =>
      ctx.cache.answer(req, async () => {
        const sheet = await ctx.gate.read((s) => requireSheet(s, req.params.entity, req.params.date));
        const checks = checkSheet(sheet);
        return { sheet, unitLabel: unitLabels(sheet), checks, balanced: checks.every((c) => c.ok) };
      }),
  );

  app.get<{
    Params: { entity: string };
    Querystring: { side: "asset" | "liability"; from?: string; to?: string };
  }>(
    "/api/sheets/:entity/composition",
    {
      schema: {
        summary: "Composition over time: each line of one side as a share of that side's published total",
        description:
          "The data of the liability-composition chart (the mismatch study's Figure 1); values in the sheets' unit, shares as fractions.",
        tags: ["data"],
        params: { type: "object", required: ["entity"], properties: { entity: ENTITY } },
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            side: { type: "string", enum: ["asset", "liability"], default: "liability" },
            from: DATE,
            to: DATE,
          },
        },
      },
    },
    async (req) => {
      const { side, from = "", to = "9999" } = req.query;
      if (from && to && from > to)
        throw new UsageError(messages.invalidOption("from", from, `a date not after to=${to}`));
      const sides: Side[] = side === "asset" ? ["asset"] : ["liability", "equity"];
      return ctx.cache.answer(req, () =>
        ctx.gate.read(async (store) => {
          await requireEntity(store, req.params.entity);
          return composition(store, req.params.entity, side, sides, from, to);
        }),
      );
    },
  );
}
