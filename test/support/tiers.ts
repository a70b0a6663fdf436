/**
 * Test tiers that need real tools (terraform, the provider mirror, moto). Where a tool is
 * missing, the tier is skipped with a printed reason — except under CI (any non-empty `CI`,
 * as runners set it: `true`, `1`, `yes`), where the tier fails: a tier never silently does not run.
 */
export interface ToolCheck {
  readonly ok: boolean;
  readonly reason?: string;
}

/**
 * Whether tiers are strict: any non-empty `CI` (GitHub and GitLab set `true`, others `1` or
 * `yes`). Even `CI=false` is strict: a runner that sets CI at all must not pass on skipped tiers.
 */
export function strictTiers(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.CI ?? "") !== "";
}

export function describeWithTools(title: string, check: () => ToolCheck, body: () => void): void {
  const result = check();
  if (result.ok) {
    describe(title, body);
    return;
  }
  if (strictTiers()) {
    describe(title, () => {
      it("has the tools it needs", () => {
        throw new Error(`${title}: ${result.reason} (CI=${process.env.CI}: a tier whose tools are missing fails the run)`);
      });
    });
    return;
  }
  console.warn(`SKIPPED "${title}": ${result.reason}`);
  describe.skip(title, body);
}
