import { ALLOWED_WORDS } from "./allow-list.ts";

// Characters that make a token an id, a code or a path rather than a word.
const ID_LIKE = /[0-9_./@=\\[\]:<>#$]/;

/** True when a whitespace-separated token is an id, code, path, number or allowed word. */
function acceptable(token: string, ids: ReadonlySet<string>): boolean {
  const bare = token.replace(/^[("'“‘«[{]+|[)"'”’»\]},;:.!?…]+$/gu, "");
  if (!/[A-Za-z]/.test(bare)) return true;
  if (ID_LIKE.test(bare)) return true;
  if (!/[a-z]/.test(bare)) return true; // FX, GDP, CNY, AUROC, Y
  if (bare.length === 1) return true;
  if (ALLOWED_WORDS.has(bare) || ids.has(bare)) return true;
  if (/^[a-z]+[A-Z]/.test(bare)) return true; // camelCase ids (assetCollapse)
  // Names joined by a hyphen (Laeven-Valencia), ids joined so (asset-price-collapse) are not words.
  if (bare.includes("-")) return bare.split("-").every((p) => ALLOWED_WORDS.has(p) || ids.has(p));
  return false;
}

/**
 * The English phrases in `text` (maximal runs of words that are not ids, codes or allowed
 * names), each with a little context, for a test that Chinese output is all Chinese.
 */
export function untranslated(text: string, ids: ReadonlySet<string> = new Set()): string[] {
  const phrases: string[] = [];
  // An id with spaces (an economy named by its series: "Sri Lanka") is one id, not two words; and
  // a text in 「」 is quoted as its publisher wrote it (a series' own title), as translate=no on a page.
  for (const id of ids) if (/\s/.test(id)) text = text.split(id).join(" ");
  text = text.replace(/「[^」]*」/gu, "「」");
  // Tokens are separated by whitespace and by any CJK character or CJK punctuation.
  const parts = text.split(/([\s\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+)/u);
  let run: string[] = [];
  const flush = () => {
    if (run.length) phrases.push(run.join(" "));
    run = [];
  };
  for (const part of parts) {
    if (!part) continue;
    if (/^\s+$/u.test(part)) continue;
    if (/[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/u.test(part)) {
      flush();
      continue;
    }
    if (acceptable(part, ids)) flush();
    else run.push(part);
  }
  flush();
  return phrases;
}
