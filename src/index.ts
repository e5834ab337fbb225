export * from "./errors.ts";
export * from "./model/index.ts";
export * from "./indicators/index.ts";
