/**
 * What `bslab sim check` prints: the block structure (which equations are evaluated directly, which
 * are solved together) and whether the hidden equations and matrices hold over a baseline run.
 */
import { checkHidden, checkMatrix } from "./checks.ts";
import type { CompiledModel } from "./compile/model.ts";
import { simulate } from "./simulate.ts";

/** The structure and consistency of a model. */
export interface ModelReport {
  blocks: Array<{ id: number; kind: "recursive" | "simultaneous"; variables: string[] }>;
  checks: Array<{ item: string; ok: boolean; detail: string }>;
}

/** The blocks of a model in solving order. */
export function describeModelStructure(model: CompiledModel): ModelReport["blocks"] {
  return model.blocks.map((b) => ({
    id: b.id,
    kind: b.simultaneous ? "simultaneous" : "recursive",
    variables: b.equations.map((e) => e.name),
  }));
}

/**
 * Runs the baseline from the start values for `periods` periods without stopping at the first
 * failure, and reports each hidden equation and matrix: ok, or its first failing period.
 * A run that cannot be solved is reported as a failed "solve" item.
 */
export function describeMatrices(model: CompiledModel, periods = 50): ModelReport["checks"] {
  let run;
  try {
    run = simulate(model, { periods, checks: false });
  } catch (error) {
    return [{ item: "solve", ok: false, detail: error instanceof Error ? error.message : String(error) }];
  }
  const items: ModelReport["checks"] = [
    { item: "solve", ok: true, detail: `baseline solved for periods 1-${periods}` },
  ];
  const span = `periods 2-${periods}`;
  model.hidden.forEach((h, i) => {
    let failure;
    for (let t = 1; t < periods && !failure; t++) failure = checkHidden(model, h, run.values, t);
    items.push({
      item: `hidden equation ${i + 1} (line ${h.pos.line})`,
      ok: !failure,
      detail: failure ? failure.message : `holds in ${span}`,
    });
  });
  for (const m of model.matrices) {
    let failure;
    for (let t = 1; t < periods && !failure; t++) failure = checkMatrix(model, m, run.values, t);
    items.push({
      item: `matrix ${m.name} (${m.rows.length} rows x ${m.columns.length} columns)`,
      ok: !failure,
      detail: failure ? failure.message : `every row and column sums to zero in ${span}`,
    });
  }
  return items;
}
