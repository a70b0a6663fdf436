import { ConfigRule } from "./rule";

/** One stack per (account, Region): a second target for the same pair would fight over the same role. */
export const uniqueTargets: ConfigRule = {
  id: "unique-targets",
  check: ({ targets }) => {
    const first = new Map<string, number>();
    return targets.flatMap((t) => {
      const earlier = first.get(t.stackId);
      if (earlier === undefined) {
        first.set(t.stackId, t.index);
        return [];
      }
      return [
        {
          path: `$.targets[${t.index}]`,
          message: `expected each (account, region) once, but ${t.account} ${t.region} is also $.targets[${earlier}]: merge their instances into one target`,
        },
      ];
    });
  },
};
