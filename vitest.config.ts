import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Browser tests poll for the page to settle; 1 s (vitest's default) is too short on a loaded
    // 2-core machine where a sweep round trip can take several seconds.
    expect: { poll: { timeout: 20_000, interval: 100 } },
    env: { TZ: "UTC" },
  },
});
