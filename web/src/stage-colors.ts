/**
 * Colours of the recession monitor's stages: bars of the timeline, the legend's swatches and the
 * stage marks of the table. These are graphics, not text, so each needs >= 3:1 against what it is
 * drawn on (WCAG 2.1 SC 1.4.11; test/web/contrast.test.ts): {@link STAGE_COLORS_LIGHT} on white
 * (the light panel, the charts and every downloaded file), {@link STAGE_COLORS_DARK} on the dark
 * theme's panel and on white as well, since a chart downloaded from a dark page is drawn on white.
 */
export const STAGE_COLORS_LIGHT: Readonly<Record<string, string>> = {
  // Was #edae49 (1.95:1 on white).
  boom: "#b07a10",
  bust: "#d1495b",
  "banking crisis": "#8b1e3f",
  "slow rescue": "#e76f51",
  // Was #f4a261 (2.06:1).
  deleveraging: "#c0661a",
  "liquidity trap": "#6a4c93",
  // Was #8ab17d (2.42:1).
  recovery: "#4a8c3a",
  // Was #d9d9d9 (1.41:1); a year without a stage is also named in text, so >= 4.5:1.
  none: "#5f6873",
};

/** The dark theme's stage colours: the light ones that are too dark on its panel, lightened. */
export const STAGE_COLORS_DARK: Readonly<Record<string, string>> = {
  ...STAGE_COLORS_LIGHT,
  // #8b1e3f, #6a4c93 and #5f6873 are 1.78, 2.32 and 2.80:1 on the dark panel.
  "banking crisis": "#e0607e",
  "liquidity trap": "#9a7fcf",
  none: "#7f8a96",
};

// The theme follows the system preference (style.css); outside a browser (tests, reports) it is light.
const dark = typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;

/** The stage colours of the page's theme, for the charts (a canvas cannot read CSS). */
export const STAGE_COLORS: Readonly<Record<string, string>> = dark ? STAGE_COLORS_DARK : STAGE_COLORS_LIGHT;

/**
 * A stage's colour for the page's own elements (CSS): each theme's colour through `light-dark()`,
 * and the theme's text grey (`--stage-none`) for no stage.
 */
export function stageCss(stage: string): string {
  if (stage === "none" || !Object.hasOwn(STAGE_COLORS_LIGHT, stage)) return "var(--stage-none)";
  return `light-dark(${STAGE_COLORS_LIGHT[stage]}, ${STAGE_COLORS_DARK[stage]})`;
}
