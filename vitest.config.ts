import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts", "local/**/*.test.ts"],
    globalSetup: ["test/browser/globalSetup.ts"],
    // fast-check: one seed for every property, printed, settable with FC_SEED; FC_RUNS for long runs.
    setupFiles: ["test/fastCheck.setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
