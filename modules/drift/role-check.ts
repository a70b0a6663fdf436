/**
 * The campaigns role of an account, as IAM has it now: every role under the service's path
 * (`ListRoles` with the path prefix, what the stacks' `data.aws_iam_roles` reads), and which of
 * them the target creates, adopts or observes.
 *
 * Roles are account-wide: the listing is made once per account (check.ts shares it among the
 * account's targets), the verdict once per target (each names its own role).
 */
import { type IAMClient, ListRolesCommand } from "@aws-sdk/client-iam";
import { campaignsRoleName, CAMPAIGNS_ROLE_PATH, CAMPAIGNS_SERVICE_PRINCIPAL } from "../role/names";
import type { ResolvedTarget } from "../rollout/resolved";
import { awsCall, type Scope } from "../hooks/runtime/errors";

/** One campaigns role of the account. */
export interface CampaignsRole {
  readonly arn: string;
  readonly name: string;
  /** The principals its trust policy allows to assume it (`Service:x`, `AWS:arn`, …). */
  readonly trusted: readonly string[];
}

/** Every role under `/aws-service-role/connect-campaigns.amazonaws.com/`, all pages. */
export async function listCampaignsRoles(iam: IAMClient, scope: Scope): Promise<CampaignsRole[]> {
  const roles: CampaignsRole[] = [];
  let marker: string | undefined;
  do {
    const page = await awsCall(scope, "IAM ListRoles", () => iam.send(new ListRolesCommand({ PathPrefix: CAMPAIGNS_ROLE_PATH, Marker: marker })));
    for (const role of page.Roles ?? []) {
      // A path prefix also matches deeper paths; the service's roles sit exactly there.
      if (role.Path !== CAMPAIGNS_ROLE_PATH || !role.Arn || !role.RoleName) continue;
      roles.push({ arn: role.Arn, name: role.RoleName, trusted: trustedPrincipals(role.AssumeRolePolicyDocument) });
    }
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return roles;
}

interface TrustStatement {
  readonly Effect?: string;
  readonly Principal?: string | Readonly<Record<string, string | readonly string[]>>;
}

/**
 * The principals the Allow statements of a trust policy name. IAM returns the document
 * URL-encoded (RFC 3986); an unreadable one trusts "unknown" (never only the service).
 */
export function trustedPrincipals(document: string | undefined): string[] {
  if (!document) return [];
  let statements: TrustStatement[];
  try {
    const parsed = JSON.parse(decodeURIComponent(document)) as { Statement?: TrustStatement | TrustStatement[] };
    statements = Array.isArray(parsed.Statement) ? parsed.Statement : parsed.Statement ? [parsed.Statement] : [];
  } catch {
    return ["unknown (unreadable trust policy)"];
  }
  const principals = new Set<string>();
  for (const statement of statements) {
    if (statement.Effect !== "Allow") continue;
    const principal = statement.Principal;
    if (typeof principal === "string") principals.add(principal);
    else for (const [type, value] of Object.entries(principal ?? {})) for (const v of [value].flat()) principals.add(`${type}:${v}`);
  }
  return [...principals].sort();
}

const ONLY_THE_SERVICE = `Service:${CAMPAIGNS_SERVICE_PRINCIPAL}`;

/** Trusts `connect-campaigns.amazonaws.com` and nothing else. */
export const trustsOnlyTheService = (role: CampaignsRole): boolean => role.trusted.length === 1 && role.trusted[0] === ONLY_THE_SERVICE;

/** What the target's role config says to look for, in words (for messages) and as a test. */
export interface ExpectedRole {
  readonly description: string;
  readonly matches: (role: CampaignsRole) => boolean;
  /** An observe-mode lookup: the account must have exactly one campaigns role. */
  readonly lookup: boolean;
}

export function expectedRole(target: Pick<ResolvedTarget, "role">): ExpectedRole {
  const role = target.role;
  switch (role.mode) {
    case "create": {
      const name = campaignsRoleName(role.customSuffix);
      return { description: `the role ${name} the stack creates`, matches: (r) => r.name === name, lookup: false };
    }
    case "adopt":
      return { description: `the adopted role ${role.arn}`, matches: (r) => r.arn === role.arn, lookup: false };
    case "observe":
      return role.arn === undefined
        ? { description: "the account's one campaigns role the stack observes", matches: () => true, lookup: true }
        : { description: `the observed role ${role.arn}`, matches: (r) => r.arn === role.arn, lookup: false };
  }
}

/** The verdict on one target's role: nothing wrong, or the kind and what is wrong. */
export type RoleVerdict =
  | { readonly ok: true; readonly role: CampaignsRole }
  | { readonly ok: false; readonly kind: "role-missing" | "role-mismatch"; readonly message: string };

export function checkRole(expected: ExpectedRole, roles: readonly CampaignsRole[], account: string): RoleVerdict {
  const found = roles.filter(expected.matches);
  const listed = roles.length === 0 ? "no campaigns role" : `campaigns roles ${roles.map((r) => r.name).join(", ")}`;
  if (found.length === 0) {
    return { ok: false, kind: "role-missing", message: `${expected.description} does not exist in account ${account} (IAM has ${listed} under ${CAMPAIGNS_ROLE_PATH})` };
  }
  if (expected.lookup && found.length > 1) {
    return { ok: false, kind: "role-mismatch", message: `${expected.description}: account ${account} has ${found.length} (${listed}); the stack's lookup needs exactly one` };
  }
  const role = found[0];
  if (!trustsOnlyTheService(role)) {
    return {
      ok: false,
      kind: "role-mismatch",
      message: `${role.arn} trusts ${role.trusted.join(", ") || "nobody"}, not only ${CAMPAIGNS_SERVICE_PRINCIPAL}: it is not the service-linked role AWS makes`,
    };
  }
  return { ok: true, role };
}
