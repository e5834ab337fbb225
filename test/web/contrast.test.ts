import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { STAGE_COLORS_DARK, STAGE_COLORS_LIGHT, stageCss } from "../../web/src/stage-colors.ts";

// WCAG 2.1 relative luminance and contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio).
function luminance(colour: string): number {
  const hex = colour.length === 4 ? `#${[...colour.slice(1)].map((c) => c + c).join("")}` : colour;
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`not a #rgb or #rrggbb colour: ${colour}`);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(m[1]!.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

// The custom properties of the first `:root` block (light) and of the dark-mode `:root` block.
const css = readFileSync("web/src/style.css", "utf8");
function vars(block: string): Map<string, string> {
  return new Map(
    [...block.matchAll(/(--[\w-]+):\s*(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3})\s*;/g)].map((m) => [m[1]!, m[2]!]),
  );
}
const light = vars(/:root\s*{([^}]*)}/.exec(css)![1]!);
const darkBlock = /@media \(prefers-color-scheme: dark\)\s*{\s*:root\s*{([^}]*)}/.exec(css)![1]!;
const dark = new Map([...light, ...vars(darkBlock)]);

const TEXT = ["--fg", "--muted", "--accent", "--bad", "--ok", "--warn", "--stage-none"];
const BACKGROUNDS = ["--page", "--panel", "--head", "--note-bg"];
// Coloured boxes and the colour their text is set in (style.css: .error, .success, .row-error).
const BOXES: Array<[string, string]> = [
  ["--bad", "--bad-bg"],
  ["--ok", "--ok-bg"],
  ["--fg", "--bad-soft"],
  ["--fg", "--bad-bg"],
];

describe("contrast of text colours (WCAG 2.1, >= 4.5:1), light and dark mode", () => {
  it("the formula gives the published extremes", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 10);
    expect(contrast("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    // The two colours the issue measured before: the grey stage and the amber verdict.
    expect(contrast("#d9d9d9", "#ffffff")).toBeCloseTo(1.41, 2);
    expect(contrast("#b26a00", "#ffffff")).toBeCloseTo(4.24, 2);
  });

  for (const [mode, theme] of [
    ["light", light],
    ["dark", dark],
  ] as const) {
    const pairs: Array<[string, string]> = [
      ...TEXT.flatMap((fg) => BACKGROUNDS.map((bg): [string, string] => [fg, bg])),
      ...BOXES,
    ];
    it.each(pairs)(`${mode}: %s on %s`, (fg, bg) => {
      const a = theme.get(fg);
      const b = theme.get(bg);
      expect(a && b, `${fg} or ${bg} missing in style.css`).toBeTruthy();
      expect(contrast(a!, b!)).toBeGreaterThanOrEqual(4.5);
    });
  }

  it("the stage without a colour of its own is >= 4.5:1 on the charts' white background", () => {
    expect(contrast(STAGE_COLORS_LIGHT.none!, "#ffffff")).toBeGreaterThanOrEqual(4.5);
  });
});

// Stage colours are graphics (bars, swatches, the table's stage marks): >= 3:1 against what they
// are drawn on (WCAG 2.1 SC 1.4.11). Light: the light panel and the charts' white. Dark: the dark
// panel and page, and white, since a chart downloaded from a dark page is drawn on white.
describe("contrast of the recession stages' colours (WCAG 2.1 non-text, >= 3:1), light and dark", () => {
  it("the formula gives what the issue measured before: boom amber and recovery green under 3:1", () => {
    expect(contrast("#edae49", "#ffffff")).toBeCloseTo(1.95, 2);
    expect(contrast("#8ab17d", "#ffffff")).toBeCloseTo(2.42, 2);
  });

  const stages = Object.keys(STAGE_COLORS_LIGHT);
  it("both themes colour the same stages", () => {
    expect(Object.keys(STAGE_COLORS_DARK).sort()).toEqual([...stages].sort());
    expect(stages).toEqual(expect.arrayContaining(["boom", "recovery", "none"]));
  });
  const cases: Array<[string, string, string, string]> = stages.flatMap((s) => [
    ["light", s, STAGE_COLORS_LIGHT[s]!, light.get("--panel")!],
    ["light", s, STAGE_COLORS_LIGHT[s]!, "#ffffff"],
    ["dark", s, STAGE_COLORS_DARK[s]!, dark.get("--panel")!],
    ["dark", s, STAGE_COLORS_DARK[s]!, dark.get("--page")!],
    ["dark", s, STAGE_COLORS_DARK[s]!, "#ffffff"],
  ]);
  it.each(cases)("%s: %s (%s) on %s", (_mode, _stage, fg, bg) => {
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(3);
  });

  it("the page's marks take each theme's colour (light-dark), and the theme's grey for no stage", () => {
    expect(stageCss("boom")).toBe(`light-dark(${STAGE_COLORS_LIGHT.boom}, ${STAGE_COLORS_DARK.boom})`);
    expect(stageCss("none")).toBe("var(--stage-none)");
    // --stage-none is text grey: >= 4.5:1 (checked above), so >= 3:1 as a mark too.
  });
});
