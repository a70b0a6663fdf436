import type { CleanupHookInput, HookKind, OnboardingHookInput } from "../../hooks/contract";
import { CAMPAIGNS_SERVICE_PRINCIPAL } from "../../role/names";
import { removesObject } from "../change-kind";
import { knownAt, shownAt, type Side } from "../values";
import type { RuleSubject } from "./rule";

/**
 * What the rules recognise: the campaigns role and the hook resources, read from the plan's
 * values (never from addresses, which cdktf makes up).
 */

/** The resource types the rules read: the campaigns role, and `terraform_data` (the hooks, the KMS key pin). */
export const CAMPAIGNS_ROLE_TYPE = "aws_iam_service_linked_role";
export const HOOK_RESOURCE_TYPE = "terraform_data";
export const RULE_RESOURCE_TYPES: ReadonlySet<string> = new Set([CAMPAIGNS_ROLE_TYPE, HOOK_RESOURCE_TYPE]);

/** The side that holds the object the change acts on: the old one when it goes away, else the new one. */
const objectSide = ({ kind }: RuleSubject): Side => (kind === "delete" || kind === "replace" ? "before" : "after");

export function isCampaignsRole(subject: RuleSubject): boolean {
  if (subject.resource.mode !== "managed" || subject.resource.type !== CAMPAIGNS_ROLE_TYPE) return false;
  const name = (side: Side) => knownAt(subject.resource.change, side, ["aws_service_name"]);
  return name("before") === CAMPAIGNS_SERVICE_PRINCIPAL || name("after") === CAMPAIGNS_SERVICE_PRINCIPAL;
}

/** A hook resource's stored settings, as far as the plan shows them (sensitive parts stay hidden). */
export interface HookView {
  /** The Connect instance id, or a placeholder when the plan hides it. */
  readonly instance: string;
  /** `allow_campaign_deletion`, or undefined when the plan hides it. */
  readonly allowCampaignDeletion: boolean | undefined;
}

/**
 * A resource dropped from the configuration without a `removed` block: Terraform destroys it
 * without running its destroy-time provisioners (the hooks).
 */
export function removedWithoutHooks(subject: RuleSubject): boolean {
  return (
    subject.kind === "delete" &&
    subject.resource.action_reason === "delete_because_no_resource_config" &&
    !(subject.retired?.has(subject.resource.address) ?? false)
  );
}

/**
 * The hook `terraform_data` of this kind whose hook will run, or undefined. For a destroy or
 * replace it reads the stored input: the one the destroy-time hook runs with. A hook dropped from
 * the configuration does not run: see {@link storedHookOf} and `removedWithoutHooks`.
 */
export function hookOf(subject: RuleSubject, kind: HookKind): HookView | undefined {
  return removedWithoutHooks(subject) ? undefined : storedHookOf(subject, kind);
}

/** The hook `terraform_data` of this kind, whether or not its hook will run. */
export function storedHookOf(subject: RuleSubject, kind: HookKind, side: Side = objectSide(subject)): HookView | undefined {
  if (subject.resource.type !== HOOK_RESOURCE_TYPE) return undefined;
  const input = (key: keyof OnboardingHookInput | keyof CleanupHookInput) => knownAt(subject.resource.change, side, ["input", key]);
  if (input("kind") !== kind) return undefined;
  const instance = input("instance_id");
  const allow = input("allow_campaign_deletion");
  return { instance: typeof instance === "string" ? instance : "(instance hidden)", allowCampaignDeletion: typeof allow === "boolean" ? allow : undefined };
}

/** The hook `terraform_data` of this kind on one side of an update (the settings before, or after). */
export function hookAt(subject: RuleSubject, kind: HookKind, side: Side): HookView | undefined {
  return subject.kind === "update" && !removedWithoutHooks(subject) ? storedHookOf(subject, kind, side) : undefined;
}

/**
 * A `terraform_data` going away whose `kind` the review cannot read — its whole stored `input`
 * (or `input.kind`) sensitive: its destroy hook, if it is one, may delete campaigns or offboard
 * an instance.
 */
export function unreadableHook(subject: RuleSubject): boolean {
  if (subject.resource.mode !== "managed" || subject.resource.type !== HOOK_RESOURCE_TYPE || removedWithoutHooks(subject)) return false;
  return removesObject(subject.kind) && shownAt(subject.resource.change, "before", ["input", "kind"]).state !== "known";
}
