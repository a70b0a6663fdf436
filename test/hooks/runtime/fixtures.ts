// Shared set-up for the hook runtime's integration tests: the emulator, Connect instances,
// campaigns, and the bundled hook run the way Terraform's local-exec runs it.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type Campaign,
  ConnectCampaignsClient,
  CreateCampaignCommand,
  type CreateCampaignRequest,
  DescribeCampaignCommand,
  ListCampaignsCommand,
  StartCampaignCommand,
  PauseCampaignCommand,
} from "@aws-sdk/client-connectcampaigns";
import type { CleanupHookInput, HookCommand, HookInput, OnboardingHookInput } from "../../../modules/hooks/contract";
import { buildHookBundle } from "../../../modules/hooks/asset";
import { REGION, type Emulator } from "../../emulator/emulator";
import { createConnectInstance } from "../../emulator/aws-fixtures";
import { withoutAwsVariables } from "../../support/process-env";

export const ACCOUNT = "123456789012"; // moto's account for the emulator's test credentials

// Tests run the hook at 20× AWS's quotas (the emulator does not enforce them unless asked):
// 120 deletes take 6 s instead of 2 minutes. The bench measures the real rates.
export const FAST_QUOTAS = { CAMPAIGNS_HOOK_QUOTA_MULTIPLIER: "20" };

export function campaignsClient(emulator: Emulator): ConnectCampaignsClient {
  return new ConnectCampaignsClient({
    endpoint: emulator.endpoint,
    region: REGION,
    credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
  });
}

/** A Connect instance in moto's default account. */
export async function createInstance(emulator: Emulator): Promise<string> {
  return (await createConnectInstance(emulator)).Id;
}

/** Varied campaigns: the three dialer kinds, optional fields and tags, so restores are tested. */
export function campaignRequest(instanceId: string, index: number): CreateCampaignRequest {
  const dialers = [
    { progressiveDialerConfig: { bandwidthAllocation: 0.5, dialingCapacity: 0.25 } },
    { predictiveDialerConfig: { bandwidthAllocation: 1 } },
    { agentlessDialerConfig: { dialingCapacity: 1 } },
  ];
  return {
    name: `campaign-${String(index).padStart(3, "0")}`,
    connectInstanceId: instanceId,
    dialerConfig: dialers[index % dialers.length],
    outboundCallConfig: {
      connectContactFlowId: `flow-${index}`,
      connectSourcePhoneNumber: "+15550100",
      connectQueueId: index % 2 ? `queue-${index}` : undefined,
      answerMachineDetectionConfig: { enableAnswerMachineDetection: index % 2 === 0, awaitAnswerMachinePrompt: true },
    },
    tags: index % 4 === 3 ? undefined : { team: "outbound", index: String(index) },
  };
}

/** Which of `count` campaigns to start: the first `running`, then the next `paused` started and paused. */
export interface StartedCampaigns {
  readonly running?: number;
  readonly paused?: number;
}

/**
 * Creates `count` campaigns with either API's calls (`create(i)` answers the new id) and starts
 * and pauses them as `started` says; returns their ids in order.
 */
export async function createCampaignsWith(
  calls: { create(index: number): Promise<string | undefined>; start(id: string): Promise<unknown>; pause(id: string): Promise<unknown> },
  count: number,
  { running = 0, paused = 0 }: StartedCampaigns,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = await calls.create(i);
    if (!id) throw new Error(`CreateCampaign ${i} returned no id`);
    if (i < running + paused) await calls.start(id);
    if (i >= running && i < running + paused) await calls.pause(id);
    ids.push(id);
  }
  return ids;
}

/** Creates `count` v1 campaigns; the first `running` are started, the next `paused` started and paused. */
export function createCampaigns(client: ConnectCampaignsClient, instanceId: string, count: number, started: StartedCampaigns = {}): Promise<string[]> {
  return createCampaignsWith(
    {
      create: async (i) => (await client.send(new CreateCampaignCommand(campaignRequest(instanceId, i)))).id,
      start: (id) => client.send(new StartCampaignCommand({ id })),
      pause: (id) => client.send(new PauseCampaignCommand({ id })),
    },
    count,
    started,
  );
}

