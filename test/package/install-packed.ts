import * as fs from "node:fs";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import { scratchDir } from "../support/terraform";
import { validateStacks } from "../support/validate-stacks";

export const ROOT = path.resolve(__dirname, "..", "..");
export const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

export interface PackedProject {
  /** The consumer project: a package.json, node_modules with the package installed. */
  readonly dir: string;
  /** The installed package (`node_modules/<name>`). */
  readonly packageDir: string;
}

export interface PackOptions {
  /**
   * The directory to `npm pack`.
   * @default - this checkout (its `prepack` runs `npm run build`: tsc into lib/ and the hook bundle)
   */
  readonly packDir?: string;
  /**
   * Where each dependency and peer of the package is linked from, by name.
   * @default - this checkout's node_modules
   */
  readonly linkFrom?: (name: string) => string;
  /** Runs before `npm pack`, under the same lock (e.g. building the cdktn flavour). */
  readonly prepare?: () => void;
}

const LOCK = path.join(ROOT, "build", ".pack-lock");

/**
 * Runs `work` holding the checkout's build lock: `npm run build` empties and rewrites lib/, so
 * two test files packing at once (jest runs files in parallel) must take turns.
 */
function withBuildLock<T>(work: () => T): T {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  const deadline = Date.now() + 600_000;
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // A lock left by a killed run is older than any build.
      if (Date.now() - fs.statSync(LOCK).mtimeMs > 600_000) fs.rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`${LOCK}: still held after 10 minutes`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  try {
    return work();
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

/**
 * `npm pack`, installed into a fresh project of its own with `npm install <tarball>`.
 *
 * Offline: the package's dependencies and peers are linked first (the versions this checkout's
 * lock file pins, which npm then accepts as installed), so the install resolves nothing from the
 * registry. Nothing else is linked: in particular not tsx, esbuild or typescript, so the
 * installed package has to run without them.
 */
export function installPacked(options: PackOptions = {}): PackedProject {
  const packDir = options.packDir ?? ROOT;
  const linkFrom = options.linkFrom ?? ((name: string) => path.join(ROOT, "node_modules", name));
  const work = scratchDir("packed");
  const packed = withBuildLock(() => {
    options.prepare?.();
    return execFileSync(NPM, ["pack", "--json", "--pack-destination", work, packDir], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  });
  const [{ filename, name }] = JSON.parse(packed.slice(packed.indexOf("["))) as { filename: string; name: string }[];

  const dir = path.join(work, "consumer");
  fs.mkdirSync(path.join(dir, "node_modules"), { recursive: true });
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", private: true }));
  const manifest = JSON.parse(fs.readFileSync(path.join(packDir, "package.json"), "utf8")) as Record<string, Record<string, string> | undefined>;
  for (const dependency of Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })) {
    const link = path.join(dir, "node_modules", dependency);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(fs.realpathSync(linkFrom(dependency)), link, "dir");
  }
  execFileSync(NPM, ["install", "--offline", "--no-package-lock", "--no-audit", "--no-fund", "--ignore-scripts", path.join(work, filename)], {
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe"],
  });
  return { dir, packageDir: path.join(dir, "node_modules", name) };
}

/**
 * Copies the consumer sources (main.ts, main.js, tsconfig.json) into the project, each passed
 * through `transform` (the CDK Terrain test renames the imports, as its users do).
 */
export function copyConsumerSources(dir: string, transform: (text: string) => string = (text) => text): void {
  const sources = path.join(__dirname, "consumer");
  for (const file of fs.readdirSync(sources)) fs.writeFileSync(path.join(dir, file), transform(fs.readFileSync(path.join(sources, file), "utf8")));
}

/** The TypeScript compiler of this checkout (the consumer's own dev tool; not linked into its node_modules). */
export const TSC = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");

/** `terraform init -backend=false` and `validate` of the named stack directories (batched: {@link validateStacks}); each must be valid. */
export async function expectValid(stacks: readonly (readonly [string, string])[]): Promise<void> {
  const { results } = validateStacks(stacks.map(([, dir]) => dir));
  for (const [name, dir] of stacks) {
    const result = await results.get(dir)!;
    expect([name, result.init.code, result.init.stderr, result.errors]).toEqual([name, 0, "", []]);
  }
}
