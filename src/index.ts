export * from "./errors.ts";
export * from "./model/index.ts";
