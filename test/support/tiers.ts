/**
 * Test tiers that need real tools (terraform, the provider mirror, moto). Where a tool is
 * missing, the tier is skipped with a printed reason — except under CI=true, where the tier
 * fails: a tier never silently does not run.
 */
export interface ToolCheck {
  readonly ok: boolean;
  readonly reason?: string;
}

export function describeWithTools(title: string, check: () => ToolCheck, body: () => void): void {
  const result = check();
  if (result.ok) {
    describe(title, body);
    return;
  }
  if (process.env.CI === "true") {
    describe(title, () => {
      it("has the tools it needs", () => {
        throw new Error(`${title}: ${result.reason} (CI=true: a tier whose tools are missing fails the run)`);
      });
    });
    return;
  }
  console.warn(`SKIPPED "${title}": ${result.reason}`);
  describe.skip(title, body);
}
