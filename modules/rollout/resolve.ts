import * as path from "node:path";
import type { RolloutConfig, TargetConfig, TargetSettings } from "./schema";
import {
  type AccountPeer,
  DEFAULT_BACKUP_DIR,
  DEFAULT_ONBOARDING_TIMEOUT_SECONDS,
  DEFAULT_STATE_KEY,
  DEFAULT_WAVE,
  ResolvedBackend,
  ResolvedTarget,
  ResolvedWave,
  stackIdFor,
} from "./resolved";

/** Fills `{account}` and `{region}` in a template. */
export function fillTemplate(template: string, target: { account: string; region: string }): string {
  return template.replaceAll("{account}", target.account).replaceAll("{region}", target.region);
}

/**
 * A target setting with the defaults applied. Target keys override `defaults`: tags are merged
 * key by key; an object setting (backend, role, campaignBackup) is merged field by field when both
 * name the same `type` / `mode`, and replaced whole when they differ (an s3 bucket makes no sense
 * on a local backend).
 */
export function mergeSetting<K extends keyof TargetSettings>(
  defaults: TargetSettings | undefined,
  target: TargetConfig,
  key: K,
): TargetSettings[K] {
  const own = target[key];
  const inherited = defaults?.[key];
  if (own === undefined) return inherited;
  if (inherited === undefined || typeof own !== "object" || typeof inherited !== "object") return own;
  const discriminator = (value: object) => (value as { type?: string; mode?: string }).type ?? (value as { mode?: string }).mode;
  if (discriminator(own) !== discriminator(inherited)) return own;
  return { ...inherited, ...own } as TargetSettings[K];
}

/** Where the value of a setting came from, as a JSON path (for messages). */
export function settingPath(target: TargetConfig, index: number, key: keyof TargetSettings): string {
  return target[key] !== undefined ? `$.targets[${index}].${key}` : `$.defaults.${key}`;
}

function resolveBackend(config: TargetSettings["backend"], where: { account: string; region: string }): ResolvedBackend {
  if (!config || config.type === "local") {
    return { type: "local", path: config?.path === undefined ? undefined : fillTemplate(config.path, where) };
  }
  return {
    type: "s3",
    bucket: fillTemplate(config.bucket, where),
    key: fillTemplate(config.key ?? DEFAULT_STATE_KEY, where),
    region: config.region ?? where.region,
    encrypt: config.encrypt ?? true,
    useLockfile: config.useLockfile ?? true,
    roleArn: config.roleArn === undefined ? undefined : fillTemplate(config.roleArn, where),
  };
}

/**
 * Applies defaults and templates to one target. Paths stay as written: `baseDir` (where synth
 * runs) anchors the relative ones, see `absoluteConfigPath` and `stackRelativeConfigPath`.
 */
export function resolveTarget(config: RolloutConfig, index: number, baseDir: string): ResolvedTarget {
  const target = config.targets[index];
  const setting = <K extends keyof TargetSettings>(key: K) => mergeSetting(config.defaults, target, key);
  const where = { account: target.account, region: target.region };
  const deployRoleArn = setting("deployRoleArn");
  const backup = setting("campaignBackup");
  return {
    index,
    stackId: stackIdFor(target.account, target.region),
    account: target.account,
    region: target.region,
    wave: setting("wave") ?? DEFAULT_WAVE,
    instances: target.instances ?? [],
    deployRoleArn: deployRoleArn === undefined ? undefined : fillTemplate(deployRoleArn, where),
    tags: { ...config.defaults?.tags, ...target.tags },
    allowCampaignDeletion: setting("allowCampaignDeletion") ?? false,
    backend: resolveBackend(setting("backend"), where),
    campaignBackup: {
      dir: fillTemplate(backup?.dir ?? DEFAULT_BACKUP_DIR, where),
      s3Bucket: backup?.s3Bucket === undefined ? undefined : fillTemplate(backup.s3Bucket, where),
    },
    role: setting("role") ?? { mode: "create" },
    onboardingTimeoutSeconds: setting("onboardingTimeoutSeconds") ?? DEFAULT_ONBOARDING_TIMEOUT_SECONDS,
    allowUnlistedRegion: setting("allowUnlistedRegion") ?? false,
    retired: target.retired ?? false,
    accountTargets: accountPeers(config, index),
    baseDir: path.resolve(baseDir),
  };
}

/** The other targets of the target's account, in config order. */
function accountPeers(config: RolloutConfig, index: number): AccountPeer[] {
  const { account } = config.targets[index];
  return config.targets.flatMap((t, i) =>
    i !== index && t.account === account ? [{ region: t.region, stackId: stackIdFor(t.account, t.region), retired: t.retired ?? false }] : [],
  );
}

/** The waves in deployment order, each with its targets' stack ids. */
export function resolveWaves(config: RolloutConfig, targets: readonly ResolvedTarget[]): ResolvedWave[] {
  const declared = config.waves ?? [{ name: DEFAULT_WAVE }];
  return declared.map((wave) => ({
    name: wave.name,
    maxConcurrency: wave.maxConcurrency ?? 1,
    failureTolerance: wave.failureTolerance ?? 0,
    stackIds: targets.filter((t) => t.wave === wave.name).map((t) => t.stackId),
  }));
}
