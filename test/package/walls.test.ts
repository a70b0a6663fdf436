import { ImportGraph, isLazy, offenders } from "./import-graph";

/** cdktf and everything built on it: the hook runtime runs inside terraform, bundled small. */
const CDKTF = /^(cdktf|constructs|@cdktf\/)/;
/** The AWS SDK: constructs, synth and review never call AWS. */
const AWS_SDK = /^(@aws-sdk|@smithy|@aws-crypto)\//;

const HOOK_RUNTIME = ["modules/hooks/runtime/main.ts", "modules/hooks/runtime/index.ts"];
/** The construct side: the package root, the app (synth) and every construct module. */
const CONSTRUCTS = [
  "main.ts",
  "modules/index.ts",
  "modules/stack/index.ts",
  "modules/role/index.ts",
  "modules/hooks/onboarding/index.ts",
  "modules/hooks/cleanup/index.ts",
  "modules/hooks/asset/index.ts",
  "modules/hooks/construct/index.ts",
  "modules/hooks/account-guard/index.ts",
  "modules/terraform-builtins/index.ts",
  "modules/validation/index.ts",
];
/** The package's light entries (package.json `exports`): no cdktf, no SDK. */
const LIGHT = ["modules/role/names.ts", "modules/hooks/contract/index.ts", "modules/rollout/index.ts", "modules/policy/index.ts"];
const REVIEW = "modules/review/index.ts";

describe("the walls, over the whole import graph (not only each file's own imports)", () => {
  const graph = new ImportGraph([...HOOK_RUNTIME, ...CONSTRUCTS, ...LIGHT, REVIEW, "modules/aws-values/index.ts"]);

  it("sees what each side does import (the check can fail)", () => {
    expect([...graph.packagesFrom("modules/hooks/runtime/main.ts").keys()]).toEqual(expect.arrayContaining(["@aws-sdk/client-connectcampaigns"]));
    expect([...graph.packagesFrom("modules/index.ts").keys()]).toEqual(expect.arrayContaining(["cdktf", "constructs"]));
    // Through the review's lazy --live boundary, the SDK is reachable: it is the boundary that keeps it out.
    expect(offenders(graph.packagesFrom(REVIEW), AWS_SDK).length).toBeGreaterThan(0);
  });

  it.each(HOOK_RUNTIME)("the hook runtime (%s) never reaches cdktf or constructs", (entry) => {
    expect(offenders(graph.packagesFrom(entry), CDKTF)).toEqual([]);
  });

  it.each(["modules/hooks/contract/index.ts", "modules/aws-values/index.ts"])("%s, shared by both sides, imports no package at all", (entry) => {
    expect([...graph.packagesFrom(entry).keys()]).toEqual([]);
  });

  it.each(CONSTRUCTS)("constructs and synth (%s) never reach the AWS SDK, not even lazily", (entry) => {
    expect(offenders(graph.packagesFrom(entry), AWS_SDK)).toEqual([]);
  });

  it.each(LIGHT)("the light entry %s reaches neither cdktf nor the AWS SDK", (entry) => {
    expect(offenders(graph.packagesFrom(entry), CDKTF)).toEqual([]);
    expect(offenders(graph.packagesFrom(entry), AWS_SDK)).toEqual([]);
  });

  it("the review reaches the AWS SDK only through its one lazy boundary, `--live`", () => {
    const staticOnly = graph.packagesFrom(REVIEW, (edge) => !isLazy(edge));
    expect(offenders(staticOnly, AWS_SDK)).toEqual([]);
    expect(graph.lazyEdgesFrom(REVIEW)).toEqual(["modules/review/live.ts -> modules/hooks/runtime/index.ts"]);
  });
});
