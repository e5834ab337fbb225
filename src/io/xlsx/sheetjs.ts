import { createRequire } from "node:module";

import type * as SheetJsModule from "@e965/xlsx";

/** The SheetJS module, as `import XLSX from "@e965/xlsx"` gives it. */
export type SheetJs = typeof SheetJsModule;

let loaded: SheetJs | undefined;

/**
 * SheetJS, loaded on first use. It is a large CommonJS file (0.1-0.3 s to load, more through
 * `import`, which scans it for named exports) that only workbook reads and writes need, so a
 * command that never opens a workbook (`bslab sheet`, `--version`) never pays for it. `require`
 * keeps the readers synchronous. The one place that names the package.
 * @example sheetjs().utils.encode_col(0) // "A"
 */
export function sheetjs(): SheetJs {
  return (loaded ??= createRequire(import.meta.url)("@e965/xlsx") as SheetJs);
}
