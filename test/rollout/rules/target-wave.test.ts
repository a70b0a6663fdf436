// target-wave: with waves declared, every target names one of them (its own "wave" or the
// defaults'); without waves, none does.
import { configProblems } from "../../support/config-problems";
import { accepted, describeConfigRule, target } from "../../support/config-rules";
import { TWO_WAVES, WAVES } from "../../support/wave-configs";

describeConfigRule("target-wave", () => {
  it.each<[string, unknown, string[]]>([
    ["a target names an unknown wave", { ...TWO_WAVES, targets: [target("111111111111", "us-east-1", { wave: "canry" })] }, ['$.targets[0].wave: expected one of the declared waves ("canary", "broad"), got "canry"']],
    ["the defaults name an unknown wave", { ...TWO_WAVES, defaults: { wave: "all" } }, ['$.defaults.wave: expected one of the declared waves ("canary", "broad"), got "all"']],
    [
      "a target in no wave while waves are declared",
      { waves: WAVES, targets: [target("111111111111", "us-east-1", { wave: "canary" }), target("222222222222", "eu-west-2")] },
      ['$.targets[1]: expected a "wave" (one of "canary", "broad"): waves are declared, so every target names its wave'],
    ],
    ["a wave while none are declared", { targets: [target("111111111111", "us-east-1", { wave: "canary" })] }, ['$.targets[0].wave: expected no wave: the config declares no "waves" (add "waves": [{"name": "canary"}])']],
  ])("refuses %s, naming the file, the JSON path and what was expected", (_, config, expected) => {
    expect(configProblems(config)).toEqual(expected);
  });

  it("accepts each target in a declared wave, its own or the defaults'", () => {
    expect(accepted(TWO_WAVES).targets.map((t) => t.wave)).toEqual(["canary", "broad", "broad"]);
  });

  it("accepts no waves at all: every target is in the one wave \"default\"", () => {
    expect(accepted({ targets: [target("111111111111", "us-east-1")] }).targets[0].wave).toBe("default");
  });
});
