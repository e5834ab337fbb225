import type { FastifyInstance, FastifyRequest } from "fastify";

import { UsageError, messages } from "../../errors.ts";
import {
  BUFFER_GUIDE,
  countries,
  creditGap,
  diagnoseData,
  loadCountryData,
  localize,
  parseWindow,
  resolveCountry,
  storeSource,
  type CountryData,
  type EvaluationReport,
} from "../../recession/index.ts";
import type { ServerContext } from "../context.ts";
import { COUNTRY, DATE, LANG, WINDOW, YEAR } from "../schemas.ts";

/** Crisis dates of a country from the three chronologies, for marking on charts. */
function crisisDates(data: CountryData) {
  const jst: number[] = [];
  const reinhartRogoff: number[] = [];
  for (const [year, y] of [...data.years].sort((a, b) => a[0] - b[0])) {
    if (y.jstCrisisStart) jst.push(year);
    if (y.rrSystemic) reinhartRogoff.push(year);
  }
  return { jst, laevenValencia: data.lvCrises, reinhartRogoff };
}

/**
 * The evaluation reads the store's panels and takes seconds (expanding-window logits and a
 * bootstrap): computed once per window and kept in the answer cache while the store's data stay
 * the same.
 */
function evaluations(ctx: ServerContext) {
  return (req: FastifyRequest, windowText: string) => {
    const window = parseWindow(windowText);
    const key = `${window.from}-${window.to}`;
    return ctx.cache.answer(
      req,
      () =>
        (async () => {
          const computedAt = new Date().toISOString();
          // The panels are read here; the seconds of logits and bootstrap run on a worker thread.
          const raw = await ctx.gate.read((store) => storeSource(store).panel());
          const report: EvaluationReport = await ctx.pool.run(
            "evaluate",
            { raw, options: { window } },
            { budgetMs: ctx.budgets.evaluate },
          );
          return { window: { ...window, text: `${key}q` }, computedAt, ...report };
        })(),
      `GET /api/recession/evaluate ${key}`,
    );
  };
}

const WARNING_KEY = "GET /api/recession/warning";

// The early-warning table of the store's panels, computed on a worker (seconds of CPU once per
// store vintage; the worker keeps it in memory and in the disk cache, where the CLI finds it too).
function warningTable(ctx: ServerContext, budgetMs: number) {
  return async () => {
    const raw = await ctx.gate.read((store) => storeSource(store).panel());
    return ctx.pool.run("warning", { raw }, { budgetMs });
  };
}

/**
 * A precomputing server starts the table when it starts and after each import through the API,
 * in the answer cache under the route's key, so the skill panel's first request reads it or joins
 * the computation running instead of starting its own. Never awaited by a request; a failure (the
 * pool busy) is dropped and the route computes the table itself when asked.
 */
function precomputeWarning(app: FastifyInstance, ctx: ServerContext): void {
  if (!ctx.precompute) return;
  // Background work gets ten times the request budget: no client is waiting on it.
  const start = () =>
    void ctx.cache.prime(WARNING_KEY, warningTable(ctx, 10 * ctx.budgets.evaluate)).catch(() => undefined);
  app.addHook("onReady", async () => start());
  app.addHook("onResponse", async (req, reply) => {
    if (req.method === "POST" && req.routeOptions.url === "/api/imports" && reply.statusCode < 300) start();
  });
}

/**
 * The balance-sheet-recession monitor: stage timelines, the BIS credit gap, the skill score. Each
 * reads the store (the latest vintage of each series), so a newer imported BIS download is used.
 */
