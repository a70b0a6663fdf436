import { strictTiers } from "./tiers";

describe("test tiers are strict under any CI", () => {
  it.each(["true", "1", "yes", "TRUE", "false", " "])("CI=%j: a tier whose tools are missing fails", (value) => {
    expect(strictTiers({ CI: value })).toBe(true);
  });

  it("no CI, or an empty one: a tier whose tools are missing is skipped with its reason", () => {
    expect(strictTiers({})).toBe(false);
    expect(strictTiers({ CI: "" })).toBe(false);
  });
});
