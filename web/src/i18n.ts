import { msg } from "../../src/i18n/catalogue.ts";
import { webMessages } from "../../src/i18n/web.ts";
import { currentLang, type Lang } from "./state.ts";

/** A key of the web app's domain of the catalogue (src/i18n/web.ts). */
export type StringKey = keyof typeof webMessages;

/** The text of `key` in the current (or given) language. */
export function t(key: StringKey, lang: Lang = currentLang()): string {
  return msg(lang, `web.${key}`);
}

/** `prefix + id` when the catalogue has it (ids the API sends, such as stage names), else the id. */
function byId(prefix: string, id: string, lang: Lang): string {
  const key = prefix + id;
  return Object.hasOwn(webMessages, key) ? t(key as StringKey, lang) : id;
}

/** A recession stage's name. */
export function stageLabel(stage: string, lang: Lang = currentLang()): string {
  return byId("stage.", stage, lang);
}

/** The name of one of the four marks. */
export function markLabel(id: string, lang: Lang = currentLang()): string {
  return byId("mark.", id, lang);
}
