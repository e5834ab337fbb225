import { type MessageArgs, msg } from "../../src/i18n/catalogue.ts";
import { LAYOUT_DESCRIPTIONS, MODEL_TITLES } from "../../src/i18n/web-names.ts";
import { webMessages } from "../../src/i18n/web.ts";
import { currentLang, type Lang } from "./state.ts";

/** A key of the web app's domain of the catalogue (src/i18n/web.ts). */
export type StringKey = keyof typeof webMessages;

/** The text of `key` in the current (or given) language. */
export function t(key: StringKey, lang: Lang = currentLang()): string {
  return msg(lang, `web.${key}`);
}

/** The message `key` built from its arguments, in the current language. */
export function tf<K extends StringKey>(key: K, ...args: MessageArgs<`web.${K}`>): string {
  return msg(currentLang(), `web.${key}` as `web.${K}`, ...args);
}

/** A bundled model's title in `lang`; `fallback` (the model file's own title) for any other model. */
export function modelTitle(name: string, fallback: string, lang: Lang = currentLang()): string {
  const key = name.toLowerCase();
  return Object.hasOwn(MODEL_TITLES, key) ? msg(lang, `model.${key as keyof typeof MODEL_TITLES}`) : fallback;
}

/** What an import layout reads, in `lang`; `fallback` (the layout's English description) otherwise. */
export function layoutDescription(name: string, fallback: string, lang: Lang = currentLang()): string {
  return Object.hasOwn(LAYOUT_DESCRIPTIONS, name)
    ? msg(lang, `layout.${name as keyof typeof LAYOUT_DESCRIPTIONS}`)
    : fallback;
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
