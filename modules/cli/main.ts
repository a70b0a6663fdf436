/**
 * `npx connect-campaigns-iac <command>`. Commands load their modules only when they run, so
 * `--help` and the light commands never pay for the AWS SDK or cdktf.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Command, CommanderError, Option } from "commander";
import { CliError, ExitCode } from "./exit-codes";
import { PACKAGE_ROOT } from "../package-root";
import { load } from "./lazy";
import { accountId, instanceId, roleArnTemplate, wholeNumberAtLeastOne } from "./option-values";
import { blankVariablesAreUnset, options } from "./options";
import { printJson } from "./output";
import { ConfigError, isInputError } from "../rollout/problems";

/** The package's version, read where npm installed it (no build step copies it; the same from modules/ and lib/). */
export const VERSION: string = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")).version;

const program = new Command("connect-campaigns-iac")
  .description("The Amazon Connect outbound campaigns service-linked role, as CDKTF stacks: rollout, cleanup, review, policy.")
  .version(VERSION, "-V, --version", "print the version")
  // A usage error is one line on stderr, the hint on the same line; set before the commands, which copy it.
  .configureOutput({ outputError: (message, write) => write(`${message.trimEnd()} (run with --help for usage)\n`) })
  .exitOverride();

/** synth's usage, in its one-line errors: the ways people run it. */
const SYNTH_USAGE = "usage: npm run synth -- [--config <file>] [--stack <id>]... [--wave <name>] [--output <dir>] [--json]";
const SYNTH_HELP = [
  "",
  "The same options, and the same variables, wherever synth runs:",
  "  npx connect-campaigns-iac synth [options]",
  "  npm run synth -- [options]                 (node --import tsx main.ts [options])",
  "  ROLLOUT_CONFIG=<file> CAMPAIGNS_STACKS=<id,id> CAMPAIGNS_WAVE=<name> npx cdktf synth   (cdktf passes no options)",
  "",
  "The output directory then holds exactly this synth: stack folders of earlier synths are removed (kept, minus",
  "their plans, when they hold a state file or campaign backups), and so are the plans of every stack folder.",
  "",
  "Exit codes: 0 written, 1 invalid config, unknown stack or wave, or an output directory that cannot be written (nothing written), 64 usage.",
].join("\n");

// Options shared by several commands come from ./options (declared once, same help everywhere).
program.hook("preAction", blankVariablesAreUnset);

program
  .command("synth")
  .description("Synthesize the config's stacks (one per account and Region) into cdktf.out/stacks, and say what was written.")
  .addOption(options.config({ embeddedDefault: true }))
  .addOption(options.stacks())
  .addOption(options.waveSelection())
  .addOption(options.output())
  .addOption(options.json("print what was written as JSON: {outdir, stacks, kept}"))
  .addHelpText("after", SYNTH_HELP)
  .configureOutput({ outputError: (message, write) => write(`${message.trimEnd()} (${SYNTH_USAGE}; run with --help for more)\n`) })
  .action((opts) => load<typeof import("./commands/synth")>("./commands/synth").synthCommand(opts));

program
  .command("validate")
  .description("Load and check a rollout config (every rule synth applies); write nothing.")
  .addOption(options.config())
  .addOption(options.json("print {valid, file, targets, waves} (or the problems) as JSON"))
  .addHelpText("after", "\nExit codes: 0 valid, 1 invalid (one line per problem: file, JSON path, what was expected), 64 usage.")
  .action((opts) => load<typeof import("./commands/validate")>("./commands/validate").validateCommand(opts));

program
  .command("waves")
  .description("Show the rollout's waves in deployment order (a role owner before its account's other targets): targets, concurrency, failure tolerance.")
  .addOption(options.config())
  .addOption(options.destroy("the destroy order instead: waves in reverse, a role owner after its account's other targets"))
  .addOption(options.json())
  .action((opts) => load<typeof import("./commands/waves")>("./commands/waves").wavesCommand(opts));

program
  .command("matrix")
  .description("Print one wave (or step of a wave, <wave>#owners / <wave>#observers) as a CI matrix (GitHub Actions strategy.matrix.include) with its max-parallel.")
  .addOption(options.config())
  .addOption(options.step())
  .addOption(options.destroy("a step of the destroy order (the same stacks; an error lists the steps in destroy order)"))
  .action((opts) => load<typeof import("./commands/waves")>("./commands/waves").matrixCommand(opts));

