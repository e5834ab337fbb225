/**
 * The chart colours of the web app and the reports, one list so a chart looks the same in both.
 * Ordered for contrast between neighbours; long enough for the composition charts' many lines.
 */
export const PALETTE: string[] = [
  "#2f6fb0",
  "#d1495b",
  "#edae49",
  "#00798c",
  "#6a4c93",
  "#8ab17d",
  "#e76f51",
  "#264653",
  "#9c6644",
  "#577590",
  "#b5838d",
  "#43aa8b",
  "#f4a261",
  "#3a86ff",
  "#8d99ae",
  "#ff006e",
  "#606c38",
  "#bc6c25",
  "#7209b7",
  "#2a9d8f",
];
