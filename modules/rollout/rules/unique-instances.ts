import { repeatsOfFirst } from "./first-seen";
import { ConfigRule } from "./rule";

/** An instance listed twice would be onboarded, and cleaned up, twice. */
export const uniqueInstances: ConfigRule = {
  id: "unique-instances",
  check: ({ targets }) =>
    targets.flatMap((t) =>
      repeatsOfFirst(
        t.instances,
        (instance) => instance.id,
        ({ item: instance, index: i }, { index: earlier }) => ({
          path: `$.targets[${t.index}].instances[${i}].id`,
          message: `expected each instance once, but ${instance.id} is also instances[${earlier}]`,
        }),
      ),
    ),
};
