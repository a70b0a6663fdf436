import { ConfigRule } from "./rule";

/**
 * Two targets must never share a state object: the second apply would overwrite the first
 * stack's state (e.g. a key template without {region} for an account in two Regions).
 */
export const uniqueState: ConfigRule = {
  id: "unique-state",
  check: ({ targets }) => {
    const owner = new Map<string, number>();
    return targets.flatMap((t) => {
      if (t.backend.type !== "s3") return [];
      const object = `s3://${t.backend.bucket}/${t.backend.key}`;
      const earlier = owner.get(object);
      if (earlier === undefined) {
        owner.set(object, t.index);
        return [];
      }
      return [
        {
          path: `$.targets[${t.index}].backend`,
          message: `expected a state object of its own, but ${object} is also the state of $.targets[${earlier}]: put {account} and {region} in the backend key template`,
        },
      ];
    });
  },
};
