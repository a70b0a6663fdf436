import * as fs from "node:fs";
import * as path from "node:path";
import { load } from "js-yaml";
import { STEP_PARTS, STEP_SEPARATOR, loadRolloutConfig, stepPlan } from "../../modules/rollout";
import type { RolloutDirection } from "../../modules/rollout";

const EXAMPLES = path.join(__dirname, "..", "..", "examples");
const DIR = path.join(EXAMPLES, "github-actions");
const WAVE_WORKFLOW = "./.github/workflows/rollout-wave.yml";

interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly env?: Record<string, string>;
  readonly "working-directory"?: string;
  readonly with?: Record<string, unknown>;
}
interface Job {
  readonly needs?: string | string[];
  readonly uses?: string;
  readonly with?: Record<string, unknown>;
  readonly if?: string;
  readonly "continue-on-error"?: boolean;
  readonly strategy?: { readonly "fail-fast"?: boolean; readonly "max-parallel"?: string; readonly matrix?: string };
  readonly outputs?: Record<string, string>;
  readonly steps?: Step[];
}
interface Workflow {
  readonly on: Record<string, { inputs?: Record<string, unknown> } | null>;
  readonly defaults?: { readonly run?: { readonly shell?: string } };
  readonly jobs: Record<string, Job>;
}

/** Every workflow of the example. */
const WORKFLOW_FILES = fs.readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f)).sort();
const workflow = (file: string) => load(fs.readFileSync(path.join(DIR, file), "utf8")) as Workflow;
const runs = (job: Job) => (job.steps ?? []).map((s) => s.run ?? "").join("\n");
const stepRunning = (job: Job, command: string) => (job.steps ?? []).find((s) => s.run?.includes(command));

