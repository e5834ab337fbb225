import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { parseCsv } from "../io/csv/parse-csv.ts";
import { bundledDataDir } from "../store/paths.ts";
import type { Lang } from "./lang.ts";

/** The file of Chinese texts for what the store says of a dataset (publisher, licence, vintage, a series unit). */
export const STORED_TEXTS_FILE = "catalogue/zh.csv";

let table: Map<string, string> | undefined;

// The store keeps each dataset's publisher and licence as its description wrote them, in English;
// data/catalogue/zh.csv gives the Chinese of each such text (one row a text, not a
// dataset, so a new dataset whose texts are known needs no row). Read once, when first asked.
function zhTexts(): Map<string, string> {
  if (table) return table;
  const path = join(bundledDataDir(), STORED_TEXTS_FILE);
  table = new Map();
  if (!existsSync(path)) return table;
  const [header, ...rows] = parseCsv(readFileSync(path, "utf8"), { fileName: STORED_TEXTS_FILE });
  const en = header?.indexOf("en") ?? -1;
  const zh = header?.indexOf("zh") ?? -1;
  for (const r of rows) if (r[en] && r[zh]) table.set(r[en], r[zh]);
  return table;
}

/**
 * A stored dataset text (publisher, licence, vintage label) in `lang`: the Chinese of
 * data/catalogue/zh.csv when it has this exact text, else the text as stored.
 * @example storedText("none stated", "zh") // "未注明"
 */
export function storedText(stored: string, lang: Lang): string {
  if (lang === "en") return stored;
  return zhTexts().get(stored) ?? stored;
}
