import { KMS_KEY_ARN } from "../schema";
import { ConfigRule } from "./rule";

/** KMS keys are regional: onboarding fails with KMS_KEY_NOT_FOUND for a key in another Region. */
export const kmsKeyRegion: ConfigRule = {
  id: "kms-key-region",
  check: ({ targets }) =>
    targets.flatMap((t) =>
      t.instances.flatMap((instance, i) => {
        const keyRegion = instance.kmsKeyArn ? KMS_KEY_ARN.exec(instance.kmsKeyArn)?.[2] : undefined;
        return keyRegion === undefined || keyRegion === t.region
          ? []
          : [
              {
                path: `$.targets[${t.index}].instances[${i}].kmsKeyArn`,
                message: `expected a KMS key in the target's Region ${t.region} (keys are regional), got a key in ${keyRegion}`,
              },
            ];
      }),
    ),
};
