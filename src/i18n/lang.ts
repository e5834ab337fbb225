/** The two languages every text a user reads is written in. */
export type Lang = "en" | "zh";

export const LANGS: readonly Lang[] = ["en", "zh"];

/** A fixed text in both languages. */
export interface Text {
  readonly en: string;
  readonly zh: string;
}

/** True when `value` names one of the languages. */
export function isLang(value: unknown): value is Lang {
  return value === "en" || value === "zh";
}
