import type { Lang } from "./state.ts";
import type { Label } from "./types.ts";

/** A line's label in the language, falling back to the other language, then the key. */
export function labelOf(label: Label, fallback: string, lang: Lang): string {
  return (lang === "zh" ? (label.zh ?? label.en) : (label.en ?? label.zh)) ?? fallback;
}
