/**
 * The heavy work the server hands to its worker threads, as pure functions of plain data (what a
 * thread can receive): each takes what the request thread read or was sent and returns what it
 * answers with. Nothing here reads the store.
 */
import {
  type CountryWarning,
  earlyWarningReport,
  evaluatePanels,
  type EvaluateOptions,
  type EvaluationReport,
  type PanelRaw,
  warnCountry,
  type WarningReport,
} from "../../recession/index.ts";
import { loadBuiltinModel, sweepSync, type GridAxis, type OutputSpec } from "../../sfc/index.ts";
import type { TextEncoding } from "../../io/text/decode.ts";
import { previewImport, type ImportPreview } from "../import-preview.ts";

/** A sweep of a built-in model, answered as the JSON text of the route (built in the worker). */
export interface SweepTask {
  model: string;
  periods: number;
  grid: GridAxis[];
  outputs: OutputSpec[];
  set: Record<string, number>;
}

/** The CSV preview of an upload. */
export interface PreviewTask {
  text: string;
  file: string;
  mapping?: string;
  homeCurrencies: Map<string, string>;
  today: string;
  /** The encoding the upload was decoded from, named in the preview. */
  encoding?: TextEncoding;
}

/** The recession evaluation of panels read from the store. */
export interface EvaluateTask {
  raw: PanelRaw;
  options: Pick<EvaluateOptions, "window">;
}

/** The early-warning table, or one country's current warning, of panels read from the store. */
export interface WarningTask {
  raw: PanelRaw;
  country?: string;
}

interface Tasks {
  sweep: [SweepTask, string];
  evaluate: [EvaluateTask, EvaluationReport];
  warning: [WarningTask, WarningReport];
  warn: [WarningTask, CountryWarning];
  preview: [PreviewTask, ImportPreview];
}

export type TaskKind = keyof Tasks;
export type TaskInput<K extends TaskKind> = Tasks[K][0];
export type TaskOutput<K extends TaskKind> = Tasks[K][1];

/** The sweep route's answer as JSON text: rows built and serialised off the request thread. */
function sweepAnswer(t: SweepTask): string {
  const res = sweepSync(loadBuiltinModel(t.model.toLowerCase()), {
    periods: t.periods,
    grid: t.grid,
    outputs: t.outputs,
    set: t.set,
  });
  return JSON.stringify({ names: res.names, outputs: res.outputs, runs: res.runs, rows: res.rows() });
}

/** Every task by kind (run by src/server/pool/worker.ts). */
export const TASKS: { [K in TaskKind]: (input: TaskInput<K>) => TaskOutput<K> } = {
  sweep: sweepAnswer,
  evaluate: (t) => evaluatePanels(t.raw, t.options),
  // Once per input vintage (memory and disk cache in the worker), then a cache read.
  warning: (t) => earlyWarningReport(t.raw),
  warn: (t) => warnCountry(t.raw, t.country ?? ""),
  preview: (t) =>
    previewImport(t.text, t.file, {
      ...(t.mapping ? { mapping: t.mapping } : {}),
      ...(t.encoding ? { encoding: t.encoding } : {}),
      homeCurrencies: t.homeCurrencies,
      today: t.today,
    }),
};
