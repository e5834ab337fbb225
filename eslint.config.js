import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "web/dist/", "test/artifacts/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "prefer-const": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  // Data flows one way: readers in src/io turn files into records
  // and know nothing of the store; src/store knows nothing of the readers; src/ingest is the one
  // layer that hands records to the store. Faces (cli, server, report, web) sit on top.
  {
    files: ["src/io/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/store/**", "**/ingest/**", "**/cli/**", "**/server/**", "**/report/**"],
              message: "src/io reads files into records; writing them is src/ingest's job",
            },
            { group: ["@duckdb/*"], message: "src/io knows nothing of the store" },
          ],
        },
      ],
    },
  },
  {
    files: ["src/store/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/io/**", "**/ingest/**", "**/cli/**", "**/server/**", "**/report/**"],
              message: "src/store stores records; reading files is src/io's, loading them src/ingest's",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/model/**/*.ts", "src/indicators/**/*.ts", "src/sfc/**/*.ts", "src/recession/**/*.ts"],
    // The monitor's source names the bundled datasets in its "not installed" notes (a read of the registry).
    ignores: ["src/recession/source.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/ingest/**", "**/cli/**", "**/server/**"],
              message: "engines are handed their data; they never write it (src/ingest) or know the faces",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/ingest/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/cli/**", "**/server/**", "**/report/**"],
              message: "src/ingest sits below the faces",
            },
          ],
        },
      ],
    },
  },
  // Start-up: the DuckDB driver and SheetJS are loaded on first use by require (src/store/duckdb.ts,
  // src/io/xlsx/sheetjs.ts); a value import anywhere would load them for every command again.
  {
    files: ["src/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@duckdb/node-api",
              allowTypeImports: true,
              message: "use duckdb() from src/store/duckdb.ts",
            },
            { name: "xlsx", allowTypeImports: true, message: "use sheetjs() from src/io/xlsx/sheetjs.ts" },
          ],
        },
      ],
    },
  },
  // The library never prints: the CLI, benches and scripts own the terminal.
  { files: ["src/**/*.ts"], ignores: ["src/cli/**"], rules: { "no-console": "error" } },
  { files: ["web/src/**/*.ts"], languageOptions: { globals: { ...globals.browser } } },
);