export function recessionRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const evaluation = evaluations(ctx);
  precomputeWarning(app, ctx);
  app.get<{ Querystring: { window: string } }>(
    "/api/recession/evaluate",
    {
      schema: {
        summary:
          "Out-of-sample skill of the composite warning vs the credit gap alone: AUROC with DeLong and bootstrap 95% intervals, noise-to-signal ratio, sample sizes",
        description:
          "Two exercises: BIS quarterly economies with Laeven-Valencia crisis starts (out of sample from 1990) and JST annual with JST crisis starts (from 1920), on the latest vintages in the store. The first answer for a window takes a few seconds; it is kept until the store's data change (an import).",
        tags: ["recession"],
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: { window: WINDOW },
        },
      },
    },
    async (req) => evaluation(req, req.query.window),
  );

  app.get(
    "/api/recession/warning",
    {
      schema: {
        summary:
          "Early-warning evaluation: credit gap, composite logit, logit and boosted trees, out of sample, per sample and horizon",
        description:
          "JST annual (1-2 and 3-5 years) and BIS quarterly (1-4, 5-12, 13-20 quarters) on the latest vintages in the store: recursive refits, thresholds at a 10% false-alarm rate on each fit's training data, test-year AUROC with country-cluster bootstrap intervals, hit rate, noise-to-signal, the model chosen on the validation years by the fixed rule, its difference to the credit gap with a paired interval, and a leave-one-country-out check. Computed once per store vintage (seconds, on a worker thread; `bslab serve` starts it at start and after each import), then cached.",
        tags: ["recession"],
      },
    },
    async (req) => ctx.cache.answer(req, warningTable(ctx, ctx.budgets.evaluate), WARNING_KEY),
  );

  app.get<{ Params: { country: string } }>(
    "/api/recession/warn/:country",
    {
      schema: {
        summary: "Current early-warning probability of a country with the features behind it",
        description:
          "The model the evaluation chose (BIS quarterly 5-12 quarters where the country has BIS data, else JST annual 1-2 years), fitted on every labelled observation, applied to the country's latest complete observation; the signal threshold is the probability at which 10% of the training's tranquil observations signal.",
        tags: ["recession"],
        params: { type: "object", required: ["country"], properties: { country: COUNTRY } },
      },
    },
    async (req) => {
      const c = resolveCountry(req.params.country);
      return ctx.cache.answer(
        req,
        async () => {
          const raw = await ctx.gate.read((store) => storeSource(store).panel());
          return ctx.pool.run("warn", { raw, country: c.iso2 }, { budgetMs: ctx.budgets.evaluate });
        },
        `GET /api/recession/warn ${c.iso2}`,
      );
    },
  );

  app.get(
    "/api/recession/countries",
    {
      schema: {
        summary: "Countries the monitor knows (BIS codes, ISO3, JST membership)",
        tags: ["recession"],
      },
    },
    async () => ({ countries: countries() }),
  );

  app.get<{
    Params: { country: string };
    Querystring: { from: number; to: number; lang?: "en" | "zh" };
  }>(
    "/api/recession/:country",
    {
      schema: {
        summary:
          "Year-by-year stage timeline with the four marks, the evidence, the verdict and crisis dates",
        description:
          "With `lang`, the answer also carries `text`: the country name, verdict, stages, evidence, notes, reasons and policy lags as sentences in that language.",
        tags: ["recession"],
        params: { type: "object", required: ["country"], properties: { country: COUNTRY } },
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            from: { ...YEAR, default: 1985 },
            to: { ...YEAR, default: 2010 },
            lang: { type: LANG.type, enum: LANG.enum, description: "language of `text` (none without)" },
          },
        },
      },
    },
    async (req) => {
      const { from, to, lang } = req.query;
      if (from > to) throw new UsageError(messages.invalidOption("from", from, `a year not after to=${to}`));
      const c = resolveCountry(req.params.country);
      return ctx.cache.answer(
        req,
        async () => {
          // diagnose(c.iso2, from, to, { store, lang }) on inputs read once, shared with the crisis dates.
          const data = await ctx.gate.read((store) => loadCountryData(c.iso2, { store }));
          const d = diagnoseData(data, from, to);
          return { ...(lang ? localize(d, lang) : d), crises: crisisDates(data) };
        },
        // JP and JPN are one country.
        `GET /api/recession/:country ${c.iso2} ${from} ${to} ${lang ?? ""}`,
      );
    },
  );

  app.get<{ Params: { country: string }; Querystring: { from?: string; to?: string } }>(
    "/api/credit-gap/:country",
    {
      schema: {
        summary:
          "BIS credit-to-GDP gap (one-sided HP, lambda 400,000) with the Basel III buffer guide and bands",
        tags: ["recession"],
        params: { type: "object", required: ["country"], properties: { country: COUNTRY } },
        querystring: { type: "object", additionalProperties: false, properties: { from: DATE, to: DATE } },
      },
    },
    async (req) => {
      const c = resolveCountry(req.params.country);
      const { from = "", to = "9999" } = req.query;
      return ctx.cache.answer(
        req,
        async () => {
          const { gap, data } = await ctx.gate.read(async (store) => ({
            gap: await creditGap(c.iso2, { store }),
            data: await loadCountryData(c.iso2, { store }),
          }));
          const rows = gap.filter((r) => r.date >= from && r.date <= to + "\uffff");
          return {
            country: { iso2: c.iso2, iso3: c.iso3, name: c.name },
            // The series actually read: a newer imported vintage names itself here.
            vintage: gap.source.vintage,
            source: gap.source,
            bands: { low: BUFFER_GUIDE.low, high: BUFFER_GUIDE.high, maxBuffer: BUFFER_GUIDE.max },
            rows,
            crises: crisisDates(data),
          };
        },
        `GET /api/credit-gap/:country ${c.iso2} ${from} ${to}`,
      );
    },
  );
}
