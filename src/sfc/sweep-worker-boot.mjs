// Fallback worker script, used when the plain-JS bundle of sweep-worker.ts cannot be had (see
// sweep-bundle.ts). Worker threads do not inherit the TypeScript loader the CLI registers at run
// time, and Node 20 ignores --import in a worker's execArgv; so each worker registers tsx itself,
// then loads the TypeScript entry.
import { register } from "tsx/esm/api";

register();
await import("./sweep-worker.ts");
