// The SDK warns on Node 20 that its releases after January 2027 need Node 22; the project pins its
// SDK version (as the hook bundle does), so the notice would only bury test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
// Terraform and the AWS provider are Go programs, and most of the suite's CPU is theirs: ~2.3 CPU-s
// per command, mostly the provider's 700 MB schema built and decoded again by every plan, apply
// and show. Each command lives seconds and peaks near 700 MB, so the garbage collector only costs
// CPU here: GOGC=off took 20-30 % off each command (bench/terraform-gc.bench.ts). Tests only; a
// user's own GOGC wins.
process.env.GOGC ??= "off";

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // Type-checking happens once in `npm run typecheck`; per-file transpilation keeps jest fast.
  transform: { "^.+\\.ts$": ["ts-jest", { diagnostics: false }] },
  moduleFileExtensions: ["ts", "js", "json"],
  testTimeout: 120000,
};
