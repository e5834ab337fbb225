import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { notInstalled } from "../../io/sources/common.ts";
import { DATASET_IDS, type PanelRaw } from "../source.ts";
import { type DsrResult, evaluateDsr } from "./dsr.ts";
import { DESIGN, evaluateHorizon, type HorizonResult } from "./evaluate-warning.ts";
import { annualWarnPanel, quarterlyWarnPanel, type WarnPanel } from "./features.ts";

/** Sample names of the early-warning evaluation. */
export const SAMPLES = {
  annual: "JST annual x JST crisis starts",
  quarterly: "BIS quarterly x Laeven-Valencia 2026",
} as const;

/** Name of the DSR exercise (BIS test years, economies with a DSR). */
export const DSR_SAMPLE = "BIS debt service ratio gap x Laeven-Valencia 2026 (test years, DSR economies)";

/** Options of {@link earlyWarningReport}. */
export interface WarningOptions {
  /** Bootstrap resamples (default 500). CI runs a reduced count and says so. */
  reps?: number;
  /** Skip the disk cache (tests). */
  noDiskCache?: boolean;
}

/** The early-warning evaluation: every sample, horizon and candidate, and the samples skipped. */
export interface WarningReport {
  /** Key of the inputs (series ids, vintages, lengths) and the design: a new vintage, a new key. */
  key: string;
  results: HorizonResult[];
  /** The BIS debt service ratio gap (unfitted) beside the credit gap on the same test-year rows. */
  dsr: DsrResult[];
  skipped: { sample: string; reason: string }[];
  design: typeof DESIGN;
}

// The panels of a raw input, built once per input key (the features are the expensive part).
const panelCache = new Map<string, { annual?: WarnPanel; quarterly?: WarnPanel }>();
const reportCache = new Map<string, WarningReport>();

/** Key of what the evaluation reads: every series' id, vintage and length, and the design. */
export function inputKey(raw: PanelRaw): string {
  const h = createHash("sha1");
  h.update(JSON.stringify(DESIGN));
  for (const { country, bis } of raw.bis ?? [])
    for (const [role, s] of Object.entries(bis))
      if (s)
        h.update(
          `${country.iso2}|${role}|${s.source.id}|${s.vintage}|${s.observations.length}|${s.observations.at(-1)?.value}`,
        );
  h.update(`jst|${raw.jst?.length ?? -1}|${raw.jst?.at(-1)?.year}`);
  for (const r of raw.jst ?? []) h.update(`${r.values.tloans}|${r.values.crisisJST}`);
  h.update(`lv|${JSON.stringify(raw.lv ?? null)}`);
  for (const d of raw.dsr ?? [])
    h.update(`dsr|${d.iso2}|${d.vintage}|${d.observations.length}|${d.observations.at(-1)?.value}`);
  return h.digest("hex").slice(0, 16);
}

/** The annual and quarterly panels of `raw` (memoised by input key). */
export function warningPanels(
  raw: PanelRaw,
  key = inputKey(raw),
): { annual?: WarnPanel; quarterly?: WarnPanel } {
  let p = panelCache.get(key);
  if (!p) {
    p = {};
    if (raw.jst) p.annual = annualWarnPanel(raw.jst);
    if (raw.bis && raw.lv) p.quarterly = quarterlyWarnPanel(raw.bis, raw.lv);
    panelCache.set(key, p);
  }
  return p;
}

const cacheFile = (key: string, reps: number) =>
  join(process.env.BSLAB_CACHE_DIR ?? join(tmpdir(), "bslab-cache"), `warning-${key}-${reps}.json`);

/**
 * Out-of-sample evaluation of the early-warning candidates (credit gap, composite logit, logit,
 * boosted trees, random forest, their ensemble) on JST annual (1-2 and 3-5 years) and BIS quarterly (1-4, 5-12, 13-20 quarters),
 * by the design fixed in {@link DESIGN}. Computed once per input vintage: kept in memory and on disk
 * (the OS temp folder, or BSLAB_CACHE_DIR), so every later call, in any process, reads it.
 * @example earlyWarningReport(panelFromFiles()).results.find((r) => r.horizon === "5-12 quarters")?.chosen
 */
export function earlyWarningReport(raw: PanelRaw, options: WarningOptions = {}): WarningReport {
  const reps = options.reps ?? DESIGN.bootstrapReps;
  const key = inputKey(raw);
  const memo = reportCache.get(`${key}:${reps}`);
  if (memo) return memo;
  const file = cacheFile(key, reps);
  if (!options.noDiskCache && !process.env.BSLAB_NO_DISK_CACHE && existsSync(file)) {
    try {
      const r = JSON.parse(readFileSync(file, "utf8")) as WarningReport;
      reportCache.set(`${key}:${reps}`, r);
      return r;
    } catch {
      // A damaged cache file is recomputed.
    }
  }
  const panels = warningPanels(raw, key);
  const results: HorizonResult[] = [];
  const skipped: WarningReport["skipped"] = [];
  if (panels.annual)
    for (const h of DESIGN.annual.horizons)
      results.push(evaluateHorizon(SAMPLES.annual, panels.annual, h, DESIGN.annual, { reps }));
  else skipped.push({ sample: SAMPLES.annual, reason: `not computable: ${notInstalled(DATASET_IDS.jst)}` });
  if (panels.quarterly)
    for (const h of DESIGN.quarterly.horizons)
      results.push(evaluateHorizon(SAMPLES.quarterly, panels.quarterly, h, DESIGN.quarterly, { reps }));
  else
    skipped.push({
      sample: SAMPLES.quarterly,
      reason: `not computable: ${notInstalled(raw.lv ? DATASET_IDS.bis : DATASET_IDS.lv)}`,
    });
  let dsr: DsrResult[] = [];
  if (panels.quarterly && raw.dsr) dsr = evaluateDsr(panels.quarterly, raw.dsr, { reps });
  else if (panels.quarterly)
    skipped.push({ sample: DSR_SAMPLE, reason: `not computable: ${notInstalled(DATASET_IDS.dsr)}` });
  const report: WarningReport = { key, results, dsr, skipped, design: DESIGN };
  reportCache.set(`${key}:${reps}`, report);
  if (!options.noDiskCache && !process.env.BSLAB_NO_DISK_CACHE)
    try {
      mkdirSync(join(file, ".."), { recursive: true });
      writeFileSync(file, JSON.stringify(report));
    } catch {
      // A read-only temp folder only costs speed.
    }
  return report;
}
