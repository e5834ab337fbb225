/**
 * Every message the SFC simulator reports, written once. Messages name the place (file, line, col),
 * the offending input, and where possible the fix.
 */
import { formatPlace, type Place } from "../errors.ts";

const at = (place: Place) => formatPlace(place);
const fmt = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(6)).toString() : String(x));
const list = (names: readonly string[]) => names.join(", ");

export const sfcMessages = {
  // Lexer and parser.
  unexpectedCharacter: (place: Place, c: string) =>
    `${at(place)}: unexpected character ${JSON.stringify(c)} (operators are + - * / ^, comparisons < <= > >= == !=)`,
  numberOutOfRange: (place: Place, text: string) => `${at(place)}: number out of range: ${text}`,
  unterminatedString: (place: Place) =>
    `${at(place)}: unterminated string (close it with " on the same line)`,
  expected: (place: Place, what: string, found: string) => `${at(place)}: expected ${what}, found ${found}`,
  missingModelHeader: (place: Place) => `${at(place)}: a model file starts with \`model NAME "title"\``,
  duplicateHeader: (place: Place) => `${at(place)}: second \`model\` line (one model per file)`,
  noSection: (place: Place) =>
    `${at(place)}: statement outside a section; start one with equations, parameters, exogenous, initial, hidden or matrix NAME`,
  tooDeep: (place: Place) => `${at(place)}: expression nested too deeply (more than 200 levels)`,
  badLag: (place: Place, text: string) =>
    `${at(place)}: invalid lag ${text} (write x[-1] for last period's value, x[-k] for k periods back, k <= 1000)`,
  lagOnNonName: (place: Place) => `${at(place)}: a lag [-k] must follow a variable name`,
  arity: (place: Place, fn: string, expected: string, got: number) =>
    `${at(place)}: ${fn}() takes ${expected}, got ${got}`,
  differenceOfName: (place: Place) => `${at(place)}: d() takes a variable name, as in d(Hh)`,
  notAFunction: (place: Place, name: string) =>
    `${at(place)}: unknown function ${name}() (functions: exp, log, sqrt, abs, min, max, if, d, rnorm, runif)`,
  lagOnLeft: (place: Place) =>
    `${at(place)}: the left side of an equation is this period's variable, without a lag`,
  notConstant: (place: Place, section: string) =>
    `${at(place)}: values in the ${section} section are numbers or arithmetic on numbers, not names`,
  emptyLabel: (place: Place) => `${at(place)}: matrix row needs a label before ':'`,
  noColumns: (place: Place, matrix: string) =>
    `${at(place)}: matrix ${matrix} needs a \`columns: A, B, ...\` line before its rows`,
  cellCount: (place: Place, label: string, got: number, want: number) =>
    `${at(place)}: matrix row ${JSON.stringify(label)} has ${got} cells, the matrix has ${want} columns`,
  emptyMatrix: (place: Place, matrix: string) => `${at(place)}: matrix ${matrix} has no rows`,
  secondData: (place: Place) => `${at(place)}: second data section (put every column in one)`,
  dataHeader: (place: Place) =>
    `${at(place)}: a data section starts with a header line \`period, NAME, ...\` (the first column is period)`,
  noEquations: (file: string | undefined) => `${file ? `${file}: ` : ""}the model has no equations`,

  // Names.
  reservedName: (place: Place, name: string) =>
    `${at(place)}: ${name} is a reserved name (functions and \`period\`); rename the variable`,
  duplicate: (place: Place, name: string, first: Place, firstSection: string) =>
    `${at(place)}: ${name} is defined twice (first in ${firstSection} at ${at(first)})`,
  undefinedNames: (entries: ReadonlyArray<{ place: Place; name: string; hint: string | undefined }>) =>
    entries
      .map((e) => `${at(e.place)}: undefined name ${e.name}` + (e.hint ? ` (did you mean ${e.hint}?)` : ""))
      .join("; ") + "; define each in equations, parameters or exogenous",
  initialNotEndogenous: (place: Place, name: string) =>
    `${at(place)}: initial value for ${name}, which is not a variable of the model (define it in equations, parameters or exogenous)`,
  givenReads: (place: Place, given: string, name: string) =>
    `${at(place)}: ${given} reads ${name}: a parameter or exogenous value may use only the parameters and exogenous values defined above it (no equations' variables, lags or period)`,
  givenOrder: (place: Place, given: string, name: string, defined: Place) =>
    `${at(place)}: ${given} reads ${name}, which is defined below it (at ${at(defined)}); move ${name} above ${given} (values are evaluated once, in order)`,
  drawOutsideEquations: (place: Place, fn: string) =>
    `${at(place)}: ${fn}() draws belong in equations (start values, parameters, checks and matrices do not change with the seed)`,
  dataColumn: (place: Place, name: string, endogenous: boolean) =>
    `${at(place)}: data column ${name} ` +
    (endogenous
      ? `is defined by an equation; data gives paths of parameters and exogenous variables`
      : `is not a parameter or exogenous variable of the model`),
  dataPeriod: (place: Place, value: string, max: number) =>
    `${at(place)}: data period ${value} is not a whole number from 1 to ${max}`,
  dataDuplicatePeriod: (place: Place, period: number) => `${at(place)}: data period ${period} appears twice`,
  dataFileHeader: (file: string, first: string) =>
    `${file}: row 1: the first column must be period or date, found ${JSON.stringify(first)}`,
  dataFileNoColumns: (file: string) => `${file}: row 1: no variable columns after the period/date column`,
  dataFileBadColumn: (file: string, column: number, name: string, duplicate: boolean) =>
    `${file}: row 1, column ${column}: ${duplicate ? `${name} appears twice` : `${JSON.stringify(name)} is not a variable name`}`,
  dataFileCells: (place: Place, got: number, want: number) =>
    `${at(place)}: ${got} cells, the header has ${want}`,
  dataFileValue: (place: Place, value: string, expected: string) =>
    `${at(place)}: invalid value ${JSON.stringify(value)} (expected ${expected})`,
  dataDuplicateColumn: (place: Place, name: string) => `${at(place)}: data column ${name} appears twice`,
  unorderable: (block: number, vars: readonly string[], lines: readonly number[]) =>
    `equations cannot be ordered: block ${block} {${list(vars)}} (lines ${lines.join(", ")}) is structurally singular: ` +
    `some variable cannot be solved from these equations (is an equation an identity like x = x + y - y?)`,

  // Solving.
  notConverged: (
    period: number,
    block: number,
    vars: readonly string[],
    solver: string,
    iterations: number,
    worst: string,
    residual: number,
    switches = false,
  ) =>
    `period ${period}: block ${block} {${list(vars)}} did not converge with ${solver} after ${iterations} iterations ` +
    `(largest residual ${fmt(residual)} in ${worst}); ` +
    (switches
      ? `its equations switch (if, comparisons, abs, min, max) on the block's own variables, so the block may have no solution in this period: check the conditions`
      : `raise --max-iter or try the other --solver`),
  notFinite: (period: number, name: string, place: Place) =>
    `period ${period}: ${name} is not a finite number (equation at ${at(place)}: division by zero, log of a negative, or overflow)`,
  hiddenFails: (period: number, place: Place, left: number, right: number) =>
    `period ${period}: hidden equation at ${at(place)} does not hold: ${fmt(left)} vs ${fmt(right)} ` +
    `(gap ${fmt(left - right)}); the model is not stock-flow consistent`,
  matrixFails: (period: number, matrix: string, what: string, sum: number, place: Place) =>
    `period ${period}: matrix ${matrix}: ${what} sums to ${fmt(sum)}, not 0 (${at(place)})`,

  // Scenarios, sweeps, options.
  unknownGiven: (name: string, known: readonly string[]) =>
    `unknown parameter or exogenous variable: ${name} (known: ${list(known)})`,
  shockEndogenous: (name: string) =>
    `${name} is endogenous (defined by an equation); shocks apply to parameters and exogenous variables`,
  badShock: (text: string) =>
    `invalid --shock: ${JSON.stringify(text)} (expected NAME=VALUE@PERIOD or NAME=VALUE@FROM-TO, e.g. G=25@5)`,
  badShockPeriod: (text: string, periods: number) =>
    `invalid --shock: ${JSON.stringify(text)}: the period must be between 2 and ${periods} (period 1 holds the start values)`,
  badSet: (text: string) => `invalid --set: ${JSON.stringify(text)} (expected NAME=VALUE, e.g. lambda1=0.05)`,
  badPeriods: (value: string, max: number) =>
    `invalid --periods: ${JSON.stringify(value)} (expected a whole number from 2 to ${max})`,
  badGrid: (text: string) =>
    `invalid --grid: ${JSON.stringify(text)} (expected NAME=FROM:TO:STEP with STEP > 0 and FROM <= TO, e.g. rbar=0.01:0.055:0.005)`,
  badDraw: (text: string) =>
    `invalid --draw: ${JSON.stringify(text)} (expected NAME=uniform:LOW:HIGH or NAME=normal:MEAN:SD)`,
  badOutput: (text: string) =>
    `invalid --output: ${JSON.stringify(text)} (expected VAR@PERIOD,..., e.g. Y@2,Y@100)`,
  outputPeriod: (text: string, periods: number) =>
    `invalid --output: ${text}: the period must be between 1 and ${periods}`,
  unknownVariable: (name: string, hint: string | undefined) =>
    `unknown variable: ${name}` + (hint ? ` (did you mean ${hint}?)` : ""),
  noGrid: () => `a sweep needs at least one --grid NAME=FROM:TO:STEP or --draw with --runs`,
  gridTooLarge: (runs: number, max: number) =>
    `the grid has ${fmt(runs)} runs; a sweep runs at most ${max} (use fewer points or a larger STEP, or split it with --shard)`,
  axisTooLarge: (axis: string, count: number, max: number) =>
    `invalid grid axis ${axis}: ${fmt(count)} points; a sweep runs at most ${max} (use a larger STEP)`,
  noSteadyState: (periods: number, name: string, change: number) =>
    `the stationary-state search (the baseline run forward until nothing moves) found no stationary state within ${periods} periods ` +
    `(${name} still changes by ${fmt(change)} a period): for a growth model start the scenario from its steady growth path with --steady-growth, ` +
    `or run the shocks from the start values with --from-start`,
  searchFailed: (periods: number, reason: string) =>
    `the stationary-state search (the baseline run forward until nothing moves) failed after ${periods} periods: ${reason}: ` +
    `for a growth model start the scenario from its steady growth path with --steady-growth, or run the shocks from the start values with --from-start`,
  growthSearchFailed: (periods: number, reason: string) =>
    `the steady-growth search (the baseline run forward until every growth rate is constant) failed after ${periods} periods: ${reason}; ` +
    `run the shocks from the start values with --from-start`,
  noSteadyGrowth: (periods: number, name: string, change: number) =>
    `the steady-growth search (the baseline run forward until every growth rate is constant) found no steady growth within ${periods} periods ` +
    `(${name}'s growth factor still changes by ${fmt(change)} a period); run the shocks from the start values with --from-start`,
  unknownModel: (name: string, known: readonly string[]) =>
    `unknown model: ${name} (built-in: ${list(known)}; or give a path to a .sfc file)`,
  unreadableFile: (path: string, reason: string) => `cannot read model file ${path}: ${reason}`,
  unreadableData: (path: string, reason: string) => `cannot read data file ${path}: ${reason}`,
  overBudget: (periods: number, columns: number, needMb: number, budgetMb: number, maxPeriods: number) =>
    `a run of ${periods} periods x ${columns} columns needs about ${Math.ceil(needMb)} MB to compute and print; ` +
    `the memory budget is ${budgetMb} MB (--memory-budget MB): use at most ${maxPeriods} periods here, or raise the budget`,
  importEmpty: (file: string) => `${file}: nothing to translate (no sfcr_set(...) list of equations)`,
  badSeed: (value: string) =>
    `invalid --seed: ${JSON.stringify(value)} (expected a whole number from 0 to 4294967295)`,
  badSolver: (value: string) => `invalid --solver: ${JSON.stringify(value)} (expected gauss|newton)`,
  badNumber: (option: string, value: string) =>
    `invalid ${option}: ${JSON.stringify(value)} (expected a number)`,
  badShard: (text: string) =>
    `invalid --shard: ${JSON.stringify(text)} (expected K/N with 1 <= K <= N, e.g. 3/8 for the third of eight slices)`,
  runsFailed: (failed: number, total: number, first: string) =>
    `${failed} of ${total} runs failed (first: ${first}); their rows carry the reason`,
  workerFailed: (reason: string) => `sweep worker failed: ${reason}`,
};
