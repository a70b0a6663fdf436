import { ConfigRule } from "./rule";

/** An instance listed twice would be onboarded, and cleaned up, twice. */
export const uniqueInstances: ConfigRule = {
  id: "unique-instances",
  check: ({ targets }) =>
    targets.flatMap((t) => {
      const seen = new Map<string, number>();
      return t.instances.flatMap((instance, i) => {
        const earlier = seen.get(instance.id);
        seen.set(instance.id, earlier ?? i);
        return earlier === undefined
          ? []
          : [{ path: `$.targets[${t.index}].instances[${i}].id`, message: `expected each instance once, but ${instance.id} is also instances[${earlier}]` }];
      });
    }),
};
