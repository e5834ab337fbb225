// Types of scripts/build.mjs for the TypeScript that imports it (bench/cli-startup.bench.ts).
export declare const ROOT: string;
export declare function sourceState(root?: string): { newest: number; entries: number };
export declare function distIsFresh(root?: string): boolean;
export declare function buildJs(root?: string, outDir?: string): Promise<{ files: number }>;
export declare function buildTypes(root?: string, outDir?: string): void;
export declare function buildWeb(root?: string, outDir?: string): Promise<void>;
export declare function ensureFreshBuild(root?: string): Promise<boolean>;
export declare const DRIVER_FILE: string;
export declare function buildDriver(root?: string, outDir?: string): Promise<string[]>;