program
  .command("gate")
  .description("Between waves (or steps): exit 0 when the step's failed stacks are within its failure tolerance, 2 when they exceed it.")
  .addOption(options.config())
  .addOption(options.step())
  .requiredOption("-r, --results <dir>", 'folder of the jobs\' result files ({"stack": ..., "outcome": "success" | "failure" | ...}); two results for one stack: any that is not success counts')
  .addOption(options.json())
  .addHelpText("after", "\nExit codes: 0 the next step may start, 1 bad input (a --results folder that does not exist, an unreadable result file, a wave the config lacks), 2 stop the rollout, 64 usage.")
  .action((opts) => load<typeof import("./commands/gate")>("./commands/gate").gateCommand(opts));

program
  .command("cleanup")
  .description("Run the destroy hook by hand: back up, stop and delete a stack's campaigns (what terraform destroy does).")
  .addOption(options.config())
  .addOption(options.stack())
  .option("-i, --instance <id>", "only this Connect instance of the stack", instanceId)
  .option("--dry-run", "list what would be backed up and deleted; change nothing")
  .option("--allow-deletion", "delete even where the config does not allow it (after reviewing --dry-run)")
  .addOption(options.json())
  .addHelpText(
    "after",
    "\nExit codes: 0 done, 1 failed, 3 refused, nothing touched (campaigns exist and deletion is not allowed, or the credentials act in another account than the stack's), 64 usage.",
  )
  .action((opts) => load<typeof import("./commands/cleanup")>("./commands/cleanup").cleanupCommand(opts));

program
  .command("restore")
  .description("Recreate campaigns from backups under a directory, in the account and Region each came from; skip those that exist by name.")
  .argument("<backup-dir>", "a backup root, or any folder under it (<account>/<region>/<instance>/<campaign id>.json)")
  .option("--dry-run", "list what would be recreated; change nothing")
  .option("--role-template <arn>", "role to assume per account, e.g. arn:aws:iam::{account}:role/terraform-deploy", roleArnTemplate)
  .addOption(options.json())
  .addHelpText("after", "\nExit codes: 0 done, 1 failed or a bad backup file (nothing created), 3 refused, nothing created (the credentials act in another account than a backup's), 64 usage.")
  .action((dir, opts) => load<typeof import("./commands/restore")>("./commands/restore").restoreCommand(dir, opts));

program
  .command("schema")
  .description("Print the JSON Schema of the rollout config (generated from the validation schema).")
  .option("--write <file>", "write it to a file instead")
  .action((opts) => load<typeof import("./commands/schema")>("./commands/schema").schemaCommand(opts));

program
  .command("bundle-hook")
  .description("Rebuild the bundled hook runtime (dist/campaigns-hook.cjs); synth does this when it is stale.")
  .addOption(options.json())
  .action((opts) => load<typeof import("./commands/bundle-hook")>("./commands/bundle-hook").bundleHookCommand(opts));

program
  .command("review")
  .description("Review Terraform plans of one or many stacks for a pull request: what changes, and what cannot be undone.")
  .argument("<plans...>", "JSON plans (terraform show -json) or stack directories holding plan.json or tfplan")
  .addOption(options.json())
  .option("--live", "list the campaigns each destroy hook would find now (calls AWS)")
  .addOption(new Option("--fail-on <risk>", "exit 2 when a change of this risk or higher is present").choices(["high", "medium"]))
  .action((plans, opts) => load<typeof import("./commands/review")>("./commands/review").reviewCommand(plans, opts));

