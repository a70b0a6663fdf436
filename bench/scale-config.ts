/**
 * The bench's rollout configs: `accounts x 2 Regions`, one Connect instance per target, in one
 * wave. The first Region's target creates the account's campaigns role, the second observes it
 * (IAM is global: the one-role-owner rule allows one owner per account).
 */
export const BENCH_REGIONS = ["us-east-1", "eu-west-2"] as const;

export interface BenchTarget {
  readonly account: string;
  readonly region: string;
  readonly wave: string;
  readonly role: { readonly mode: "create" | "observe" };
  readonly instances: readonly { readonly id: string }[];
}

export interface BenchConfig {
  readonly defaults: {
    readonly deployRoleArn: string;
    readonly tags: Readonly<Record<string, string>>;
    readonly backend: { readonly type: "s3"; readonly bucket: string; readonly region: string };
  };
  readonly waves: readonly { readonly name: string; readonly maxConcurrency: number; readonly failureTolerance: number }[];
  readonly targets: readonly BenchTarget[];
}

export const BENCH_WAVE = "all";

/** A config of `count` targets (count / 2 accounts, each in both Regions). */
export function benchConfig(count: number): BenchConfig {
  const targets = Array.from({ length: count }, (_, i): BenchTarget => {
    const region = BENCH_REGIONS[i % BENCH_REGIONS.length];
    return {
      account: String(100000000000 + Math.floor(i / BENCH_REGIONS.length)),
      region,
      wave: BENCH_WAVE,
      role: { mode: region === BENCH_REGIONS[0] ? "create" : "observe" },
      instances: [{ id: `0a1b2c3d-4e5f-4a6b-8c7d-${i.toString(16).padStart(12, "0")}` }],
    };
  });
  return {
    defaults: {
      deployRoleArn: "arn:aws:iam::{account}:role/terraform-deploy",
      tags: { team: "contact-center", "managed-by": "connect-campaigns-iac" },
      backend: { type: "s3", bucket: "tfstate-central", region: "us-east-1" },
    },
    waves: [{ name: BENCH_WAVE, maxConcurrency: 20, failureTolerance: 5 }],
    targets,
  };
}
