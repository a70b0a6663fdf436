import { Construct } from "constructs";
import { Lazy, TerraformStack } from "cdktf";
import { requireTerraformVersion } from "./required-version";

/** Terraform runs destroy-time provisioners declared in `removed` blocks from 1.9 on. */
export const REMOVED_PROVISIONER_TERRAFORM_VERSION = "1.9.0";

/** A destroy-time `local-exec` of a `removed` block: it may reference only `self` (the object in state). */
export interface RemovedLocalExec {
  readonly command: string;
  readonly environment?: Readonly<Record<string, string>>;
}

/** A Terraform `removed` block that destroys what state holds at `from`. */
export interface RemovedBlock {
  /** The address in state, e.g. `terraform_data.onboarding-1234_onboarding_ABCD1234`. */
  readonly from: string;
  /** Run before the object is destroyed, in order, as a resource's destroy-time provisioners would. */
  readonly destroyProvisioners?: readonly RemovedLocalExec[];
}

const removedByStack = new WeakMap<TerraformStack, RemovedBlock[]>();

/**
 * The logical id a resource created at `path` (construct ids below `scope`) would have: cdktf's
 * logical id is a function of the construct ids from the stack down alone. Computed on a detached
 * copy of those ids (its root is cdktf's hidden id "Default"), so the stack's tree is not touched
 * and a construct may later take any of these ids.
 */
export function logicalIdAt(scope: Construct, path: readonly string[]): string {
  const stack = TerraformStack.of(scope);
  const fromStack = scope.node.scopes.slice(scope.node.scopes.indexOf(stack) + 1).map((c) => c.node.id);
  const root = new Construct(undefined as unknown as Construct, "Default");
  const node = [...fromStack, ...path].reduce<Construct>((parent, id) => new Construct(parent, id), root);
  return stack.getLogicalId(node.node);
}

/**
 * The address a resource of `type` created at `path` (construct ids below `scope`) would have.
 * Lets a `removed` block name a resource the configuration no longer creates, at the very address
 * an earlier apply stored.
 */
export function addressAt(scope: Construct, type: string, path: readonly string[]): string {
  return `${type}.${logicalIdAt(scope, path)}`;
}

/**
 * Adds a Terraform `removed` block (`lifecycle { destroy = true }`) with destroy-time
 * `local-exec` provisioners. Terraform skips the destroy provisioners of a resource that is
 * simply dropped from the configuration; in a `removed` block (Terraform >= 1.9, which this
 * raises the stack's `required_version` to) they run with `self` = the object in state. A block
 * whose address is not in state is a no-op. cdktf 0.21 has no API for `removed`: rendered as an
 * override, like the import blocks.
 */
export function addRemovedBlock(scope: Construct, block: RemovedBlock): void {
  const stack = TerraformStack.of(scope);
  let blocks = removedByStack.get(stack);
  if (!blocks) {
    const list: RemovedBlock[] = [];
    blocks = list;
    removedByStack.set(stack, list);
    requireTerraformVersion(stack, REMOVED_PROVISIONER_TERRAFORM_VERSION);
    stack.addOverride("removed", Lazy.anyValue({ produce: () => list.map(renderRemoved) }));
  }
  blocks.push(block);
}

function renderRemoved(block: RemovedBlock): Record<string, unknown> {
  const provisioners = (block.destroyProvisioners ?? []).map((p) => ({
    "local-exec": { when: "destroy", command: p.command, ...(p.environment ? { environment: { ...p.environment } } : {}) },
  }));
  return { from: block.from, lifecycle: { destroy: true }, ...(provisioners.length > 0 ? { provisioner: provisioners } : {}) };
}

/** The addresses the stack's `removed` blocks destroy, in the order they were added. */
export function removedAddresses(stack: TerraformStack): readonly string[] {
  return (removedByStack.get(stack) ?? []).map((b) => b.from);
}
