import * as fs from "node:fs";
import * as path from "node:path";

/** Where plan-review tests and the bench act: one Region, one account per target. */
export const SCALE_REGION = "us-east-1";

export const scaleAccount = (i: number): string => String(200000000000 + i);
export const scaleStackId = (i: number): string => `campaigns-${scaleAccount(i)}-${SCALE_REGION}`;

export interface ScaleTarget {
  readonly account: string;
  readonly region: string;
  readonly tags?: Readonly<Record<string, string>>;
  readonly instances: readonly { readonly id: string }[];
}

/**
 * A rollout of `count` targets, each its own account in us-east-1 with one Connect instance,
 * acting through the deploy role (moto's AssumeRole acts in the role's account) and keeping
 * local state under `dir/state`. Planning one needs no AWS object to exist: the role and the
 * hooks are all creates.
 */
export function scaleRollout(count: number, dir: string) {
  const targets: ScaleTarget[] = Array.from({ length: count }, (_, i) => ({
    account: scaleAccount(i),
    region: SCALE_REGION,
    instances: [{ id: `0a1b2c3d-4e5f-4a6b-8c7d-${i.toString(16).padStart(12, "0")}` }],
  }));
  return {
    defaults: {
      deployRoleArn: "arn:aws:iam::{account}:role/terraform-deploy",
      tags: { team: "contact-center" },
      backend: { type: "local", path: path.join(dir, "state", "{account}-{region}.tfstate") },
    },
    waves: [{ name: "all", maxConcurrency: 4, failureTolerance: 0 }],
    targets: targets.map((t) => ({ ...t, wave: "all" })),
  };
}

export type ScaleConfig = ReturnType<typeof scaleRollout>;

/** The config with target `i`'s tags changed: what a one-line PR does. */
export function withRetaggedTarget(config: ScaleConfig, i: number): ScaleConfig {
  return { ...config, targets: config.targets.map((t, n) => (n === i ? { ...t, tags: { "cost-center": "cc-42" } } : t)) };
}

export function writeConfig(file: string, config: unknown): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}
