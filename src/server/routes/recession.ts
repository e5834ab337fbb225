import type { FastifyInstance } from "fastify";

import { UsageError, messages } from "../../errors.ts";
import {
  BUFFER_GUIDE,
  COUNTRIES,
  CREDIT_GAP_VINTAGE,
  creditGap,
  diagnose,
  evaluateReport,
  loadCountryData,
  parseWindow,
  resolveCountry,
  type EvaluationReport,
} from "../../recession/index.ts";
import type { ServerContext } from "../context.ts";
import { COUNTRY, DATE, WINDOW, YEAR } from "../schemas.ts";

/** Crisis dates of a country from the three bundled chronologies, for marking on charts. */
function crisisDates(code: string) {
  const data = loadCountryData(code);
  const jst: number[] = [];
  const reinhartRogoff: number[] = [];
  for (const [year, y] of [...data.years].sort((a, b) => a[0] - b[0])) {
    if (y.jstCrisisStart) jst.push(year);
    if (y.rrSystemic) reinhartRogoff.push(year);
  }
  return { jst, laevenValencia: data.lvCrises, reinhartRogoff };
}

// The evaluation reads only bundled files and takes seconds (expanding-window logits and a
// bootstrap): computed once per window for the life of the process.
const evaluations = new Map<string, { at: string; report: EvaluationReport }>();
function evaluation(windowText: string) {
  const window = parseWindow(windowText);
  const key = `${window.from}-${window.to}`;
  let hit = evaluations.get(key);
  if (!hit) {
    hit = { at: new Date().toISOString(), report: evaluateReport({ window }) };
    evaluations.set(key, hit);
  }
  return { window: { ...window, text: `${key}q` }, computedAt: hit.at, ...hit.report };
}

/** The balance-sheet-recession monitor: stage timelines, the BIS credit gap, the skill score. */
export function recessionRoutes(app: FastifyInstance, _ctx: ServerContext): void {
  app.get<{ Querystring: { window: string } }>(
    "/api/recession/evaluate",
    {
      schema: {
        summary:
          "Out-of-sample skill of the composite warning vs the credit gap alone: AUROC with DeLong and bootstrap 95% intervals, noise-to-signal ratio, sample sizes",
        description:
          "Two exercises: BIS quarterly economies with Laeven-Valencia crisis starts (out of sample from 1990) and JST annual with JST crisis starts (from 1920). The first answer for a window takes a few seconds; it is kept for the life of the server.",
        tags: ["recession"],
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: { window: WINDOW },
        },
      },
    },
    async (req) => evaluation(req.query.window),
  );

  app.get(
    "/api/recession/countries",
    {
      schema: {
        summary: "Countries the monitor knows (BIS codes, ISO3, JST membership)",
        tags: ["recession"],
      },
    },
    async () => ({ countries: COUNTRIES }),
  );

  app.get<{ Params: { country: string }; Querystring: { from: number; to: number } }>(
    "/api/recession/:country",
    {
      schema: {
        summary:
          "Year-by-year stage timeline with the four marks, the evidence, the verdict and crisis dates",
        tags: ["recession"],
        params: { type: "object", required: ["country"], properties: { country: COUNTRY } },
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: { from: { ...YEAR, default: 1985 }, to: { ...YEAR, default: 2010 } },
        },
      },
    },
    async (req) => {
      const { from, to } = req.query;
      if (from > to) throw new UsageError(messages.invalidOption("from", from, `a year not after to=${to}`));
      const c = resolveCountry(req.params.country);
      return { ...diagnose(c.iso2, from, to), crises: crisisDates(c.iso2) };
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
      const rows = creditGap(c.iso2).filter((r) => r.date >= from && r.date <= to + "\uffff");
      return {
        country: { iso2: c.iso2, iso3: c.iso3, name: c.name },
        vintage: CREDIT_GAP_VINTAGE,
        bands: { low: BUFFER_GUIDE.low, high: BUFFER_GUIDE.high, maxBuffer: BUFFER_GUIDE.max },
        rows,
        crises: crisisDates(c.iso2),
      };
    },
  );
}
