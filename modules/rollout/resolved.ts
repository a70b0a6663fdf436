import * as path from "node:path";
import type { InstanceConfig, RoleConfig } from "./schema";

/** The default S3 state key: one object per target. */
export const DEFAULT_STATE_KEY = "connect-campaigns/{account}/{region}/terraform.tfstate";
export const DEFAULT_BACKUP_DIR = "campaign-backups";
export { DEFAULT_ONBOARDING_TIMEOUT_SECONDS } from "../hooks/contract";
/** The wave every target is in when the config declares none. */
export const DEFAULT_WAVE = "default";

export type ResolvedBackend =
  /** `path` as the config wrote it (templates filled): absolute, or relative to the target's `baseDir`. */
  | { readonly type: "local"; readonly path?: string }
  | {
      readonly type: "s3";
      readonly bucket: string;
      readonly key: string;
      readonly region: string;
      readonly encrypt: boolean;
      readonly useLockfile: boolean;
      readonly roleArn?: string;
    };

/** Another target of the same account: where it is, its stack, whether the config retires it. */
export interface AccountPeer {
  readonly region: string;
  readonly stackId: string;
  readonly retired: boolean;
}

/** A target with the defaults applied and every template filled: what one stack is built from. */
export interface ResolvedTarget {
  /** Position in `targets`, for messages. */
  readonly index: number;
  /** `campaigns-<account>-<region>`. */
  readonly stackId: string;
  readonly account: string;
  readonly region: string;
  readonly wave: string;
  readonly instances: readonly InstanceConfig[];
  readonly deployRoleArn?: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly allowCampaignDeletion: boolean;
  readonly backend: ResolvedBackend;
  /** `dir` as the config wrote it (templates filled): absolute, or relative to `baseDir`. */
  readonly campaignBackup: { readonly dir: string; readonly s3Bucket?: string };
  /**
   * The directory relative paths of the config are anchored at: the one synth (or the CLI) runs
   * in, the project root. The stacks never hold it: they name those paths relative to their own
   * directory, so that two checkouts at different paths synthesize the same bytes.
   */
  readonly baseDir: string;
  readonly role: RoleConfig;
  readonly onboardingTimeoutSeconds: number;
  readonly allowUnlistedRegion: boolean;
  /** The whole target is to be removed at the next apply, hooks included. */
  readonly retired: boolean;
  /**
   * The account's other targets (its other Regions), by position in the config. The role is
   * global to the account: the guard before its deletion scans these Regions (listed or not) and
   * names the stack holding what it finds there. Here, so a stack stays a function of its target.
   */
  readonly accountTargets: readonly AccountPeer[];
}

export interface ResolvedWave {
  readonly name: string;
  readonly maxConcurrency: number;
  readonly failureTolerance: number;
  readonly stackIds: readonly string[];
}

/** A validated config, ready to synthesize. */
export interface ResolvedRollout {
  /** The file it came from (as given), for messages. */
  readonly file: string;
  readonly targets: readonly ResolvedTarget[];
  readonly waves: readonly ResolvedWave[];
}

/** A path of the config as an absolute path: relative ones are anchored at the target's `baseDir`. */
export function absoluteConfigPath(target: Pick<ResolvedTarget, "baseDir">, written: string): string {
  return path.resolve(target.baseDir, written);
}

/**
 * A path of the config as a stack holds it: an absolute path stays as written; a relative one is
 * rewritten relative to `stackDir` (where Terraform and `local-exec` run), so the stack carries no
 * trace of the checkout's location.
 */
export function stackRelativeConfigPath(target: Pick<ResolvedTarget, "baseDir">, written: string, stackDir: string): string {
  if (path.isAbsolute(written)) return written;
  return path.relative(path.resolve(stackDir), absoluteConfigPath(target, written)).split(path.sep).join("/");
}

/** The stack of a target: `campaigns-<account>-<region>` (its cdktf.out/stacks/ folder too). */
export function stackIdFor(account: string, region: string): string {
  return `campaigns-${account}-${region}`;
}

const STACK_ID = /^campaigns-(\d{12})-([a-z]{2}(?:-[a-z]+)+-\d+)$/;

/** The account and Region a stack id names, or undefined when `id` is not one of these ids. */
export function parseStackId(id: string): { account: string; region: string } | undefined {
  const match = STACK_ID.exec(id);
  return match ? { account: match[1], region: match[2] } : undefined;
}
