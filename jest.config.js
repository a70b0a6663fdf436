// The SDK warns on Node 20 that its releases after January 2027 need Node 22; the project pins its
// SDK version (as the hook bundle does), so the notice would only bury test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
// Terraform and the AWS provider are Go programs, and most of the suite's CPU is theirs (511 of
// 791 CPU-s in a fresh-clone run, bench/README.md): every plan, apply or show starts the 700 MB
// provider binary and builds and decodes its whole schema again, 2-5 CPU-s per command. Each
// command lives seconds and peaks under 1 GB, so the garbage collector only costs CPU here:
// GOGC=off takes a plan to 0.67x and a show to 0.75x the CPU of Go's default
// (`npx tsx bench/terraform-gc.bench.ts`). Tests only (the CLI leaves GOGC to the user); a GOGC
// the user set wins.
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
