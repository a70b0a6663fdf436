import type { ConfigProblem } from "../problems";
import { repeatsOfFirst } from "./first-seen";
import { ConfigRule } from "./rule";

/** Wave names are unique: the matrix and the workflow address waves by name. */
export const uniqueWaves: ConfigRule = {
  id: "unique-waves",
  check: ({ config }) =>
    repeatsOfFirst(
      config.waves ?? [],
      (wave) => wave.name,
      ({ item: wave, index: i }, { index: earlier }) => ({ path: `$.waves[${i}].name`, message: `expected unique wave names, but "${wave.name}" is also $.waves[${earlier}]` }),
    ),
};

/** When waves are declared, every target names one of them; otherwise no target names a wave. */
export const targetWave: ConfigRule = {
  id: "target-wave",
  check: ({ config }) => {
    const names = (config.waves ?? []).map((w) => w.name);
    const fromDefaults = config.defaults?.wave;
    const problems = config.targets.flatMap((target, i): ConfigProblem[] => {
      const wave = target.wave ?? fromDefaults;
      const path = target.wave !== undefined ? `$.targets[${i}].wave` : `$.defaults.wave`;
      if (!config.waves) {
        return wave === undefined ? [] : [{ path, message: `expected no wave: the config declares no "waves" (add "waves": [{"name": "${wave}"}])` }];
      }
      if (wave === undefined) {
        return [{ path: `$.targets[${i}]`, message: `expected a "wave" (one of ${names.map((n) => `"${n}"`).join(", ")}): waves are declared, so every target names its wave` }];
      }
      return names.includes(wave) ? [] : [{ path, message: `expected one of the declared waves (${names.map((n) => `"${n}"`).join(", ")}), got "${wave}"` }];
    });
    // A wrong defaults.wave is one mistake: reported once, not once per target inheriting it.
    const seen = new Set<string>();
    return problems.filter(({ path, message }) => !seen.has(`${path}\n${message}`) && Boolean(seen.add(`${path}\n${message}`)));
  },
};
