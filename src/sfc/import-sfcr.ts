/**
 * Reading other people's models: R scripts written with sfcr's `sfcr_set(...)` equations and
 * external values (Macalós, sfcr package), translated into `.sfc` text. The R is parsed, never
 * evaluated: only `NAME <- sfcr_set(NAME ~ expr, ...)` lists, `sfcr_baseline(...)`'s `equations`,
 * `external`, `initial` and `hidden` arguments, and the expression forms the `.sfc` language has are
 * translated; everything else is reported with its line.
 */

/** A translation: the `.sfc` text and what could not be translated, each with its line. */
export interface SfcrImport {
  source: string;
  notes: string[];
}

interface Entry {
  name: string;
  expr: string;
  line: number;
}

interface Call {
  name: string;
  args: Array<{ text: string; line: number }>;
  line: number;
}

// Blanks out comments and strings' contents' effect on brackets, keeping offsets.
function stripComments(text: string): string {
  let out = "";
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      out += c;
      if (c === "\\") {
        out += text[++i] ?? "";
        continue;
      }
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    if (c === "#") {
      while (i < text.length && text[i] !== "\n") {
        out += " ";
        i++;
      }
      out += text[i] ?? "";
      continue;
    }
    out += c;
  }
  return out;
}

const lineAt = (text: string, offset: number) => text.slice(0, offset).split("\n").length;

// Every call `target <- fn(...)` or bare `fn(...)` of the named functions, split into arguments.
function calls(text: string, fns: readonly string[]): Array<Call & { target: string | undefined }> {
  const out: Array<Call & { target: string | undefined }> = [];
  // A target is `name <-` anywhere, or `name =` at the start of a line (not an argument name).
  const re = new RegExp(
    `(?:(?:([A-Za-z_.][A-Za-z0-9_.]*)\\s*<-|(?<=^|\\n)[ \\t]*([A-Za-z_.][A-Za-z0-9_.]*)\\s*=)\\s*)?\\b(${fns.join("|")})\\s*\\(`,
    "g",
  );
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    let depth = 1;
    let i = start;
    let argStart = start;
    const args: Array<{ text: string; line: number }> = [];
    let quote: string | undefined;
    for (; i < text.length && depth > 0; i++) {
      const c = text[i]!;
      if (quote) {
        if (c === "\\") i++;
        else if (c === quote) quote = undefined;
        continue;
      }
      if (c === '"' || c === "'") quote = c;
      else if (c === "(" || c === "[" || c === "{") depth++;
      else if (c === ")" || c === "]" || c === "}") depth--;
      if ((c === "," && depth === 1) || depth === 0) {
        const arg = text.slice(argStart, i);
        const lead = arg.length - arg.trimStart().length;
        if (arg.trim() !== "") args.push({ text: arg.trim(), line: lineAt(text, argStart + lead) });
        argStart = i + 1;
      }
    }
    out.push({ target: m[1] ?? m[2], name: m[3]!, args, line: lineAt(text, m.index) });
    re.lastIndex = i;
  }
  return out;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;
const FUNCTIONS = new Set(["exp", "log", "sqrt", "abs", "min", "max"]);

/**
 * Translates one R expression to the `.sfc` form, or gives the reason it cannot.
 * `if (c) {a} else {b}` and `if (c) a else b` become if(c, a, b); `&`/`&&` and `|`/`||` of
 * comparisons become products and sums clamped by min; `x[-1]` stays.
 */
