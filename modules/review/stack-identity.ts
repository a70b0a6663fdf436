// The stack id helpers only: resolved.ts has no dependencies, so the review stays light.
import { parseStackId, stackIdFor } from "../rollout/resolved";
import type { PlanDocument } from "./plan-json";
import { knownAt } from "./values";

export interface StackIdentity {
  readonly stack: string;
  readonly account: string | null;
  readonly region: string | null;
}

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

/**
 * Which stack a plan belongs to. Plans carry no cdktf metadata, so: the directory name when it is
 * a stack id; else the hook resources' input (stack, account, region); else the AWS provider's
 * constant `region` and `allowed_account_ids`; else the name of the source.
 */
export function stackIdentity(plan: PlanDocument, dirName: string, fallbackName: string): StackIdentity {
  const fromDir = parseStackId(dirName);
  if (fromDir) return { stack: dirName, ...fromDir };
  const input = hookInput(plan);
  const provider = plan.configuration?.provider_config?.aws?.expressions;
  const accounts = provider?.allowed_account_ids?.constant_value;
  const account = text(input?.account) ?? (Array.isArray(accounts) && accounts.length === 1 ? text(accounts[0]) : null);
  const region = text(input?.region) ?? text(provider?.region?.constant_value);
  const stack = text(input?.stack) ?? (account && region ? stackIdFor(account, region) : fallbackName);
  return { stack, account, region };
}

/** stack, account and region from the first terraform_data input that carries them (sensitive parts stay hidden). */
function hookInput(plan: PlanDocument): Partial<Record<keyof StackIdentity, unknown>> | undefined {
  for (const resource of plan.resource_changes ?? []) {
    if (resource.type !== "terraform_data") continue;
    for (const side of ["before", "after"] as const) {
      const field = (key: keyof StackIdentity) => knownAt(resource.change, side, ["input", key]);
      if (text(field("stack"))) return { stack: field("stack"), account: field("account"), region: field("region") };
    }
  }
  return undefined;
}

/**
 * Why the plan in the folder of stack `dirName` is not that stack's, or undefined when nothing in
 * it says otherwise: a hook input's stack, account or Region, the AWS provider's constant Region
 * or `allowed_account_ids` naming another target (a plan copied between stack folders). Only
 * checked for a folder named as a stack id.
 */
export function foreignPlanProblem(plan: PlanDocument, dirName: string): string | undefined {
  const expected = parseStackId(dirName);
  if (!expected) return undefined;
  const clues: string[] = [];
  for (const resource of plan.resource_changes ?? []) {
    if (resource.type !== "terraform_data") continue;
    for (const side of ["before", "after"] as const) {
      const field = (key: keyof StackIdentity) => text(knownAt(resource.change, side, ["input", key]));
      const [stack, account, region] = [field("stack"), field("account"), field("region")];
      if (stack && stack !== dirName) clues.push(`${resource.address} input.stack ${stack}`);
      else if (account && account !== expected.account) clues.push(`${resource.address} input.account ${account}`);
      else if (region && region !== expected.region) clues.push(`${resource.address} input.region ${region}`);
    }
  }
  const provider = plan.configuration?.provider_config?.aws?.expressions;
  const region = text(provider?.region?.constant_value);
  if (region && region !== expected.region) clues.push(`the AWS provider's region ${region}`);
  const accounts = provider?.allowed_account_ids?.constant_value;
  if (Array.isArray(accounts) && accounts.length > 0 && !accounts.includes(expected.account)) clues.push(`the AWS provider's allowed_account_ids ${accounts.join(", ")}`);
  if (clues.length === 0) return undefined;
  const owner = stackIdentity(plan, "", dirName).stack;
  const whose = owner !== dirName ? `the plan of stack ${owner}` : "another stack's plan";
  return `the folder of stack ${dirName} holds ${whose} (${[...new Set(clues)].slice(0, 3).join("; ")}): a plan copied or left from another stack; plan this stack again before reviewing`;
}
