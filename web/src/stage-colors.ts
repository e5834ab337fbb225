/**
 * Colours of the recession monitor's stages. The charts draw them on a white background; the page's
 * legend and stage marks use {@link stageCss}, which gives the year without a stage the theme's own
 * grey (`--stage-none`, light and dark), so it keeps >= 4.5:1 on the panel (test/web/contrast.test.ts).
 */
export const STAGE_COLORS: Readonly<Record<string, string>> = {
  boom: "#edae49",
  bust: "#d1495b",
  "banking crisis": "#8b1e3f",
  "slow rescue": "#e76f51",
  deleveraging: "#f4a261",
  "liquidity trap": "#6a4c93",
  recovery: "#8ab17d",
  // Was #d9d9d9 (1.41:1 on white).
  none: "#5f6873",
};

/** A stage's colour for the page's own elements (CSS): the theme's grey for no stage. */
export function stageCss(stage: string): string {
  return stage === "none" ? "var(--stage-none)" : (STAGE_COLORS[stage] ?? "var(--stage-none)");
}
