// Fallback entry of a server worker when its plain-JS bundle cannot be had (see worker-script.ts):
// a worker thread does not inherit the TypeScript loader, so it registers tsx itself.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
