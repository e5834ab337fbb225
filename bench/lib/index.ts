// The bench harness: see measure.ts for how cases are timed against a baseline.
export { bench, type BenchCase, type BenchResult, type BenchSuite, median, runsFromArgs } from "./measure.ts";
export { processCase, type ProcessOptions } from "./process.ts";
