export * from "./datasets.ts";
export * from "./paths.ts";
export * from "./series.ts";
export * from "./sheets.ts";
export * from "./store.ts";
