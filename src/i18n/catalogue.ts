/**
 * The one message catalogue of bslab: every text a user reads (web app, API errors, CLI, reports),
 * in Chinese and English. Each domain keeps its messages in its own module (checked by
 * `defineMessages` to have both languages); this file only joins them, so `msg(lang, "web.nav.compare")`
 * is the single typed lookup, and its arguments are checked against the entry's builder.
 */
import { CLI_MESSAGES } from "../cli/messages.ts";
import { CITATION_MESSAGES } from "../indicators/citation.ts";
import { INDICATOR_MESSAGES } from "../indicators/messages.ts";
import { STORED_NOTES } from "../model/notes.ts";
import { VINTAGE_MESSAGES } from "../model/vintage-text.ts";
import { STRINGS as REPORT_MESSAGES } from "../report/i18n.ts";
import { SERVER_MESSAGES } from "../server/messages.ts";
import { SERIES_MESSAGES } from "../server/routes/series-messages.ts";
import { STORE_MESSAGES } from "../store/messages.ts";
import { STRESS_MESSAGES } from "../stress/messages.ts";
import { type ArgsOf, render } from "./define.ts";
import type { Lang, Text } from "./lang.ts";
import { webMessages } from "./web.ts";
import { LAYOUT_DESCRIPTIONS, MODEL_TITLES } from "./web-names.ts";

export const CATALOGUE = {
  citation: CITATION_MESSAGES,
  cli: CLI_MESSAGES,
  indicators: INDICATOR_MESSAGES,
  layout: LAYOUT_DESCRIPTIONS,
  model: MODEL_TITLES,
  notes: STORED_NOTES,
  report: REPORT_MESSAGES,
  series: SERIES_MESSAGES,
  server: SERVER_MESSAGES,
  store: STORE_MESSAGES,
  stress: STRESS_MESSAGES,
  vintage: VINTAGE_MESSAGES,
  web: webMessages,
} as const;

type Catalogue = typeof CATALOGUE;
type Domain = keyof Catalogue & string;

/** Every key of the catalogue, as `domain.key`. */
export type MessageKey = { [D in Domain]: `${D}.${keyof Catalogue[D] & string}` }[Domain];

/** The entry behind `domain.key`. */
export type EntryOf<K extends MessageKey> = K extends `${infer D}.${infer R}`
  ? D extends Domain
    ? R extends keyof Catalogue[D]
      ? Catalogue[D][R]
      : never
    : never
  : never;

/** The arguments the message `K` takes (none for a fixed text). */
export type MessageArgs<K extends MessageKey> = ArgsOf<EntryOf<K>>;

function entry(key: string) {
  const dot = key.indexOf(".");
  const domain = (CATALOGUE as Record<string, Record<string, unknown>>)[key.slice(0, dot)];
  const e = domain && Object.hasOwn(domain, key.slice(dot + 1)) ? domain[key.slice(dot + 1)] : undefined;
  if (!e) throw new Error(`no message ${JSON.stringify(key)} in the catalogue`);
  return e as Parameters<typeof render>[0];
}

/** The message `key` in `lang`. */
export function msg<K extends MessageKey>(lang: Lang, key: K, ...args: MessageArgs<K>): string {
  return render(entry(key), lang, args);
}

/** The message `key` in both languages (for errors, which are shown in the reader's language later). */
export function text<K extends MessageKey>(key: K, ...args: MessageArgs<K>): Text {
  const e = entry(key);
  return { en: render(e, "en", args), zh: render(e, "zh", args) };
}
