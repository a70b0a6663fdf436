import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { CAMPAIGNS_ROLE, fixture, planDoc, resourceChange, writePlans } from "./support/plans";
import { cli } from "../support/cli";

describe("connect-campaigns-iac review", () => {
  it("prints Markdown and exits 0 without --fail-on, whatever the risk", async () => {
    const run = await cli("review", fixture("destroy-allowed"));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^## Terraform plan review\n/);
  });

  it.each([
    ["high", "destroy-allowed", 2],
    ["high", "adopt", 0],
    ["medium", "adopt", 2],
    ["medium", "create", 0],
    ["high", "no-op", 0],
  ])("--fail-on %s over %s exits %i", async (level, name, code) => {
    const run = await cli("review", "--fail-on", level, fixture(name));
    expect(run.code).toBe(code);
    if (code === 2) expect(run.stderr).toContain(`(--fail-on ${level})`);
  });

  it("gates on the highest risk across all stacks given", async () => {
    expect((await cli("review", "--fail-on", "high", fixture("create"), fixture("replace-role"))).code).toBe(2);
  });

  it("rejects an unknown --fail-on level as a usage error: exit 64, one line naming the choices", async () => {
    const run = await cli("review", "--fail-on", "low", fixture("create"));
    expect(run).toMatchObject({ code: 64, stdout: "" });
    expect(run.stderr).toBe("error: option '--fail-on <risk>' argument 'low' is invalid. Allowed choices are high, medium. (run with --help for usage)\n");
  });

  it("--json prints the documented shape", async () => {
    const run = await cli("review", "--json", fixture("destroy-refused"));
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report)).toEqual(["version", "risk", "stacks"]);
    expect(report).toMatchObject({ version: 1, risk: "high" });
    const [stack] = report.stacks;
    expect(Object.keys(stack).sort()).toEqual(["account", "changes", "counts", "drift", "findings", "formatVersion", "outputs", "region", "rereadOutputs", "risk", "source", "stack", "terraformVersion", "warnings"]);
    expect(stack.counts).toEqual({ create: 0, update: 0, replace: 0, delete: 5, "no-op": 0, read: 0, forget: 0 });
    expect(Object.keys(stack.changes[0]).sort()).toEqual(["actions", "address", "attributes", "findings", "kind", "mode", "risk", "type"]);
    expect(Object.keys(stack.changes[0].findings[0]).sort()).toEqual(["reason", "risk", "rule"]);
  });

  describe("unreadable input: exit 1 with one line naming the file, never a stack trace", () => {
    const files = writePlans({
      "truncated.json": JSON.stringify(planDoc([resourceChange("aws_iam_service_linked_role.role", { actions: ["delete"], before: CAMPAIGNS_ROLE, after: null })])).slice(0, 120),
      "config.json": { targets: [] },
      "state.json": { format_version: "1.0", values: { root_module: {} } },
      "future.json": { format_version: "2.0", planned_values: {} },
      "bad-entry.json": { format_version: "1.2", resource_changes: [{ address: "x" }] },
      "empty-dir/README": "nothing here",
    });
    it.each([
      ["truncated.json", /truncated\.json: not valid JSON \(.+\): the file looks empty or truncated$/],
      ["config.json", /config\.json: not a Terraform plan: no format_version with planned_values or resource_changes; expected the output of `terraform show -json <planfile>`$/],
      ["state.json", /state\.json: not a Terraform plan: .*\(it looks like state/],
      ["future.json", /future\.json: plan format_version "2\.0" is not supported \(expected 0\.x or 1\.x\)$/],
      ["bad-entry.json", /bad-entry\.json: not a Terraform plan: resource_changes\[0\] lacks address, type or change\.actions$/],
    ])("%s", async (name, message) => {
      const run = await cli("review", files[name]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr.trim()).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    });

    it("a missing file", async () => {
      const run = await cli("review", "/nonexistent/plan.json");
      expect(run).toMatchObject({ code: 1, stderr: "/nonexistent/plan.json: no such file or directory\n" });
    });

    it("a directory with neither plan.json nor tfplan", async () => {
      const dir = files["empty-dir/README"].replace(/\/README$/, "");
      const run = await cli("review", dir);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`${dir}: no plan.json or tfplan here: expected a stack directory after \`terraform plan -out tfplan\` (or a JSON plan file)\n`);
    });
  });

  it("a stack directory with plan.json takes its name from the directory", async () => {
    const files = writePlans({ "campaigns-999999999999-ap-southeast-2/plan.json": planDoc([]) });
    const run = await cli("review", "--json", files["campaigns-999999999999-ap-southeast-2/plan.json"].replace(/\/plan\.json$/, ""));
    expect(JSON.parse(run.stdout).stacks[0]).toMatchObject({ stack: "campaigns-999999999999-ap-southeast-2", account: "999999999999", region: "ap-southeast-2" });
  });
});

describe("review without --live", () => {
  it("never loads the AWS SDK (nor the hook runtime)", () => {
    const script = `require("tsx/cjs"); require(${JSON.stringify(require.resolve("../../modules/cli/main.ts"))})
      .runCli(["review", "--json", ${JSON.stringify(fixture("destroy-allowed"))}])
      .then(() => process.stderr.write("LOADED " + Object.keys(require.cache).filter((m) => /@aws-sdk|hooks.runtime/.test(m)).length));`;
    const result = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", cwd: path.join(__dirname, "..", "..") });
    expect(result.stderr).toContain("LOADED 0");
  });
});
