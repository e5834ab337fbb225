/**
 * How server workers start: the same cached esbuild bundle the sweep workers use
 * (src/sfc/sweep-bundle.ts), built from this folder's worker entry, or the tsx boot when no bundle
 * can be had; in the compiled package, the compiled entry beside this file.
 */
import { fileURLToPath, pathToFileURL } from "node:url";

import { ensureWorkerBundle, withoutTsxLoader, type WorkerScript } from "../../sfc/sweep-bundle.ts";

export type { WorkerScript };

const ENTRY = fileURLToPath(new URL("./worker.ts", import.meta.url));
let memo: Promise<WorkerScript> | undefined;

/** The script of a server worker, resolved once per process (BSLAB_NO_WORKER_BUNDLE: the tsx boot). */
export function serverWorkerScript(): Promise<WorkerScript> {
  // Compiled (dist/, the installed package): the worker's own JS file sits beside this one.
  if (import.meta.url.endsWith(".js"))
    return Promise.resolve({
      url: new URL("./worker.js", import.meta.url),
      execArgv: withoutTsxLoader(process.execArgv),
    });
  const boot: WorkerScript = { url: new URL("./worker-boot.mjs", import.meta.url) };
  if (process.env.BSLAB_NO_WORKER_BUNDLE) return Promise.resolve(boot);
  memo ??= ensureWorkerBundle({ entry: ENTRY }).then(
    (bundle) => ({ url: pathToFileURL(bundle.file), execArgv: withoutTsxLoader(process.execArgv) }),
    () => boot,
  );
  return memo;
}
