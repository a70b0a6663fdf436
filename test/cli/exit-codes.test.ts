import { ExitCode as CliExitCode } from "../../modules/cli/exit-codes";
import { ExitCode, HookExit } from "../../modules/hooks/contract";
import { HookFailure } from "../../modules/hooks/runtime";

describe("one exit-code table for the CLI, the synth and the hook runtime", () => {
  it("is the same object on both sides of the wall", () => {
    expect(CliExitCode).toBe(ExitCode);
    expect(HookExit).toBe(ExitCode);
  });

  it("gives each code one meaning", () => {
    expect(ExitCode).toEqual({ ok: 0, failed: 1, gated: 2, refused: 3, usage: 64 });
    expect(new Set(Object.values(ExitCode)).size).toBe(Object.keys(ExitCode).length);
  });

  it("a hook failure carries a code of the table", () => {
    expect(Object.values(ExitCode)).toContain(new HookFailure("x").exitCode);
  });
});
