import { repeatsOfFirst } from "./first-seen";
import { ConfigRule } from "./rule";

/** One stack per (account, Region): a second target for the same pair would fight over the same role. */
export const uniqueTargets: ConfigRule = {
  id: "unique-targets",
  check: ({ targets }) =>
    repeatsOfFirst(
      targets,
      (t) => t.stackId,
      ({ item: t }, { item: earlier }) => ({
        path: `$.targets[${t.index}]`,
        message: `expected each (account, region) once, but ${t.account} ${t.region} is also $.targets[${earlier.index}]: merge their instances into one target`,
      }),
    ),
};
