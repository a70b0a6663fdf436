/**
 * Terraform's S3 backend (Terraform docs, "Backend Type: s3", Permissions Required): ListBucket
 * on the bucket, GetObject/PutObject on the state key, and with use_lockfile (S3-native locking)
 * GetObject/PutObject/DeleteObject on `<key>.tflock`. These belong to whoever reads the state:
 * the backend's roleArn, or else the pipeline principal itself — not the deploy role.
 */
import { resources, type StatementSpec } from "../document";
import { arn, type PolicyScope } from "../scope";

const TERRAFORM_DOCS = "Terraform docs, Backend Type: s3 > Permissions Required";
const NOT_EXERCISED = "the lifecycle tests use the local backend; the emulator's S3 is not exercised";

export function stateBackendStatements(scope: PolicyScope): StatementSpec[] {
  const p = scope.partition;
  const backends = scope.targets.flatMap((t) => (t.backend?.type === "s3" ? [t.backend] : []));
  if (backends.length === 0) return [];
  const locked = backends.filter((b) => b.useLockfile);
  const specs: StatementSpec[] = [
    {
      statement: {
        Sid: "ListStateBucket",
        Effect: "Allow",
        Action: ["s3:ListBucket"],
        Resource: resources(backends.map((b) => arn.s3Bucket(p, b.bucket))),
      },
      step: "state",
      source: TERRAFORM_DOCS,
      proof: { notEnforced: NOT_EXERCISED },
    },
    {
      statement: {
        Sid: "ReadWriteState",
        Effect: "Allow",
        Action: ["s3:GetObject", "s3:PutObject"],
        Resource: resources(backends.map((b) => arn.s3Object(p, b.bucket, b.key))),
      },
      step: "state",
      source: TERRAFORM_DOCS,
      proof: { notEnforced: NOT_EXERCISED },
    },
  ];
  if (locked.length > 0) {
    specs.push({
      statement: {
        Sid: "LockState",
        Effect: "Allow",
        Action: ["s3:DeleteObject", "s3:GetObject", "s3:PutObject"],
        Resource: resources(locked.map((b) => arn.s3Object(p, b.bucket, `${b.key}.tflock`))),
      },
      step: "state",
      source: `${TERRAFORM_DOCS} (use_lockfile)`,
      proof: { notEnforced: NOT_EXERCISED },
    });
  }
  return specs;
}
