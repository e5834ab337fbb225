import { DataError } from "../../errors.ts";
import { resolveCountry } from "../countries.ts";
import { recessionMessages } from "../messages.ts";
import type { PanelRaw } from "../source.ts";
import {
  type Candidate,
  DESIGN,
  ENSEMBLE_MEMBERS,
  featuresOf,
  fitCandidates,
  labelOf,
  trainingThreshold,
} from "./evaluate-warning.ts";
import type { WarnPanel } from "./features.ts";
import { earlyWarningReport, SAMPLES, type WarningOptions, warningPanels } from "./report.ts";

/** The current early warning of one country. */
export interface CountryWarning {
  country: { iso2: string; name: string };
  sample: string;
  horizon: string;
  /** The model the evaluation's fixed rule chose for this sample and horizon. */
  model: Candidate;
  /** Period of the latest observation with every feature. */
  date: string;
  /**
   * Score of a crisis start within the horizon (fitted on every labelled observation): a probability
   * for the logits, trees and forest; for the ensemble the mean of its members' training percentiles
   * (0-1, not a calibrated probability), see `scale`.
   */
  probability: number;
  /** Score at which 10% of the training's tranquil observations signal. */
  threshold: number;
  scale: "probability" | "mean training percentile";
  /** The ensemble's members: each one's percentile among its training scores. */
  members: { model: string; percentile: number }[];
  signal: boolean;
  /** The features behind it: value, and the logit's (or the ensemble's logit member's) contribution to the log-odds. */
  features: { name: string; value: number; contribution: number | null }[];
  trainedOn: { observations: number; positives: number; through: string };
}

const sigmoid = (v: number) => 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, v))));

function latestRow(panel: WarnPanel, group: string) {
  const rows = panel.rows.filter((r) => r.group === group && r.x.every((v) => v !== null));
  return rows.at(-1);
}

/**
 * The current warning probability of a country with the features behind it: the model chosen by
 * the evaluation (headline horizon: 5-12 quarters on BIS data, else 1-2 years on JST), fitted on
 * every observation whose label is known, applied to the country's latest complete observation.
 * Throws a DataError when the country has no complete observation.
 * @example warnCountry(panelFromFiles(), "US").probability
 */
export function warnCountry(raw: PanelRaw, code: string, options: WarningOptions = {}): CountryWarning {
  const c = resolveCountry(code);
  const report = earlyWarningReport(raw, options);
  const panels = warningPanels(raw, report.key);
  const choices: {
    panel: WarnPanel | undefined;
    group: string;
    sample: string;
    design: typeof DESIGN.quarterly | typeof DESIGN.annual;
  }[] = [
    { panel: panels.quarterly, group: c.iso2, sample: SAMPLES.quarterly, design: DESIGN.quarterly },
    { panel: panels.annual, group: c.iso3, sample: SAMPLES.annual, design: DESIGN.annual },
  ];
  for (const ch of choices) {
    if (!ch.panel) continue;
    const row = latestRow(ch.panel, ch.group);
    if (!row) continue;
    const h = ch.design.horizons.find((x) => x.label === ch.design.headline)!;
    const model =
      report.results.find((r) => r.sample === ch.sample && r.horizon === h.label)?.chosen ??
      "composite logit";
    const cols = featuresOf(model, ch.panel);
    const drop = (y: number) => ch.design.dropYears.some(([a, b]) => y >= a && y <= b);
    const train = ch.panel.rows
      .filter((r) => !drop(r.year) && r.x.every((v) => v !== null))
      .map((r) => ({ row: r, y: labelOf(ch.panel!, r, h, ch.design.postCrisis), x: r.x as number[] }))
      .filter((o): o is { row: typeof row; y: 0 | 1; x: number[] } => o.y !== null);
    const fits = fitCandidates([model], (k) => featuresOf(k, ch.panel!), train);
    const fc = fits.get(model)!;
    // The logit (itself, or the ensemble's logit member) gives each feature's log-odds contribution.
    const logit = fits.get("logit")?.logit ?? fc.logit;
    const threshold = trainingThreshold(fc, train);
    const x = row.x as number[];
    const score = fc.f(x);
    // The ensemble's score is a mean training percentile, already in [0, 1]; the others are log-odds
    // (the forest a leaf share).
    const prob = (v: number) => (model === "ensemble" || model === "random forest" ? v : sigmoid(v));
    return {
      country: { iso2: c.iso2, name: c.name },
      sample: ch.sample,
      horizon: h.label,
      model,
      date: row.date,
      probability: Math.round(prob(score) * 1000) / 1000,
      threshold: Math.round(prob(threshold) * 1000) / 1000,
      scale: model === "ensemble" ? "mean training percentile" : "probability",
      members:
        model === "ensemble"
          ? ENSEMBLE_MEMBERS.map((m) => {
              const mf = fits.get(m)!;
              const sorted = Float64Array.from(mf.trainScores).sort();
              const v = mf.f(x);
              const below = sorted.filter((s) => s < v).length;
              return { model: m, percentile: Math.round((below / Math.max(1, sorted.length)) * 1000) / 1000 };
            })
          : [],
      signal: score >= threshold,
      features: cols.map((j, k) => ({
        name: ch.panel!.features[j]!,
        value: Math.round((row.x[j] as number) * 100) / 100,
        contribution:
          logit && logit.beta.length === cols.length + 1
            ? Math.round(
                logit.beta[k + 1]! * (((row.x[j] as number) - logit.mean[k]!) / logit.sd[k]!) * 1000,
              ) / 1000
            : null,
      })),
      trainedOn: {
        observations: train.length,
        positives: train.filter((o) => o.y === 1).length,
        through: train.reduce((a, o) => (o.row.t > a.t ? o.row : a), train[0]!.row).date,
      },
    };
  }
  throw new DataError(recessionMessages.noWarningData(c.name));
}
