/**
 * What one Terraform command costs the test suite, and what the Go garbage collector's share is.
 *
 *   npx tsx bench/terraform-gc.bench.ts [--repeat 3]
 *
 * One stack (one instance) applied against the emulator, then `terraform plan -out` and
 * `terraform show -json` of that plan, interleaved, with GOGC unset (Go's default, 100), 400 and
 * off (the setting jest.config.js gives the suite). Prints the median CPU (user + sys of terraform
 * and the provider it starts, from /usr/bin/time) and wall time of each, and each setting's ratio
 * to the default measured in the same run. Absolute times are for context only.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { startEmulator } from "../test/emulator/emulator";
import { emulatedAccount } from "../test/support/account";
import { expectOk, LifecycleWorkspace } from "../test/support/lifecycle";
import { terraformEnv } from "../modules/terraform-cli";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const at = process.argv.indexOf("--repeat");
const REPEAT = at > 0 ? Number(process.argv[at + 1]) : 3;
const ACCOUNT = "111111111111";
const REGION = "us-east-1";
const SETTINGS: Record<string, Record<string, string>> = { default: {}, "GOGC=400": { GOGC: "400" }, "GOGC=off": { GOGC: "off" } };
const COMMANDS = [
  ["plan", "-input=false", "-out=tfplan"],
  ["show", "-json", "tfplan"],
];

interface Sample {
  readonly cpu: number;
  readonly wall: number;
}

/** One terraform command under /usr/bin/time: CPU of it and its children (the provider), and wall time. */
function timed(dir: string, args: string[], env: NodeJS.ProcessEnv): Sample {
  const run = spawnSync("/usr/bin/time", ["-f", "%e %U %S", "terraform", ...args, "-no-color"], { cwd: dir, env, encoding: "utf8", maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`terraform ${args.join(" ")} exited ${run.status}:\n${run.stderr}`);
  const [wall, user, sys] = run.stderr.trim().split("\n").pop()!.split(" ").map(Number);
  return { cpu: user + sys, wall };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  if (!fs.existsSync("/usr/bin/time")) throw new Error("this benchmark needs /usr/bin/time (Debian: apt-get install time)");
  const emulator = await startEmulator();
  try {
    const account = await emulatedAccount(emulator, ACCOUNT, REGION);
    const instance = await account.createInstance();
    const ws = new LifecycleWorkspace(emulator, "bench-terraform-gc");
    ws.synth({ targets: [{ account: ACCOUNT, region: REGION, instances: [{ id: instance }] }] });
    const stack = `campaigns-${ACCOUNT}-${REGION}`;
    await ws.init(stack);
    expectOk(await ws.apply(stack), "apply");
    const base = terraformEnv({ ...process.env, ...ws.env });
    delete base.GOGC;

    const samples = new Map<string, Sample[]>();
    for (let round = 0; round < REPEAT; round++) {
      for (const [name, env] of Object.entries(SETTINGS)) {
        for (const args of COMMANDS) {
          const key = `${args[0]} ${name}`;
          samples.set(key, [...(samples.get(key) ?? []), timed(ws.stackDir(stack), args, { ...base, ...env })]);
        }
      }
    }
    console.log(`one stack, median of ${REPEAT} interleaved runs per setting; load average ${fs.readFileSync("/proc/loadavg", "utf8").split(" ")[0]}`);
    for (const [command] of COMMANDS) {
      const of = (name: string) => samples.get(`${command} ${name}`)!;
      const cpu0 = median(of("default").map((s) => s.cpu));
      for (const name of Object.keys(SETTINGS)) {
        const cpu = median(of(name).map((s) => s.cpu));
        const wall = median(of(name).map((s) => s.wall));
        console.log(`terraform ${command.padEnd(4)} ${name.padEnd(8)} CPU ${cpu.toFixed(2)} s (${(cpu / cpu0).toFixed(2)}x the default)  wall ${wall.toFixed(2)} s`);
      }
    }
  } finally {
    await emulator.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
