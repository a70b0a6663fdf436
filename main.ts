/**
 * The CDKTF app (cdktf.json runs it): the CLI's `synth` command, so that every way of running it
 * takes the same options and variables and says what it wrote.
 *
 *   npm run synth                                   the embedded examples/rollout.json
 *   npm run synth -- --config <file>                that config (or ROLLOUT_CONFIG=<file>)
 *   npm run synth -- --stack <id> [--stack <id>]    only those stacks (or CAMPAIGNS_STACKS=<id,id>)
 *   npm run synth -- --wave <name>                  only that wave's stacks (or CAMPAIGNS_WAVE=<name>)
 *   npm run synth -- --output <dir>                 into <dir> instead of cdktf.out
 *   npm run synth -- --help                         all of it (also: npx connect-campaigns-iac synth …)
 *
 * `npx cdktf synth` passes no arguments: use the environment variables there. An invalid config,
 * or a stack or wave the config lacks, prints one line per problem and exits 1 before anything
 * is written; a wrong command line exits 64.
 */
import { runCli } from "./modules/cli/main";

// Not process.exit(): cdktf may still be flushing what it wrote to stdout.
runCli(["synth", ...process.argv.slice(2)]).then((code) => {
  process.exitCode = code;
});
