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
import { type ImportBasis, type ImportOptions, prepareBytes } from "../../ingest/import.ts";
import type { PreparedImport } from "../../ingest/write.ts";
import { decodeText } from "../../io/text/decode.ts";
import { previewImport, type ImportPreview } from "../import-preview.ts";

/** A sweep of a built-in model, answered as the JSON text of the route (built in the worker). */
export interface SweepTask {
  model: string;
  periods: number;
  grid: GridAxis[];
  outputs: OutputSpec[];
  set: Record<string, number>;
}

/** The CSV preview of an upload: its bytes, decoded (UTF-8 or GB18030) in the worker. */
export interface PreviewTask {
  bytes: Uint8Array;
  file: string;
  mapping?: string;
  homeCurrencies: Map<string, string>;
  today: string;
}

/**
 * An upload (CSV or workbook) to read and check for an import, against what the store held when
 * it was asked for. The write stays on the request thread, the store's one writer.
 */
export interface PrepareTask {
  bytes: Uint8Array;
  file: string;
  basis: ImportBasis;
  options: Pick<ImportOptions, "mapping">;
}

/** A prepared import as a thread can post it: its layout by name (a layout holds functions). */
export type PreparedUpload = Omit<PreparedImport, "mapping"> & { mapping: string };

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
  prepare: [PrepareTask, PreparedUpload];
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
  preview: (t) => {
    const { text, encoding } = decodeText(t.bytes, t.file);
    return previewImport(text, t.file, {
      ...(t.mapping ? { mapping: t.mapping } : {}),
      encoding,
      homeCurrencies: t.homeCurrencies,
      today: t.today,
    });
  },
  prepare: (t) => {
    const p = prepareBytes(t.basis, t.bytes, t.file, t.options);
    return { ...p, mapping: p.mapping.name };
  },
};
