import { fileURLToPath } from "node:url";

import { defineConfig } from "vite";

// The workbench is served by `bslab serve` from web/dist; `vite web` (dev) proxies the API to it.
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
  },
  server: { proxy: { "/api": "http://127.0.0.1:8787" } },
});
