import { kmsKeyRegionProblem } from "../../aws-values";
import { ConfigRule } from "./rule";

/** KMS keys are regional: onboarding fails with KMS_KEY_NOT_FOUND for a key in another Region. */
export const kmsKeyRegion: ConfigRule = {
  id: "kms-key-region",
  check: ({ targets }) =>
    targets.flatMap((t) =>
      t.instances.flatMap((instance, i) => {
        const problem = instance.kmsKeyArn ? kmsKeyRegionProblem(instance.kmsKeyArn, t.region) : undefined;
        return problem ? [{ path: `$.targets[${t.index}].instances[${i}].kmsKeyArn`, message: problem }] : [];
      }),
    ),
};
