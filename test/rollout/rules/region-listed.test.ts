// region-listed: a target's Region must be one where outbound campaigns is available, unless the
// target (or the defaults) set allowUnlistedRegion. The Region table itself: ../regions.test.ts.
import { configProblems } from "../../support/config-problems";
import { accepted, describeConfigRule, target } from "../../support/config-rules";

describeConfigRule("region-listed", () => {
  it("refuses a Region outside the table, listing the table and naming the nearest listed one", () => {
    expect(configProblems({ targets: [target("111111111111", "us-east-2")] })).toEqual([
      expect.stringContaining('$.targets[0].region: expected a Region where outbound campaigns is available (af-south-1, ap-northeast-1, ap-northeast-2, ap-southeast-1, ap-southeast-2, ca-central-1, eu-central-1, eu-west-2, us-east-1, us-west-2), got "us-east-2" — did you mean "us-east-1"? Set "allowUnlistedRegion": true on the target if AWS has added it.'),
    ]);
    expect(configProblems({ targets: [target("111111111111", "ca-central-2")] })).toEqual([expect.stringContaining('got "ca-central-2" — did you mean "ca-central-1"?')]);
  });

  it("accepts an unlisted Region when the target opts in", () => {
    expect(accepted({ targets: [target("111111111111", "eu-west-1", { allowUnlistedRegion: true })] }).targets[0].region).toBe("eu-west-1");
  });

  it("accepts it with allowUnlistedRegion from the defaults", () => {
    const fromDefaults = { defaults: { allowUnlistedRegion: true }, targets: [target("111111111111", "eu-west-1")] };
    expect(accepted(fromDefaults).targets[0]).toMatchObject({ region: "eu-west-1", allowUnlistedRegion: true });
  });
});
