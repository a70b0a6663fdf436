// unique-instances: an instance is listed once in its target (one onboarding, one cleanup hook).
import { configProblems } from "../../support/config-problems";
import { accepted, describeConfigRule, INSTANCE, target } from "../../support/config-rules";

const OTHER = "9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f";

describeConfigRule("unique-instances", () => {
  it("refuses an instance listed twice in one target, naming the earlier entry", () => {
    expect(configProblems({ targets: [target("111111111111", "us-east-1", { instances: [{ id: INSTANCE }, { id: INSTANCE }] })] })).toEqual([
      expect.stringContaining(`$.targets[0].instances[1].id: expected each instance once, but ${INSTANCE} is also instances[0]`),
    ]);
  });

  it("accepts two different instances in one target", () => {
    const config = { targets: [target("111111111111", "us-east-1", { instances: [{ id: INSTANCE }, { id: OTHER }] })] };
    expect(accepted(config).targets[0].instances.map((i) => i.id)).toEqual([INSTANCE, OTHER]);
  });
});
