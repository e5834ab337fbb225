/**
 * Loading models: from text, from a file, or by the name of a built-in model (models/*.sfc,
 * case-insensitive), and describing a model's parameters and exogenous variables.
 */
import { readFileSync, readdirSync } from "node:fs";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";

import { NotFoundError, UsageError } from "../errors.ts";
import { compileModel, type CompiledModel } from "./compile/model.ts";
import { sfcMessages } from "./messages.ts";
import { parseModelText } from "./parse/parser.ts";

const MODELS_DIR = fileURLToPath(new URL("../../models/", import.meta.url));

/**
 * Parses and compiles model text.
 * @param source the `.sfc` text
 * @param file name used in error places
 * @throws ParseError (line and column) or ModelError
 * @example
 * const model = loadModel(readFileSync("my.sfc", "utf8"), "my.sfc");
 */
export function loadModel(source: string, file?: string): CompiledModel {
  return compileModel(parseModelText(source, file), source, file);
}

/** Names of the built-in models (file names without `.sfc`, lower case), sorted. */
export function listBuiltinModelNames(): string[] {
  return readdirSync(MODELS_DIR)
    .filter((f) => f.endsWith(".sfc"))
    .map((f) => f.slice(0, -4).toLowerCase())
    .sort();
}

/** The text of a built-in model; NAME is case-insensitive. @throws NotFoundError */
export function builtinModelSource(name: string): { source: string; file: string } {
  const key = name.toLowerCase();
  const known = listBuiltinModelNames();
  if (!known.includes(key)) throw new NotFoundError(sfcMessages.unknownModel(name, known));
  const file = `${key}.sfc`;
  return { source: readFileSync(MODELS_DIR + file, "utf8"), file };
}

/**
 * Loads a built-in model by name (case-insensitive): sim, simex, pc, lp1, bmw, bsr.
 * @example
 * const pc = loadBuiltinModel("PC");
 */
export function loadBuiltinModel(name: string): CompiledModel {
  const { source, file } = builtinModelSource(name);
  return loadModel(source, file);
}

/**
 * Resolves a CLI argument: a path to a `.sfc` file if one exists there (or the argument ends in
 * `.sfc`), otherwise a built-in model name.
 */
export function resolveModelSource(fileOrName: string): { source: string; file: string } {
  const looksLikePath = fileOrName.endsWith(".sfc") || fileOrName.includes("/") || fileOrName.includes("\\");
  if (!looksLikePath) return builtinModelSource(fileOrName);
  try {
    return { source: readFileSync(fileOrName, "utf8"), file: basename(fileOrName) };
  } catch (error) {
    const reason = error instanceof Error && "code" in error ? String(error.code) : String(error);
    throw new UsageError(sfcMessages.unreadableFile(fileOrName, reason), { cause: error });
  }
}

/** What a front end needs to offer a model: its name, title, and given values with defaults. */
export interface ModelInfo {
  name: string;
  title: string;
  /** The title in Chinese, when the model file gives one. */
  titleZh?: string;
  file: string | undefined;
  endogenous: string[];
  parameters: Array<{ name: string; value: number }>;
  exogenous: Array<{ name: string; value: number }>;
  matrices: string[];
}

/** Describes a compiled model. */
export function describeModel(model: CompiledModel): ModelInfo {
  return {
    name: model.name,
    title: model.title,
    ...(model.titleZh !== undefined ? { titleZh: model.titleZh } : {}),
    file: model.file,
    endogenous: model.equations.map((e) => e.name),
    parameters: model.given
      .filter((g) => g.kind === "parameter")
      .map((g) => ({ name: g.name, value: g.value })),
    exogenous: model.given
      .filter((g) => g.kind === "exogenous")
      .map((g) => ({ name: g.name, value: g.value })),
    matrices: model.matrices.map((m) => m.name),
  };
}

/**
 * Every built-in model with its parameters, exogenous variables and defaults.
 * @example
 * listBuiltinModels().map((m) => m.name); // ["BMW", "BSR", "LP1", "PC", "SIM", "SIMEX"]
 */
export function listBuiltinModels(): ModelInfo[] {
  return listBuiltinModelNames().map((name) => describeModel(loadBuiltinModel(name)));
}
