import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { CreateServiceLinkedRoleCommand } from "@aws-sdk/client-iam";
import { StartInstanceOnboardingJobCommand } from "@aws-sdk/client-connectcampaigns";
import type { DriftReport } from "../../modules/drift";
import { QUOTA_MULTIPLIER_ENV } from "../../modules/hooks/runtime";
import type { Emulator } from "../emulator/emulator";
import type { EmulatedAccount } from "../support/account";
import type { CliRun } from "../support/cli";

const BIN = path.join(__dirname, "..", "..", "bin", "connect-campaigns-iac.js");

/** The real CLI as a child process (what a pipeline runs), with only the emulator's environment. */
export function runCli(args: readonly string[], env: Record<string, string>, cwd?: string): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", TMPDIR: process.env.TMPDIR ?? "/tmp", ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** `drift --json` of a config, parsed, with its exit code and stderr. */
export async function driftJson(emulator: Emulator, config: string, ...args: string[]): Promise<{ code: number; report: DriftReport; stderr: string }> {
  const run = await runCli(["drift", "--config", config, "--json", ...args], driftEnv(emulator));
  let report: DriftReport;
  try {
    report = JSON.parse(run.stdout) as DriftReport;
  } catch {
    throw new Error(`drift printed no JSON (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  }
  return { code: run.code, report, stderr: run.stderr };
}

/** The emulator's endpoint and credentials, pacing at 20x AWS's quotas (the emulator does not enforce them here). */
export const driftEnv = (emulator: Emulator): Record<string, string> => ({ ...emulator.env, [QUOTA_MULTIPLIER_ENV]: "20" });

/** Writes a rollout config (deploy role terraform-deploy in each account, as moto's AssumeRole allows). */
export function writeConfig(dir: string, name: string, targets: readonly Record<string, unknown>[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify({ defaults: { deployRoleArn: "arn:aws:iam::{account}:role/terraform-deploy" }, targets }, null, 2));
  return file;
}

/** The account's campaigns role, as CreateServiceLinkedRole makes it; its ARN. */
export async function createCampaignsRole(account: EmulatedAccount, customSuffix?: string): Promise<string> {
  const { Role } = await account.iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: "connect-campaigns.amazonaws.com", CustomSuffix: customSuffix }));
  return Role!.Arn!;
}

/** Onboards an instance (the emulator finishes the job at once with onboardingPolls 0). */
export async function onboard(account: EmulatedAccount, instanceId: string, keyArn?: string): Promise<void> {
  await account.campaigns.send(
    new StartInstanceOnboardingJobCommand({
      connectInstanceId: instanceId,
      encryptionConfig: keyArn ? { enabled: true, encryptionType: "KMS", keyArn } : { enabled: false },
    }),
  );
}
