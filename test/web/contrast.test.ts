import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { STAGE_COLORS } from "../../web/src/stage-colors.ts";

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
    expect(contrast(STAGE_COLORS.none!, "#ffffff")).toBeGreaterThanOrEqual(4.5);
  });
});
