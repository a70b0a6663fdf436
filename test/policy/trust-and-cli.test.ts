import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { sessionName } from "../../modules/hooks/runtime/clients";
import { deployRoleTrustPolicy, HOOK_SESSION_PATTERN, PROVIDER_SESSION_NAME, TrustPrincipalError } from "../../modules/policy";
import { Testing } from "cdktf";
import { parseRolloutConfig } from "../../modules/rollout";
import { CampaignsTargetStack } from "../../modules/stack";
import { cli } from "../support/cli";
import { synthJson } from "../support/synth";

describe("the deploy role's trust policy", () => {
  it("lets the pipeline principal assume the role, with this tool's session names only", () => {
    expect(deployRoleTrustPolicy("arn:aws:iam::999999999999:role/pipeline")).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "PipelineAssumesDeployRole",
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::999999999999:role/pipeline" },
          Action: ["sts:AssumeRole"],
          Condition: { StringLike: { "sts:RoleSessionName": ["connect-campaigns-iac", "campaigns-hook-*"] } },
        },
      ],
    });
  });

  it("uses the session names the provider and the hooks really use", () => {
    const target = parseRolloutConfig(
      JSON.stringify({ targets: [{ account: "111111111111", region: "us-east-1", deployRoleArn: "arn:aws:iam::{account}:role/deploy" }] }),
      "rollout.json",
    ).targets[0];
    const provider = synthJson(new CampaignsTargetStack(Testing.app(), target)).provider?.aws[0] as { assume_role: { session_name: string }[] };
    expect(provider.assume_role[0].session_name).toBe(PROVIDER_SESSION_NAME);
    expect(sessionName("campaigns-111111111111-us-east-1").startsWith(HOOK_SESSION_PATTERN.replace("*", ""))).toBe(true);
  });

  it("refuses what is not a principal ARN", () => {
    expect(() => deployRoleTrustPolicy("pipeline")).toThrow(TrustPrincipalError);
    expect(() => deployRoleTrustPolicy("arn:aws:s3:::bucket")).toThrow("expected an IAM principal ARN");
  });
});

describe("npx connect-campaigns-iac policy", () => {
  it("prints the unscoped deploy role policy as JSON", async () => {
    const { code, stdout } = await cli("policy");
    expect(code).toBe(0);
    const policy = JSON.parse(stdout) as { Statement: { Sid: string }[] };
    expect(policy.Statement.map((s) => s.Sid)).toContain("CreateCampaignsRole");
  });

  it("narrows to a config's account with --config --account, and prints the state policy with --state", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "policy-cli-"));
    const file = path.join(dir, "rollout.json");
    fs.writeFileSync(
      file,
      JSON.stringify({
        defaults: { backend: { type: "s3", bucket: "tf-state" } },
        targets: [
          { account: "111111111111", region: "us-east-1" },
          { account: "222222222222", region: "us-east-1" },
        ],
      }),
    );
    const narrowed = await cli("policy", "--config", file, "--account", "222222222222");
    expect(narrowed.code).toBe(0);
    expect(narrowed.stdout).toContain("222222222222");
    expect(narrowed.stdout).not.toContain("111111111111");
    const state = await cli("policy", "--config", file, "--state");
    expect(JSON.parse(state.stdout).Statement.map((s: { Sid: string }) => s.Sid)).toEqual(["ListStateBucket", "ReadWriteState", "LockState"]);
    const wrong = await cli("policy", "--config", file, "--account", "333333333333");
    expect(wrong).toMatchObject({ code: 1, stdout: "" });
    expect(wrong.stderr).toContain("no target in account 333333333333");
  });

  it("prints the trust policy with --trust, and refuses a bad principal as a usage error (exit 64)", async () => {
    const trust = await cli("policy", "--trust", "arn:aws:iam::999999999999:role/pipeline");
    expect(JSON.parse(trust.stdout).Statement[0].Principal).toEqual({ AWS: "arn:aws:iam::999999999999:role/pipeline" });
    expect(await cli("policy", "--trust", "nope")).toMatchObject({ code: 64, stdout: "" });
  });

  it.each<[string, string[], string]>([
    ["--account without --config", ["--account", "111111111111"], "policy: --account needs --config <file> (the account's targets come from the config)\n"],
    ["--state without --config", ["--state"], "policy: --state needs --config <file> (the state buckets come from the config's backends)\n"],
    ["--account that is not an account id", ["--account", "12"], "error: option '-a, --account <id>' argument '12' is invalid. expected a 12-digit AWS account id, got \"12\" (2 digits) (run with --help for usage)\n"],
    ["--trust with --state", ["--trust", "arn:aws:iam::999999999999:role/pipeline", "--state"], "error: option '--trust <principal arn>' cannot be used with option '--state' (run with --help for usage)\n"],
  ])("refuses %s as a usage error: exit 64, one line, nothing on stdout", async (_, args, stderr) => {
    expect(await cli("policy", ...args)).toEqual({ code: 64, stdout: "", stderr });
  });

  it("explains itself in --help", async () => {
    const { code, stdout } = await cli("policy", "--help");
    expect(code).toBe(0);
    for (const option of ["--config", "--account", "--restore", "--state", "--trust", "6,144"]) expect(stdout).toContain(option);
  });

  it("refuses --state when no target keeps its state in S3", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "policy-")), "rollout.json");
    fs.writeFileSync(file, JSON.stringify({ targets: [{ account: "111111111111", region: "us-east-1" }] }));
    expect(await cli("policy", "--config", file, "--state")).toMatchObject({ code: 1, stdout: "" });
  });
});
