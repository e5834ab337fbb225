import type { Lang, Text } from "./lang.ts";

/**
 * One message of a domain: a fixed text, or a builder taking the same arguments in both languages
 * (the Chinese sentence is written, not assembled from the English one).
 */
export type Entry =
  Text | { readonly en: (...args: never[]) => string; readonly zh: (...args: never[]) => string };

/**
 * What each entry of `M` must be: a text with `en` and `zh`, or two builders of the same
 * parameters. Used as the bound of {@link defineMessages}, so a key missing a language, or whose
 * Chinese builder takes other arguments than the English one, fails to compile.
 */
export type Checked<M> = {
  readonly [K in keyof M]: M[K] extends { readonly en: (...args: infer A) => string }
    ? { readonly en: (...args: A) => string; readonly zh: (...args: A) => string }
    : Text;
};

/** A domain's messages, checked at compile time to have every key in both languages. */
export function defineMessages<const M extends Checked<M>>(messages: M): M {
  return messages;
}

/** The arguments of an entry (none for a fixed text). */
export type ArgsOf<E> = E extends { readonly en: (...args: infer A) => string } ? A : [];

/** The text of one entry in `lang`. */
export function render(entry: Entry, lang: Lang, args: readonly unknown[]): string {
  const e = entry[lang];
  return typeof e === "string" ? e : (e as (...a: readonly unknown[]) => string)(...args);
}

/** Builders of `messages` that give both languages at once (for errors and notes read later). */
export function textBuilders<M extends Record<string, Entry>>(
  messages: M,
): { [K in keyof M]: (...args: ArgsOf<M[K]>) => Text } {
  const out = Object.create(null) as Record<string, (...args: readonly unknown[]) => Text>;
  for (const [key, entry] of Object.entries(messages))
    out[key] = (...args) => ({ en: render(entry, "en", args), zh: render(entry, "zh", args) });
  return out as { [K in keyof M]: (...args: ArgsOf<M[K]>) => Text };
}

/** Joins texts language by language. */
export function joinText(parts: readonly Text[], sep: Text | string = "; "): Text {
  const s = typeof sep === "string" ? { en: sep, zh: sep } : sep;
  return { en: parts.map((p) => p.en).join(s.en), zh: parts.map((p) => p.zh).join(s.zh) };
}

/** The same text in both languages (an id, a number, a file name). */
export function same(value: string): Text {
  return { en: value, zh: value };
}