describe("the GitHub Actions rollout example", () => {
  const wave = workflow("rollout-wave.yml");
  const config = loadRolloutConfig(path.join(EXAMPLES, "multi-account", "rollout.json"));
  const steps = (direction: RolloutDirection) => stepPlan(config, direction).map((s) => s.wave);

  it("has the rollout, its wave workflow and the destroy workflow", () => {
    expect(WORKFLOW_FILES).toEqual(["destroy.yml", "rollout-wave.yml", "rollout.yml"]);
  });

  it.each<[string, RolloutDirection, string, boolean]>([
    ["rollout.yml", "deploy", "waves", false],
    ["destroy.yml", "destroy", "steps", true],
  ])("%s runs the example config's %s steps in order, each after the previous one", (file, direction, first, destroy) => {
    const jobs = Object.entries(workflow(file).jobs).filter(([, job]) => job.uses === WAVE_WORKFLOW);
    expect(jobs.map(([, job]) => job.with?.wave)).toEqual(steps(direction));
    expect(jobs.map(([, job]) => job.needs)).toEqual([first, ...jobs.slice(0, -1).map(([name]) => name)]);
    for (const [, job] of jobs) expect(job.with?.destroy ?? false).toBe(destroy);
    // The first job refuses to go on when the config's steps are not the jobs'.
    const check = runs(workflow(file).jobs[first]);
    expect(check).toContain(`expected="${steps(direction).join(" ")}"`);
    expect(check).toContain(`npx connect-campaigns-iac waves ${destroy ? "--destroy " : ""}--config "$CONFIG" --json`);
  });

  it("passes only inputs the wave workflow declares", () => {
    const declared = Object.keys(wave.on.workflow_call?.inputs ?? {});
    expect(declared).toEqual(["config", "wave", "apply", "destroy"]);
    for (const file of ["rollout.yml", "destroy.yml"]) {
      for (const job of Object.values(workflow(file).jobs).filter((j) => j.uses === WAVE_WORKFLOW)) expect(declared).toEqual(expect.arrayContaining(Object.keys(job.with ?? {})));
    }
  });

  it("runs a step's stacks in parallel from the matrix command (--destroy when destroying), up to its max-parallel, without cancelling siblings", () => {
    const matrix = stepRunning(wave.jobs.matrix, "connect-campaigns-iac matrix");
    expect(matrix?.env).toEqual({ CONFIG: "${{ inputs.config }}", WAVE: "${{ inputs.wave }}", DESTROY: "${{ inputs.destroy }}" });
    expect(matrix?.run).toContain('if [ "$DESTROY" = "true" ]; then order=(--destroy); fi');
    expect(matrix?.run).toContain('npx connect-campaigns-iac matrix --config "$CONFIG" --wave "$WAVE" "${order[@]}"');
    expect(wave.jobs.deploy).toMatchObject({
      needs: "matrix",
      "continue-on-error": true,
      strategy: { "fail-fast": false, "max-parallel": "${{ fromJSON(needs.matrix.outputs.max-parallel) }}", matrix: "${{ fromJSON(needs.matrix.outputs.matrix) }}" },
    });
  });

  it("synthesizes only the job's stack, then plans (or plans the destroy) and applies in that stack's directory", () => {
    const steps = wave.jobs.deploy.steps ?? [];
    expect(stepRunning(wave.jobs.deploy, "npm run synth")).toMatchObject({
      env: { CONFIG: "${{ inputs.config }}", STACK: "${{ matrix.stack }}" },
      run: 'npm run synth -- --config "$CONFIG" --stack "$STACK"',
    });
    const terraform = steps.filter((s) => s.run?.startsWith("terraform "));
    expect(terraform.map((s) => [s.run, s.if])).toEqual([
      ["terraform init -input=false", undefined],
      ["terraform plan -input=false -out=tfplan", "${{ !inputs.destroy }}"],
      ["terraform plan -input=false -destroy -out=tfplan", "${{ inputs.destroy }}"],
      ["terraform apply -input=false tfplan", "inputs.apply"],
    ]);
    for (const step of terraform) expect(step["working-directory"]).toBe("cdktf.out/stacks/${{ matrix.stack }}");
  });

  it("uploads every job's result, and gates the step on them even when jobs failed", () => {
    const record = stepRunning(wave.jobs.deploy, "result.json");
    expect(record).toMatchObject({ if: "always()", env: { STACK: "${{ matrix.stack }}", OUTCOME: "${{ job.status }}" } });
    const upload = (wave.jobs.deploy.steps ?? []).find((s) => s.uses?.startsWith("actions/upload-artifact"));
    expect(upload).toMatchObject({ if: "always()", with: { name: "result-${{ inputs.wave }}-${{ matrix.stack }}" } });
    expect(wave.jobs.gate).toMatchObject({ needs: ["matrix", "deploy"], if: "always() && needs.matrix.result == 'success'" });
    expect(stepRunning(wave.jobs.gate, "connect-campaigns-iac gate")).toMatchObject({
      env: { CONFIG: "${{ inputs.config }}", WAVE: "${{ inputs.wave }}" },
      run: 'npx connect-campaigns-iac gate --config "$CONFIG" --wave "$WAVE" --results results | tee -a "$GITHUB_STEP_SUMMARY"',
    });
    // No result uploaded at all: an empty folder (every stack unreported, exit 2), not a missing one (bad input, exit 1).
    const steps = wave.jobs.gate.steps ?? [];
    const mkdir = steps.findIndex((s) => s.run === "mkdir -p results");
    expect(mkdir).toBeGreaterThan(steps.findIndex((s) => s.uses?.startsWith("actions/download-artifact")));
    expect(mkdir).toBeLessThan(steps.findIndex((s) => s.run?.includes("connect-campaigns-iac gate")));
  });
});

describe("step names in GitHub Actions", () => {
  // actions/toolkit's artifact name validation refuses these (NTFS), and `/` and `\`.
  const FORBIDDEN = ['"', ":", "<", ">", "|", "*", "?", "\r", "\n", "\\", "/"];

  it("fit an artifact name (result-<step>-<stack>) and a download pattern", () => {
    for (const part of STEP_PARTS) {
      const name = `result-canary${STEP_SEPARATOR}${part}-campaigns-111111111111-us-east-1`;
      expect(FORBIDDEN.filter((c) => name.includes(c))).toEqual([]);
      // minimatch reads a leading "#" as a comment; the pattern starts with "result-".
      expect(name.startsWith("#")).toBe(false);
    }
  });
});

describe.each(WORKFLOW_FILES)("the workflow %s", (file) => {
  const parsed = workflow(file);
  const steps = Object.values(parsed.jobs).flatMap((job) => job.steps ?? []);

  // GitHub's security hardening guide: an expression in `run:` is pasted into the script before
  // the shell parses it, so a config path or a matrix value could run as code. They go in `env:`.
  it("has no ${{ }} expression in any run: script (values reach scripts through env:)", () => {
    const inScripts = steps.filter((s) => s.run?.includes("${{")).map((s) => s.run);
    expect(inScripts).toEqual([]);
    expect(steps.filter((s) => s.run !== undefined).length).toBeGreaterThan(0);
  });

  // Unspecified, GitHub runs `bash -e {0}`: a failed command before `| tee` would pass its step.
  it("runs scripts with bash -o pipefail (defaults.run.shell: bash)", () => {
    expect(parsed.defaults?.run?.shell).toBe("bash");
  });
});
