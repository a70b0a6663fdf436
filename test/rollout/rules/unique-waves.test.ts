// unique-waves: wave names are unique, since targets and `waves --wave` name waves by name.
import { configProblems } from "../../support/config-problems";
import { accepted, describeConfigRule } from "../../support/config-rules";
import { TWO_WAVES, WAVES } from "../../support/wave-configs";

describeConfigRule("unique-waves", () => {
  it("refuses a wave name declared twice, naming the first", () => {
    expect(configProblems({ ...TWO_WAVES, waves: [...WAVES, { name: "canary" }] })).toEqual(['$.waves[2].name: expected unique wave names, but "canary" is also $.waves[0]']);
  });

  it("accepts distinct names, in declared order", () => {
    expect(accepted(TWO_WAVES).waves.map((w) => w.name)).toEqual(["canary", "broad"]);
  });
});
