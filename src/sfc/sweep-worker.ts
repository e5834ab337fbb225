/**
 * Worker-thread entry of a sweep: compiles the model from its text (closures cannot cross threads)
 * and runs its share of the points, reporting progress every few runs.
 */
import { parentPort, workerData } from "node:worker_threads";

import { BslabError } from "../errors.ts";
import { loadModel } from "./models.ts";
import { runChunk, type SweepJob } from "./sweep-run.ts";

interface WorkerInput {
  source: string;
  file: string | undefined;
  job: SweepJob;
  points: Float64Array;
  first: number;
  count: number;
}

const input = workerData as WorkerInput;
const port = parentPort!;
try {
  const model = loadModel(input.source, input.file);
  const every = Math.max(1, Math.floor(input.count / 50));
  let reported = 0;
  const { values, failures } = runChunk(model, input.job, input.points, input.first, input.count, (done) => {
    if (done - reported >= every) {
      port.postMessage({ type: "progress", runs: done - reported });
      reported = done;
    }
  });
  port.postMessage({ type: "progress", runs: input.count - reported });
  port.postMessage({ type: "done", values, failures }, [values.buffer as ArrayBuffer]);
} catch (error) {
  const code = error instanceof BslabError ? error.code : "model";
  port.postMessage({ type: "error", code, message: error instanceof Error ? error.message : String(error) });
}