program
  .command("plan-review")
  .description(
    "Synthesize the config (and its base), plan the stacks a change touches (terraform init, plan -out tfplan, show -json > plan.json), several at once, and write cdktf.out/review.md.",
  )
  .addOption(options.config({ embeddedDefault: true, description: "the rollout config under review" }))
  .option("--base-config <file>", "the config the change starts from: only stacks whose synth differs are planned; stacks it has and the config lacks are listed as removed")
  .option("--base-ref <git ref>", "like --base-config, with the config file as it is at that git ref (a config new since that ref: every stack is new)")
  .option("--all", "plan every stack, changed or not, and check live what plans cannot see (drift: onboarding, roles, unmanaged instances)")
  .option("-p, --parallelism <n>", "stacks planned at once (default: the CPU count, at most the wave's maxConcurrency with --wave)", wholeNumberAtLeastOne)
  .addOption(options.stacks())
  .addOption(options.waveSelection())
  .addOption(new Option("--fail-on <risk>", "exit 2 when a change of this risk or higher is present (removed and failed stacks are high)").choices(["high", "medium"]))
  .addOption(options.json("print the review as JSON on stdout (progress on stderr)"))
  .addHelpText("after", "\nExit codes: 0 reviewed, 1 a stack failed to plan or the input is invalid, 2 --fail-on tripped, 64 usage.")
  .action((opts) => load<typeof import("./commands/plan-review")>("./commands/plan-review").planReviewCommand(opts));

program
  .command("drift")
  .description(
    "Check live what a plan cannot see: each account's campaigns role, each instance's onboarding (role, KMS key), retired instances still onboarded, unmanaged instances that would block a destroy.",
  )
  .addOption(options.config())
  .addOption(options.stacks())
  .addOption(options.waveSelection())
  .option("-p, --parallelism <n>", "targets checked at once (default 16; each account and Region is paced at AWS's quotas)", wholeNumberAtLeastOne)
  .addOption(options.json('print { "targets", "inSync", "findings", "errors" } on stdout (progress on stderr)'))
  .addHelpText("after", "\nExit codes: 0 in sync, 2 drift found, 1 invalid input or a target that could not be checked (named; the others are still checked), 3 the credentials act in another account than a target's, 64 usage.")
  .action((options) => load<typeof import("./commands/drift")>("./commands/drift").driftCommand(options));

program
  .command("policy")
  .description(
    "Print the IAM policy (JSON) the deploy role needs for plan, apply and destroy, hooks included; or the state backend's, or the deploy role's trust policy.",
  )
  // Not the shared --config: without one the policy deliberately covers any account and Region,
  // and a ROLLOUT_CONFIG set for synth must not narrow it (nor conflict with --trust) unasked.
  .option("-c, --config <file>", "rollout config (JSON): narrow resources to its accounts, Regions, KMS keys and buckets (default: any account and Region; ROLLOUT_CONFIG is not read)")
  .option("-a, --account <id>", "with --config: only this account's targets (one deploy role per account)", accountId)
  .option("--restore", "also allow `restore` (CreateCampaign, TagResource): a recovery tool, not part of a deploy")
  .option("--state", "with --config: the S3 backend's policy (ListBucket; Get/PutObject on the state; Get/Put/DeleteObject on .tflock) for the backend's role or the pipeline principal")
  .addOption(
    new Option("--trust <principal arn>", "print the deploy role's trust policy instead: sts:AssumeRole for that principal, session names of this tool only").conflicts([
      "config",
      "account",
      "restore",
      "state",
    ]),
  )
  .addHelpText(
    "after",
    "\nIAM counts at most 6,144 characters in a managed policy: a large config is widened to fit (reported on stderr),\nor print one policy per account with --account. Statements, sources and what the tests prove: modules/policy/README.md.",
  )
  .action((opts) => load<typeof import("./commands/policy")>("./commands/policy").policyCommand(opts));

/** Runs the CLI; resolves to the exit code. Exported for tests. */
export async function runCli(argv: readonly string[]): Promise<number> {
  try {
    await program.parseAsync(argv, { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : ExitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0; every other commander error is usage.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (error instanceof CliError) {
      process.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    if (isInputError(error)) {
      process.stderr.write(`${error.message}\n`);
      // The human lines stop at 50 problems; the JSON document carries every one.
      if (error instanceof ConfigError && argv.includes("--json")) printJson({ error: "invalid config", file: error.file, problems: error.problems });
      return ExitCode.failed;
    }
    throw error;
  }
}

if (require.main === module || process.argv[1]?.endsWith("connect-campaigns-iac.js") || process.argv[1]?.endsWith("connect-campaigns-iac")) {
  runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
