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
  // The library never prints: the CLI, benches and scripts own the terminal.
  { files: ["src/**/*.ts"], ignores: ["src/cli/**"], rules: { "no-console": "error" } },
  { files: ["web/src/**/*.ts"], languageOptions: { globals: { ...globals.browser } } },
);
