// Issue 17: each kind of drift a plan cannot see, seeded straight into the emulator with the SDK
// (no Terraform), found by the real CLI (`drift --json`, a child process), with its fix.
import * as fs from "node:fs";
import * as path from "node:path";
import { CreateRoleCommand, DeleteServiceLinkedRoleCommand } from "@aws-sdk/client-iam";
import type { DriftFinding, DriftReport } from "../../modules/drift";
import { onboardingAddress } from "../../modules/stack";
import { describeWithEmulator, useEmulator } from "../emulator/emulator";
import { emulatedAccount, type EmulatedAccount } from "../support/account";
import { scratchDir } from "../support/terraform";
import { createCampaignsRole, driftJson, onboard, runCli, driftEnv, writeConfig } from "./support";

const REGION = "us-west-2";
const ACCOUNTS = {
  inSync: "410000000001",
  roleMissing: "410000000002",
  roleMismatch: "410000000003",
  notOnboarded: "410000000004",
  linkedToOther: "410000000005",
  kmsMismatch: "410000000006",
  retirePending: "410000000007",
  unmanaged: "410000000008",
} as const;
const stackOf = (account: string) => `campaigns-${account}-${REGION}`;

describeWithEmulator("drift: each finding kind, against the emulator", () => {
  const emulator = useEmulator({ onboardingPolls: 0 });
  const of: Record<string, { account: EmulatedAccount; instance?: string }> = {};
  let config: string;
  let first: { code: number; report: DriftReport; stderr: string };
  let dir: string;
  const unmanaged: { withCampaign?: string; onboarded?: string; idle?: string } = {};

  const findingsOf = (account: string): DriftFinding[] => first.report.findings.filter((f) => f.account === account);

  beforeAll(async () => {
    const e = emulator();
    dir = scratchDir("drift-findings");
    for (const [name, account] of Object.entries(ACCOUNTS)) of[name] = { account: await emulatedAccount(e, account, REGION) };
    const withInstance = async (name: keyof typeof ACCOUNTS) => (of[name].instance = await of[name].account.createInstance());

    // In sync: the role, an instance onboarded with its key, one campaign.
    await createCampaignsRole(of.inSync.account);
    const key = await of.inSync.account.createKmsKey();
    await onboard(of.inSync.account, await withInstance("inSync"), key);
    await of.inSync.account.createCampaigns(of.inSync.instance!, 1);
    // role-missing: the config creates a role nobody made.
    // role-mismatch: a role under the service's path that trusts EC2 (observed by lookup).
    await of.roleMismatch.account.iam.send(
      new CreateRoleCommand({
        RoleName: "AWSServiceRoleForConnectCampaigns",
        Path: "/aws-service-role/connect-campaigns.amazonaws.com/",
        AssumeRolePolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] }),
      }),
    );
    // not-onboarded: the role, an instance never (or no longer) onboarded, holding 2 campaigns.
    await createCampaignsRole(of.notOnboarded.account);
    await of.notOnboarded.account.createCampaigns(await withInstance("notOnboarded"), 2);
    // linked-to-other-role: onboarded, then the role it is linked to deleted out of band.
    await onboard(of.linkedToOther.account, await withInstance("linkedToOther"));
    await of.linkedToOther.account.iam.send(new DeleteServiceLinkedRoleCommand({ RoleName: "AWSServiceRoleForConnectCampaigns" }));
    // kms-key-mismatch: onboarded with a key the config does not name.
    await createCampaignsRole(of.kmsMismatch.account);
    await onboard(of.kmsMismatch.account, await withInstance("kmsMismatch"), await of.kmsMismatch.account.createKmsKey());
    // retire-pending: retired in the config, still onboarded.
    await createCampaignsRole(of.retirePending.account);
    await onboard(of.retirePending.account, await withInstance("retirePending"));

    // unmanaged-instance: next to the configured instance, one outside the config holding a
    // campaign (not onboarded), one onboarded from the console, and one with neither (not a finding).
    await createCampaignsRole(of.unmanaged.account);
    await onboard(of.unmanaged.account, await withInstance("unmanaged"));
    unmanaged.withCampaign = await of.unmanaged.account.createInstance();
    await of.unmanaged.account.createCampaigns(unmanaged.withCampaign, 1, "console");
    unmanaged.onboarded = await of.unmanaged.account.createInstance();
    await onboard(of.unmanaged.account, unmanaged.onboarded);
    unmanaged.idle = await of.unmanaged.account.createInstance();

    config = writeConfig(dir, "rollout.json", [
      { account: ACCOUNTS.inSync, region: REGION, instances: [{ id: of.inSync.instance, kmsKeyArn: key }] },
      { account: ACCOUNTS.roleMissing, region: REGION },
      { account: ACCOUNTS.roleMismatch, region: REGION, role: { mode: "observe" } },
      { account: ACCOUNTS.notOnboarded, region: REGION, instances: [{ id: of.notOnboarded.instance }] },
      { account: ACCOUNTS.linkedToOther, region: REGION, role: { mode: "observe" }, instances: [{ id: of.linkedToOther.instance }] },
      { account: ACCOUNTS.kmsMismatch, region: REGION, instances: [{ id: of.kmsMismatch.instance }] },
      { account: ACCOUNTS.retirePending, region: REGION, instances: [{ id: of.retirePending.instance, retired: true }] },
      { account: ACCOUNTS.unmanaged, region: REGION, instances: [{ id: of.unmanaged.instance }] },
    ]);
    first = await driftJson(e, config);
  });

  it("prints the documented JSON, exits 2, and counts the in-sync target", () => {
    expect(first.code).toBe(2);
    expect(Object.keys(first.report)).toEqual(["targets", "inSync", "findings", "errors"]);
    expect(first.report).toMatchObject({ targets: 8, inSync: 1, errors: [] });
    expect(findingsOf(ACCOUNTS.inSync)).toEqual([]);
    for (const f of first.report.findings) expect(Object.keys(f).filter((k) => !["stack", "account", "region", "kind", "instance", "message", "fix"].includes(k))).toEqual([]);
    expect(first.stderr).toContain("drift: 8/8");
  });

  it("role-missing: the role the stack creates does not exist; apply recreates it", () => {
    expect(findingsOf(ACCOUNTS.roleMissing)).toEqual([
      expect.objectContaining({ stack: stackOf(ACCOUNTS.roleMissing), region: REGION, kind: "role-missing", message: expect.stringContaining("AWSServiceRoleForConnectCampaigns"), fix: expect.stringContaining(`-chdir=cdktf.out/stacks/${stackOf(ACCOUNTS.roleMissing)} apply`) }),
    ]);
  });

  it("role-mismatch: a campaigns role trusting another principal", () => {
    expect(findingsOf(ACCOUNTS.roleMismatch)).toEqual([
      expect.objectContaining({ kind: "role-mismatch", message: expect.stringContaining("Service:ec2.amazonaws.com") }),
    ]);
  });

  it("not-onboarded: names the instance, its campaigns and the exact -replace= of its onboarding", () => {
    const instance = of.notOnboarded.instance!;
    expect(findingsOf(ACCOUNTS.notOnboarded)).toEqual([
      expect.objectContaining({ kind: "not-onboarded", instance, message: expect.stringContaining("2 campaigns (2 v1, 0 v2; 0 running or paused)") }),
    ]);
    const fix = findingsOf(ACCOUNTS.notOnboarded)[0].fix!;
    expect(fix).toContain(`terraform -chdir=cdktf.out/stacks/${stackOf(ACCOUNTS.notOnboarded)} apply -replace=${onboardingAddress(instance)} `);
    expect(onboardingAddress(instance)).toMatch(new RegExp(`^terraform_data\\.onboarding-${instance}_onboarding_[0-9A-F]{8}$`));
  });

  it("linked-to-other-role: the instance's role was deleted out of band (and the observed role is missing)", () => {
    expect(findingsOf(ACCOUNTS.linkedToOther).map((f) => f.kind).sort()).toEqual(["linked-to-other-role", "role-missing"]);
    expect(findingsOf(ACCOUNTS.linkedToOther).find((f) => f.kind === "linked-to-other-role")).toMatchObject({
      instance: of.linkedToOther.instance,
      message: expect.stringContaining("the account has no campaigns role"),
      fix: expect.stringContaining("-replace=terraform_data.onboarding-"),
    });
  });

  it("kms-key-mismatch: encrypted with a key the config does not name", () => {
    expect(findingsOf(ACCOUNTS.kmsMismatch)).toEqual([
      expect.objectContaining({ kind: "kms-key-mismatch", instance: of.kmsMismatch.instance, message: expect.stringMatching(/encrypted with arn:aws:kms:.*; the config says none/) }),
    ]);
  });

  it("retire-pending: a retired instance still onboarded; apply runs its removed blocks", () => {
    expect(findingsOf(ACCOUNTS.retirePending)).toEqual([
      expect.objectContaining({ kind: "retire-pending", instance: of.retirePending.instance, fix: expect.stringContaining("removed blocks") }),
    ]);
  });

  it("unmanaged-instance: instances of the Region outside the config holding campaigns or onboarded (what a role deletion's guard refuses on)", () => {
    const found = findingsOf(ACCOUNTS.unmanaged);
    expect(found.map((f) => [f.kind, f.instance]).sort()).toEqual(
      [
        ["unmanaged-instance", unmanaged.withCampaign],
        ["unmanaged-instance", unmanaged.onboarded],
      ].sort(),
    );
    expect(found.find((f) => f.instance === unmanaged.withCampaign)?.message).toContain("not onboarded and holds 1 campaign (1 v1, 0 v2; 0 running or paused)");
    expect(found.find((f) => f.instance === unmanaged.onboarded)?.message).toContain("is onboarded (role arn:aws:iam::410000000008:role/aws-service-role/");
  });

  it("Markdown: a table per wave, findings first, the in-sync targets counted", async () => {
    const run = await runCli(["drift", "--config", config], driftEnv(emulator()));
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("8 targets: **1 in sync**, 7 with findings (9 findings), 0 not checked.");
    expect(run.stdout).toContain("### Wave `default`: 1 in sync, 9 findings");
    expect(run.stdout).toMatch(/\| `campaigns-410000000004-us-west-2` \| not-onboarded \| `[0-9a-f-]+` \|/);
    expect(run.stdout.trimEnd().endsWith("1 in sync.")).toBe(true);
  });

  it("--stack checks only that stack; exit 0 when it is in sync", async () => {
    const { code, report } = await driftJson(emulator(), config, "--stack", stackOf(ACCOUNTS.inSync));
    expect({ code, report }).toEqual({ code: 0, report: { targets: 1, inSync: 1, findings: [], errors: [] } });
  });

  it("throttling at 20% is retried, never reported as drift: the same findings", async () => {
    await emulator().configure({ throttleFraction: 0.2, seed: 17 });
    try {
      await emulator().resetStats();
      const throttled = await driftJson(emulator(), config);
      expect((await emulator().stats()).throttled).toBeGreaterThan(0);
      expect(throttled.code).toBe(2);
      expect(throttled.report).toEqual(first.report);
    } finally {
      await emulator().configure({ throttleFraction: 0 });
    }
  });

  it("a Region answering AccessDenied is an error for that stack (exit 1), not in sync; the other Region is still checked", async () => {
    const e = emulator();
    const account = "410000000020";
    await createCampaignsRole(await emulatedAccount(e, account, "us-east-1"));
    const file = writeConfig(dir, "denied.json", [
      { account, region: "us-east-1" },
      { account, region: "eu-west-2", role: { mode: "observe" } },
    ]);
    await e.configure({ deniedRegions: ["eu-west-2"] });
    try {
      const { code, report, stderr } = await driftJson(e, file);
      expect(code).toBe(1);
      expect(report).toMatchObject({ targets: 2, inSync: 1, findings: [] });
      expect(report.errors).toEqual([
        expect.objectContaining({ stack: `campaigns-${account}-eu-west-2`, wrongAccount: false, message: expect.stringMatching(/^stack campaigns-410000000020-eu-west-2: .*eu-west-2: .*AccessDeniedException/) }),
      ]);
      expect(stderr).toContain(`campaigns-${account}-eu-west-2: not checked`);
    } finally {
      await e.configure({ deniedRegions: [] });
    }
  });

  it("credentials of another account: exit 3, naming both accounts, nothing read", async () => {
    const file = path.join(dir, "no-deploy-role.json");
    // No deploy role: drift acts as the caller, moto's default account.
    fs.writeFileSync(file, JSON.stringify({ targets: [{ account: ACCOUNTS.inSync, region: REGION }] }));
    const { code, report } = await driftJson(emulator(), file);
    expect(code).toBe(3);
    expect(report.errors).toEqual([expect.objectContaining({ wrongAccount: true, message: expect.stringContaining(`the credentials act in account 123456789012`) })]);
    expect(report.inSync).toBe(0);
  });

  it("usage and bad input: exit 64 without a config, 1 naming an unknown stack", async () => {
    const none = await runCli(["drift"], driftEnv(emulator()));
    expect(none).toMatchObject({ code: 64, stdout: "" });
    const unknown = await runCli(["drift", "--config", config, "--stack", stackOf("419999999999")], driftEnv(emulator()));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no stack "campaigns-419999999999-us-west-2"');
    expect(unknown.stdout).toBe("");
  });
});
