import { SelectionError } from "./problems";
import type { ResolvedRollout, ResolvedWave } from "./resolved";
import { ownsRole, roleUses } from "./role-users";

/** Which way a rollout runs: `deploy` (plan/apply) or `destroy` (tear the stacks down). */
export type RolloutDirection = "deploy" | "destroy";

/**
 * Separates a wave's name from its part in a step's name. Wave names are letters, digits, `.`,
 * `_` and `-` (the config schema), so a step name never collides with a wave's; `#` is allowed in
 * GitHub Actions job and artifact names.
 */
export const STEP_SEPARATOR = "#";

/** The parts a wave splits into when it holds a role owner and a target that uses its role. */
export const STEP_PARTS = ["owners", "observers"] as const;
export type StepPart = (typeof STEP_PARTS)[number];

/**
 * One step of a rollout: a whole wave, or one part of it. A part names the same stacks whichever
 * way the rollout runs; only the order of the parts changes.
 */
export interface RolloutStep extends ResolvedWave {
  /** `<wave>`, or `<wave>#owners` / `<wave>#observers` for a wave split in two. */
  readonly name: string;
  /** The wave the step belongs to; its `maxConcurrency` and `failureTolerance` are the wave's. */
  readonly wave: string;
  /** Undefined for a whole wave. */
  readonly part?: StepPart;
}

/**
 * The rollout's steps in the order they run. A role is global to its account: its owner (the
 * target that creates or adopts it) must exist before the account's other targets deploy, and go
 * after them when they are destroyed. Waves already put an owner in an earlier wave than (or the
 * same wave as) its observers (the config rule owner-wave-first); a wave that holds both is split
 * into `<wave>#owners` (every role owner of the wave) and `<wave>#observers` (the wave's other
 * targets). Deploying runs the waves in order, owners before observers; destroying runs the waves
 * in reverse, observers before owners. A wave with nothing to order stays one step under its own
 * name.
 */
export function rolloutSteps(rollout: ResolvedRollout, direction: RolloutDirection = "deploy"): RolloutStep[] {
  const byStack = new Map(rollout.targets.map((t) => [t.stackId, t]));
  // The waves that hold an owner together with a target that uses its role.
  const toSplit = new Set(roleUses(rollout.targets).flatMap(({ owner, users }) => (users.some((u) => u.wave === owner.wave) ? [owner.wave] : [])));
  const deployOrder = rollout.waves.flatMap((wave): RolloutStep[] => {
    if (!toSplit.has(wave.name)) return [{ ...wave, wave: wave.name }];
    const targets = wave.stackIds.map((id) => byStack.get(id)!);
    const owners = targets.filter(ownsRole);
    const part = (name: StepPart, stackIds: string[]): RolloutStep => ({ ...wave, name: `${wave.name}${STEP_SEPARATOR}${name}`, wave: wave.name, part: name, stackIds });
    return [part("owners", owners.map((t) => t.stackId)), part("observers", targets.filter((t) => !ownsRole(t)).map((t) => t.stackId))];
  });
  return direction === "deploy" ? deployOrder : deployOrder.reverse();
}

/**
 * The step named `name` (a whole wave's name, or `<wave>#owners` / `<wave>#observers`). Throws
 * naming the config and the steps there are, in the order they run, when it has none — and when
 * `name` is a wave split in two, whose stacks would otherwise deploy without their order.
 */
export function findStep(rollout: ResolvedRollout, name: string, direction: RolloutDirection = "deploy"): RolloutStep {
  const steps = rolloutSteps(rollout, direction);
  const step = steps.find((s) => s.name === name);
  if (step) return step;
  const list = (of: readonly RolloutStep[]) => of.map((s) => `"${s.name}"`).join(", ");
  const parts = steps.filter((s) => s.part !== undefined && s.wave === name);
  if (parts.length > 0) {
    throw new SelectionError(
      `${rollout.file}: wave "${name}" holds a role owner and targets that use its role, so it runs in ${parts.length} steps, in this order${direction === "destroy" ? " (destroy)" : ""}: ${list(parts)}; name one of them`,
    );
  }
  throw new SelectionError(`${rollout.file}: no wave "${name}"; expected one of ${list(steps)}`);
}

/** One line of `waves --json`: a step, in the order the rollout runs it. */
export interface StepPlanEntry {
  /** 1 for the step that runs first. */
  readonly order: number;
  /** The step's name: what `matrix --wave` and `gate --wave` take. */
  readonly wave: string;
  readonly targets: number;
  readonly maxConcurrency: number;
  readonly failureTolerance: number;
  readonly stacks: readonly string[];
}

/** The rollout's steps, numbered in the order they run (`waves`). */
export function stepPlan(rollout: ResolvedRollout, direction: RolloutDirection = "deploy"): StepPlanEntry[] {
  return rolloutSteps(rollout, direction).map((step, i) => ({
    order: i + 1,
    wave: step.name,
    targets: step.stackIds.length,
    maxConcurrency: step.maxConcurrency,
    failureTolerance: step.failureTolerance,
    stacks: step.stackIds,
  }));
}
