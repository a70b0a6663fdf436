import { findWave } from "./matrix";
import { SelectionError } from "./problems";
import { nearest } from "./suggest";
import type { ResolvedRollout, ResolvedTarget } from "./resolved";

/** Which targets to work on: all, or only some stacks / one wave (a pipeline job's own). */
export interface StackSelection {
  /** Stack ids (`campaigns-<account>-<region>`). @default - every stack */
  readonly stacks?: readonly string[];
  /** A wave name. @default - every wave */
  readonly wave?: string;
}

/**
 * The targets a selection names. Throws when it names a stack or wave the config does not have,
 * so a typo in a pipeline never selects nothing and passes.
 */
export function selectTargets(rollout: ResolvedRollout, selection: StackSelection = {}): ResolvedTarget[] {
  const { stacks, wave } = selection;
  if (wave !== undefined) findWave(rollout, wave);
  const known = new Set(rollout.targets.map((t) => t.stackId));
  const unknown = (stacks ?? []).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    // A typo in a region or account is one or two edits away: name the stack meant, then the ones there are.
    const guess = unknown.length === 1 ? nearest(unknown[0], known, 3) : undefined;
    const ids = [...known];
    const listed = ids.slice(0, 5).map((id) => `"${id}"`).join(", ") + (ids.length > 5 ? `, … (${ids.length - 5} more: see \`waves\`)` : "");
    throw new SelectionError(
      `${rollout.file}: no stack ${unknown.map((id) => `"${id}"`).join(", ")}${guess ? `; did you mean "${guess}"?` : ""}; expected one of ${listed}`,
    );
  }
  const wanted = stacks && stacks.length > 0 ? new Set(stacks) : undefined;
  return rollout.targets.filter((t) => (!wanted || wanted.has(t.stackId)) && (wave === undefined || t.wave === wave));
}
