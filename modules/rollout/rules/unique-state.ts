import { repeatsOfFirst } from "./first-seen";
import { ConfigRule } from "./rule";

/**
 * Two targets must never share a state object: the second apply would overwrite the first
 * stack's state (e.g. a key template without {region} for an account in two Regions).
 */
export const uniqueState: ConfigRule = {
  id: "unique-state",
  check: ({ targets }) =>
    repeatsOfFirst(
      targets,
      (t) => (t.backend.type === "s3" ? `s3://${t.backend.bucket}/${t.backend.key}` : undefined),
      ({ item: t }, { item: earlier }, object) => ({
        path: `$.targets[${t.index}].backend`,
        message: `expected a state object of its own, but ${object} is also the state of $.targets[${earlier.index}]: put {account} and {region} in the backend key template`,
      }),
    ),
};
