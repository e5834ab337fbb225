import type { IncomingMessage } from "node:http";
import { fileURLToPath } from "node:url";

import { defineConfig, type ProxyOptions } from "vite";

// The API `vite web` (dev) proxies to: `bslab serve` on its default address, or BSLAB_API.
const API = process.env.BSLAB_API ?? "http://127.0.0.1:8787";

/**
 * The server answers only its own Host and refuses writes from another Origin (src/server/guard.ts,
 * docs/security.md). Through the dev proxy the page's origin is the dev server's, so the proxy
 * speaks as the API's own origin: Host rewritten (changeOrigin), and the Origin of the dev page
 * itself (and only that one) replaced by the API's. Any other Origin, and the browser's
 * Sec-Fetch-Site, pass unchanged, so a foreign page is still refused.
 */
export const apiProxy: ProxyOptions = {
  target: API,
  changeOrigin: true,
  configure(proxy) {
    proxy.on("proxyReq", (proxyReq, req: IncomingMessage) => {
      const origin = req.headers.origin;
      if (origin !== undefined && req.headers.host !== undefined && isDevOrigin(origin, req.headers.host))
        proxyReq.setHeader("origin", new URL(API).origin);
    });
  },
};

/**
 * True when `origin` is the dev server the request was sent to (its own Host) under a loopback
 * name: a rebound foreign name is never vouched for (Vite's own allowedHosts check refuses it too).
 */
function isDevOrigin(origin: string, host: string): boolean {
  try {
    const url = new URL(origin);
    const loopback = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(url.hostname);
    return (url.protocol === "http:" || url.protocol === "https:") && url.host === host && loopback;
  } catch {
    return false;
  }
}

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
  server: { proxy: { "/api": apiProxy } },
});
