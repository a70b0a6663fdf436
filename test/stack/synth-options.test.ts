import { SynthUsageError, synthOptionsFrom } from "../../modules/stack";

describe("synthOptionsFrom", () => {
  it("reads --config, repeated or comma-separated --stack, and --wave", () => {
    expect(synthOptionsFrom(["--config", "r.json", "--stack", "a,b", "--stack", " c ", "--wave", "canary"], {})).toEqual({
      configFile: "r.json",
      selection: { stacks: ["a", "b", "c"], wave: "canary" },
    });
  });

  it("falls back to the environment, which `npx cdktf synth` can pass", () => {
    expect(synthOptionsFrom([], { ROLLOUT_CONFIG: "r.json", CAMPAIGNS_STACKS: "a, b", CAMPAIGNS_WAVE: "canary" })).toEqual({
      configFile: "r.json",
      selection: { stacks: ["a", "b"], wave: "canary" },
    });
  });

  it("lets a flag win over its variable, and treats empty values as unset", () => {
    expect(synthOptionsFrom(["--stack", "x"], { CAMPAIGNS_STACKS: "a", ROLLOUT_CONFIG: "", CAMPAIGNS_WAVE: "" })).toEqual({
      configFile: undefined,
      selection: { stacks: ["x"], wave: undefined },
    });
  });

  it("reads --output, the directory plan-review synthesizes a base into", () => {
    expect(synthOptionsFrom(["--output", "base/cdktf.out"], {}).outdir).toBe("base/cdktf.out");
    expect(synthOptionsFrom([], {}).outdir).toBeUndefined();
  });

  it("refuses an unknown option or a stray argument with the usage", () => {
    expect(() => synthOptionsFrom(["--stacks", "a"], {})).toThrow(SynthUsageError);
    expect(() => synthOptionsFrom(["a"], {})).toThrow(/usage: npm run synth -- \[--config <file>\]/);
  });
});
