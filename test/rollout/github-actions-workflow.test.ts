import * as fs from "node:fs";
import * as path from "node:path";
import { load } from "js-yaml";
import { loadRolloutConfig } from "../../modules/rollout";

const EXAMPLES = path.join(__dirname, "..", "..", "examples");
const DIR = path.join(EXAMPLES, "github-actions");

interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
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
  readonly on: Record<string, unknown>;
  readonly jobs: Record<string, Job>;
}

const workflow = (file: string) => load(fs.readFileSync(path.join(DIR, file), "utf8")) as Workflow;
const runs = (job: Job) => (job.steps ?? []).map((s) => s.run ?? "").join("\n");

describe("the GitHub Actions rollout example", () => {
  const rollout = workflow("rollout.yml");
  const wave = workflow("rollout-wave.yml");
  const waves = loadRolloutConfig(path.join(EXAMPLES, "multi-account", "rollout.json")).waves.map((w) => w.name);

  it("runs the example config's waves in its order, each after the previous one", () => {
    const waveJobs = Object.entries(rollout.jobs).filter(([, job]) => job.uses === "./.github/workflows/rollout-wave.yml");
    expect(waveJobs.map(([, job]) => job.with?.wave)).toEqual(waves);
    expect(waveJobs.map(([, job]) => job.needs)).toEqual(["waves", ...waveJobs.slice(0, -1).map(([name]) => name)]);
    expect(runs(rollout.jobs.waves)).toContain(`expected="${waves.join(" ")}"`);
  });

  it("runs a wave's stacks in parallel from the matrix command, up to the wave's max-parallel, without cancelling siblings", () => {
    expect(runs(wave.jobs.matrix)).toContain('npx connect-campaigns-iac matrix --config "${{ inputs.config }}" --wave "${{ inputs.wave }}"');
    expect(wave.jobs.deploy).toMatchObject({
      needs: "matrix",
      "continue-on-error": true,
      strategy: { "fail-fast": false, "max-parallel": "${{ fromJSON(needs.matrix.outputs.max-parallel) }}", matrix: "${{ fromJSON(needs.matrix.outputs.matrix) }}" },
    });
  });

  it("synthesizes only the job's stack, then runs terraform in that stack's directory", () => {
    const steps = wave.jobs.deploy.steps ?? [];
    expect(runs(wave.jobs.deploy)).toContain('npm run synth -- --config "${{ inputs.config }}" --stack "${{ matrix.stack }}"');
    const terraform = steps.filter((s) => s.run?.startsWith("terraform "));
    expect(terraform.map((s) => s.run)).toEqual(["terraform init -input=false", "terraform plan -input=false -out=tfplan", "terraform apply -input=false tfplan"]);
    for (const step of terraform) expect(step["working-directory"]).toBe("cdktf.out/stacks/${{ matrix.stack }}");
  });

  it("uploads every job's result, and gates the wave on them even when jobs failed", () => {
    const upload = (wave.jobs.deploy.steps ?? []).find((s) => s.uses?.startsWith("actions/upload-artifact"));
    expect(upload).toMatchObject({ if: "always()", with: { name: "result-${{ inputs.wave }}-${{ matrix.stack }}" } });
    expect(wave.jobs.gate).toMatchObject({ needs: ["matrix", "deploy"], if: "always() && needs.matrix.result == 'success'" });
    expect(runs(wave.jobs.gate)).toContain('npx connect-campaigns-iac gate --config "${{ inputs.config }}" --wave "${{ inputs.wave }}" --results results');
  });
});