export function translateExpression(r: string): { expr: string } | { reason: string } {
  let text = r.trim();
  const conditional = /^if\s*\((.*)\)\s*\{?(.*?)\}?\s*else\s*\{?(.*?)\}?$/s.exec(text);
  if (conditional) {
    const parts = conditional.slice(1).map((p) => translateExpression(p!));
    const bad = parts.find((p) => "reason" in p);
    if (bad) return bad;
    const [c, a, b] = parts.map((p) => (p as { expr: string }).expr);
    return { expr: `if(${c}, ${a}, ${b})` };
  }
  text = text.replace(/\s*&&?\s*/g, " * ").replace(/\s*\|\|?\s*/g, " + ");
  text = text.replace(/\bTRUE\b/g, "1").replace(/\bFALSE\b/g, "0");
  for (const m of text.matchAll(/([A-Za-z_.][A-Za-z0-9_.]*)\s*\(/g)) {
    if (!FUNCTIONS.has(m[1]!)) return { reason: `function ${m[1]}() has no .sfc counterpart` };
  }
  const bad = /[^A-Za-z0-9_.\s+\-*/^()[\],<>=!]/.exec(text);
  if (bad) return { reason: `operator or character ${JSON.stringify(bad[0])} has no .sfc counterpart` };
  if (/%/.test(text)) return { reason: "R's %% and %in% operators have no .sfc counterpart" };
  return { expr: text.replace(/\s+/g, " ") };
}

function entriesOf(call: Call, notes: string[], file: string): Entry[] {
  const out: Entry[] = [];
  for (const arg of call.args) {
    const m = /^([A-Za-z_.][A-Za-z0-9_.]*)\s*~\s*([\s\S]+)$/.exec(arg.text);
    if (!m) {
      if (!/^exclude\s*=/.test(arg.text))
        notes.push(`${file}, line ${arg.line}: not an equation NAME ~ expression: ${oneLine(arg.text)}`);
      else
        notes.push(
          `${file}, line ${arg.line}: sfcr_set(exclude = ...) is not translated; drop those equations by hand`,
        );
      continue;
    }
    out.push({ name: m[1]!, expr: m[2]!, line: arg.line });
  }
  return out;
}

const oneLine = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}...` : s).replace(/\s+/g, " ");

// A constant: a number or arithmetic on numbers (external values are numbers in sfcr).
const isConstant = (expr: string) => /^[\d.eE+\-*/()\s^]+$/.test(expr);

/**
 * @param text the R script
 * @param file its name, for notes
 * @param name the model's name (default: the file's stem, upper case)
 * @example
 * importSfcr("eqs <- sfcr_set(Y ~ C + G, C ~ 0.8 * Y)\next <- sfcr_set(G ~ 20)", "m.R").source;
 */
export function importSfcr(text: string, file: string, name?: string): SfcrImport {
  const notes: string[] = [];
  const clean = stripComments(text);
  const sets = calls(clean, ["sfcr_set"]);
  const byTarget = new Map(sets.filter((s) => s.target).map((s) => [s.target!, s] as const));
  const baseline = calls(clean, ["sfcr_baseline"])[0];
  const argOf = (key: string) => baseline?.args.find((a) => new RegExp(`^${key}\\s*=`).test(a.text));
  const setFor = (key: string) => {
    const arg = argOf(key);
    if (!arg) return undefined;
    const value = arg.text.replace(/^[a-z]+\s*=\s*/, "");
    if (NAME.test(value)) return byTarget.get(value);
    const inline = calls(value, ["sfcr_set"])[0];
    return inline ? { ...inline, line: arg.line } : undefined;
  };
  let equations = setFor("equations");
  let external = setFor("external");
  const initial = setFor("initial");
  if (!equations || !external) {
    // No sfcr_baseline: the list with any non-constant entry holds the equations.
    for (const s of sets) {
      const es = s.args.map((a) => a.text.split("~")[1] ?? "");
      if (!equations && es.some((e) => !isConstant(e.trim()))) equations = s;
      else if (!external && s !== equations && s !== initial) external = s;
    }
  }
  if (!equations) {
    notes.push(`${file}: no sfcr_set(...) list of equations found`);
    return { source: "", notes };
  }
  for (const s of sets)
    if (
      s !== equations &&
      s !== external &&
      s !== initial &&
      s.target &&
      ![equations, external, initial].some((x) => x?.target === s.target)
    )
      notes.push(
        `${file}, line ${s.line}: sfcr_set list ${s.target} is not used by sfcr_baseline; not translated (shocks: use --shock)`,
      );
  for (const fn of ["sfcr_scenario", "sfcr_shock", "sfcr_expand", "sfcr_multis"])
    for (const c of calls(clean, [fn]))
      notes.push(
        `${file}, line ${c.line}: ${fn}() is not translated; run scenarios with --shock or sweeps with bslab sim sweep`,
      );

  const lines: string[] = [];
  const stem = (name ?? file.replace(/^.*[\\/]/, "").replace(/\.[Rr]$/, "")).replace(/[^A-Za-z0-9_]/g, "_");
  lines.push(
    `model ${/^[A-Za-z_]/.test(stem) ? stem.toUpperCase() : `M_${stem}`} "translated from ${file} (sfcr)"`,
    "",
  );
  const section = (title: string, entries: Entry[], constantOnly: boolean) => {
    if (entries.length === 0) return;
    lines.push(title);
    for (const e of entries) {
      const t = translateExpression(e.expr);
      if ("reason" in t) {
        notes.push(`${file}, line ${e.line}: ${e.name}: ${t.reason}; left out`);
        lines.push(`  # not translated (${file}, line ${e.line}): ${e.name} ~ ${oneLine(e.expr)}`);
        continue;
      }
      if (constantOnly && !isConstant(t.expr) && !/^[A-Za-z0-9_.\s+\-*/()^]+$/.test(t.expr))
        notes.push(`${file}, line ${e.line}: ${e.name}: not a constant`);
      lines.push(`  ${e.name} = ${t.expr}`);
    }
    lines.push("");
  };
  section("equations", entriesOf(equations, notes, file), false);
  section(
    "parameters   # sfcr's external values (sfcr does not tell parameters from exogenous variables)",
    external ? entriesOf(external, notes, file) : [],
    true,
  );
  section("initial", initial ? entriesOf(initial, notes, file) : [], true);
  const hidden = argOf("hidden");
  if (hidden) {
    const m = /c\(\s*["']?([A-Za-z_.][A-Za-z0-9_.]*)["']?\s*=\s*["']([A-Za-z_.][A-Za-z0-9_.]*)["']\s*\)/.exec(
      hidden.text,
    );
    if (m) lines.push("hidden", `  ${m[1]} = ${m[2]}`, "");
    else
      notes.push(
        `${file}, line ${hidden.line}: hidden = ${oneLine(hidden.text)} not understood (expected c("A" = "B"))`,
      );
  }
  return { source: `${lines.join("\n").trimEnd()}\n`, notes };
}
