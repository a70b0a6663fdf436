// kms-key-region: an instance's KMS key is in its target's Region (KMS keys are regional).
import { configProblems } from "../../support/config-problems";
import { accepted, describeConfigRule, INSTANCE, target } from "../../support/config-rules";

describeConfigRule("kms-key-region", () => {
  it("refuses a KMS key of another Region than its target", () => {
    const config = { targets: [target("111111111111", "us-east-1", { instances: [{ id: INSTANCE, kmsKeyArn: "arn:aws:kms:eu-west-2:111111111111:key/abcd-1234" }] })] };
    expect(configProblems(config)).toEqual([
      expect.stringContaining("$.targets[0].instances[0].kmsKeyArn: expected a KMS key in the target's Region us-east-1 (keys are regional), got a key in eu-west-2"),
    ]);
  });

  it("accepts a key of the target's Region", () => {
    const kmsKeyArn = "arn:aws:kms:us-east-1:111111111111:key/abcd-1234";
    const config = { targets: [target("111111111111", "us-east-1", { instances: [{ id: INSTANCE, kmsKeyArn }] })] };
    expect(accepted(config).targets[0].instances[0]).toMatchObject({ id: INSTANCE, kmsKeyArn });
  });
});
