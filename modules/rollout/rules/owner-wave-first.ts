import { describeTarget, roleUses } from "../role-users";
import { settingPath } from "../resolve";
import { ConfigRule } from "./rule";

/**
 * A target that uses its account's role (an observer) deploys in the role owner's wave or a later
 * one: in an earlier wave its plan fails (the role does not exist yet), and destroying the waves
 * in reverse would delete the role while that target's instances still use it. Within one wave
 * the steps put the owner first (see `rolloutSteps`). A retired observer is exempt: it is being
 * removed, and removing it first is the safe order.
 */
export const ownerWaveFirst: ConfigRule = {
  id: "owner-wave-first",
  check: ({ config, targets }) => {
    if (!config.waves) return [];
    // A wave named twice is unique-waves' finding: its first declaration is where it runs.
    const order = new Map<string, number>();
    config.waves.forEach((w, i) => order.set(w.name, order.get(w.name) ?? i));
    return roleUses(targets).flatMap(({ owner, roleName, users }) => {
      const ownerWave = order.get(owner.wave);
      // A wave the config does not declare is target-wave's finding.
      if (ownerWave === undefined) return [];
      return users
        .filter((user) => !user.retired && (order.get(user.wave) ?? Infinity) < ownerWave)
        .map((user) => ({
          path: settingPath(config.targets[user.index], user.index, "wave"),
          message:
            `expected the wave of its role's owner ("${owner.wave}") or a later one: in account ${user.account}, ` +
            `${describeTarget(user)} in wave "${user.wave}" uses the role ${roleName} that ${describeTarget(owner)} in wave "${owner.wave}" creates or adopts ` +
            `(its plan would fail before the role exists, and a destroy in reverse order would delete the role first); move it to wave "${owner.wave}" or later`,
        }));
    });
  },
};
