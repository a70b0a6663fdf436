import * as fs from "node:fs";
import * as path from "node:path";
import { scratchDir, terraform, type TerraformResult } from "./terraform";

/** One stack's `terraform validate`: the init it needed and its errors. */
export interface StackValidation {
  readonly init: TerraformResult;
  /** Error diagnostics as "summary: detail" lines; empty when the stack is valid. */
  readonly errors: string[];
}

interface Diagnostic {
  readonly severity: "error" | "warning";
  readonly summary: string;
  readonly detail?: string;
  readonly range?: { readonly filename: string };
}

/** The root that holds the batched stacks as modules, and each stack's module key in it. */
export interface ValidationBatch {
  readonly root: string;
  readonly moduleKeys: ReadonlyMap<string, string>;
  /** The stacks validated each on its own: those holding import blocks. */
  readonly alone: readonly string[];
}

/**
 * `terraform init -backend=false` and `validate` of synthesized stack directories, with as few
 * commands as Terraform allows. Every terraform command loads the AWS provider's whole schema
 * (~2.3 CPU-s on this project's machines, bench/terraform-gc.bench.ts), so the stacks are validated
 * as modules of one root: one init and one validate for all, where a root per stack took two
 * commands each. Terraform validates a child module as it does a root (it only ignores the
 * module's backend, with a warning); import blocks are allowed in a root only, so a stack holding
 * them (adopt mode) is validated on its own. -backend=false: S3 backends would reach AWS at init.
 *
 * Resolves each directory's result; a diagnostic of the root's own file, or naming no file, counts
 * against every stack of the root.
 */
export function validateStacks(dirs: readonly string[]): { batch: ValidationBatch; results: Map<string, Promise<StackValidation>> } {
  const holdsImports = (dir: string) => "import" in (JSON.parse(fs.readFileSync(path.join(dir, "cdk.tf.json"), "utf8")) as object);
  const alone = dirs.filter(holdsImports);
  const batched = dirs.filter((dir) => !alone.includes(dir));
  const root = scratchDir("validate-stacks");
  const moduleKeys = new Map(batched.map((dir, i) => [dir, `stack_${i}`]));
  const modules = Object.fromEntries(batched.map((dir) => [moduleKeys.get(dir)!, { source: dir }]));
  fs.writeFileSync(path.join(root, "main.tf.json"), JSON.stringify({ module: modules }, null, 2));

  const results = new Map<string, Promise<StackValidation>>();
  if (batched.length > 0) {
    const all = validate(root);
    for (const dir of batched) results.set(dir, all.then((report) => ofModule(report, moduleKeys.get(dir)!)));
  }
  for (const dir of alone) results.set(dir, validate(dir).then((report) => ofModule(report, undefined)));
  // Each result is awaited by its own test; marked handled here so a failure reaches that test, not the process.
  for (const result of results.values()) result.catch(() => undefined);
  return { batch: { root, moduleKeys, alone }, results };
}

/** The module keys Terraform loaded into `root` at init (from .terraform/modules/modules.json). */
export function loadedModules(root: string): string[] {
  const file = path.join(root, ".terraform", "modules", "modules.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { Modules: { Key: string }[] };
  return manifest.Modules.map((m) => m.Key).filter(Boolean).sort();
}

interface RootValidation {
  readonly init: TerraformResult;
  readonly failure?: string;
  readonly diagnostics: Diagnostic[];
}

async function validate(dir: string): Promise<RootValidation> {
  const init = await terraform(dir, ["init", "-backend=false", "-input=false"]);
  if (init.code !== 0) return { init, failure: `terraform init exited ${init.code}`, diagnostics: [] };
  const run = await terraform(dir, ["validate", "-json"]);
  const report = JSON.parse(run.stdout) as { valid: boolean; diagnostics: Diagnostic[] };
  const hasError = report.diagnostics.some((d) => d.severity === "error");
  return { init, failure: !report.valid && !hasError ? "terraform validate: not valid, with no error diagnostic" : undefined, diagnostics: report.diagnostics };
}

const MODULES_DIR = path.join(".terraform", "modules") + path.sep;

/**
 * A stack's part of a report: all of it for a root of its own; else its module's diagnostics, and
 * those of the root's own file or naming no file (they may be anyone's).
 */
function ofModule(report: RootValidation, key: string | undefined): StackValidation {
  const prefix = key === undefined ? undefined : `${MODULES_DIR}${key}${path.sep}`;
  const isOwn = (d: Diagnostic) => prefix === undefined || !d.range || !d.range.filename.startsWith(MODULES_DIR) || d.range.filename.startsWith(prefix);
  const own = report.diagnostics.filter(isOwn);
  const errors = own.filter((d) => d.severity === "error").map((d) => `${d.summary}: ${d.detail ?? ""}`);
  return { init: report.init, errors: report.failure ? [report.failure, ...errors] : errors };
}