export async function listNames(client: ConnectCampaignsClient, instanceId: string): Promise<string[]> {
  const names: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(
      new ListCampaignsCommand({
        filters: { instanceIdFilter: { value: instanceId, operator: "Eq" } },
        maxResults: 50,
        nextToken,
      }),
    );
    names.push(...(page.campaignSummaryList ?? []).map((c) => c.name ?? ""));
    nextToken = page.nextToken;
  } while (nextToken);
  return names.sort();
}

export async function describe(client: ConnectCampaignsClient, id: string): Promise<Campaign> {
  const { campaign } = await client.send(new DescribeCampaignCommand({ id }));
  if (!campaign) throw new Error(`no campaign ${id}`);
  return campaign;
}

/** Builds the hook bundle into a temporary directory, with the project's one build definition. */
export function buildBundle(): string {
  return buildHookBundle(join(tempDir("bundle"), "campaigns-hook.cjs")).outfile;
}

export const tempDir = (label: string): string => mkdtempSync(join(tmpdir(), `hook-${label}-`));

const inputBase = (instanceId: string) => ({
  stack: `campaigns-${ACCOUNT}-${REGION}`,
  account: ACCOUNT,
  region: REGION,
  instance_id: instanceId,
  deploy_role_arn: null,
});

/** The onboarding resource's input (the `onboard` and `offboard` commands). */
export function onboardingHookInput(instanceId: string, overrides: Partial<OnboardingHookInput> = {}): OnboardingHookInput {
  return { kind: "campaigns-onboarding", ...inputBase(instanceId), kms_key_arn: null, onboarding_timeout_seconds: 30, ...overrides };
}

/** The cleanup resource's input (the `cleanup` command). */
export function hookInput(instanceId: string, overrides: Partial<CleanupHookInput> = {}): CleanupHookInput {
  return {
    kind: "campaigns-cleanup",
    ...inputBase(instanceId),
    allow_campaign_deletion: true,
    backup_dir: tempDir("backups"),
    backup_s3_bucket: null,
    ...overrides,
  };
}

export interface HookRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunBundleOptions {
  readonly env?: Record<string, string>;
  /** Called with stdout so far after each chunk; return true to SIGKILL the hook. */
  readonly killWhen?: (stdout: string) => boolean;
  /** A command that runs node (e.g. strace and its options), put in front of `node <bundle>`. */
  readonly prefix?: readonly string[];
}

/**
 * `node <bundle> <command>` with CAMPAIGNS_HOOK_INPUT and the emulator's AWS env, as Terraform's
 * local-exec runs it. The parent's AWS_* variables are dropped so nothing leaks in.
 */
export function runBundle(
  bundle: string,
  emulator: Emulator,
  command: HookCommand | string,
  input: HookInput,
  options: RunBundleOptions = {},
): Promise<HookRun> {
  const parentEnv = withoutAwsVariables();
  const [program, ...args] = [...(options.prefix ?? []), process.execPath, bundle, command];
  const child = spawn(program, args, {
    env: { ...parentEnv, ...emulator.env, ...FAST_QUOTAS, ...options.env, CAMPAIGNS_HOOK_INPUT: JSON.stringify(input) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    if (options.killWhen?.(stdout)) child.kill("SIGKILL");
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/**
 * A backup file is exactly `serialize` (the serialization of its campaign's describe call) at
 * the file's own `backedUpAt`, which must be a time of this test run.
 */
export function expectBackupFile(file: string, serialize: (backedUpAt: string) => string): void {
  const text = readFileSync(file, "utf8");
  const { backedUpAt } = JSON.parse(text) as { backedUpAt?: unknown };
  expect(typeof backedUpAt).toBe("string");
  expect(Math.abs(Date.now() - Date.parse(String(backedUpAt)))).toBeLessThan(30 * 60_000);
  expect(text).toBe(serialize(String(backedUpAt)));
}

/** The hook's last stdout line, parsed: the JSON summary. */
export function summaryOf(run: HookRun): Record<string, unknown> {
  const lines = run.stdout.trim().split("\n");
  return JSON.parse(lines[lines.length - 1]) as Record<string, unknown>;
}
