// unique-targets: each (account, Region) is one target, so one stack and one state per pair.
import { configProblems } from "../../support/config-problems";
import { accepted, describeConfigRule, INSTANCE, target } from "../../support/config-rules";

describeConfigRule("unique-targets", () => {
  it("refuses the same account and Region twice, pointing at the first and saying to merge", () => {
    expect(configProblems({ targets: [target("111111111111", "us-east-1"), target("111111111111", "us-east-1", { instances: [] })] })).toEqual([
      expect.stringContaining("$.targets[1]: expected each (account, region) once, but 111111111111 us-east-1 is also $.targets[0]: merge their instances into one target"),
    ]);
  });

  it("accepts one account in two Regions (the second observing the role) and two accounts in one Region", () => {
    const config = {
      targets: [
        target("111111111111", "us-east-1"),
        target("111111111111", "us-west-2", { role: { mode: "observe" }, instances: [{ id: INSTANCE.replace("0a", "1b") }] }),
        target("222222222222", "us-east-1"),
      ],
    };
    expect(accepted(config).targets.map((t) => t.stackId)).toEqual([
      "campaigns-111111111111-us-east-1",
      "campaigns-111111111111-us-west-2",
      "campaigns-222222222222-us-east-1",
    ]);
  });
});
