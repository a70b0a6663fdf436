import * as fs from "node:fs";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import { scratchDir } from "../support/terraform";

const ROOT = path.resolve(__dirname, "..", "..");
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

export interface PackedProject {
  /** The consumer project: a package.json, node_modules with the package installed. */
  readonly dir: string;
  /** The installed package (`node_modules/connect-campaigns-iac`). */
  readonly packageDir: string;
  /** The tarball `npm pack` wrote. */
  readonly tarball: string;
}

/**
 * `npm pack` of this checkout (its `prepack` runs `npm run build`: tsc into lib/ and the hook
 * bundle), installed into a fresh project of its own with `npm install <tarball>`.
 *
 * Offline: the package's dependencies and peers are linked from this checkout's node_modules
 * first (the versions the lock file pins, which npm then accepts as installed), so the install
 * resolves nothing from the registry. Nothing else is linked: in particular not tsx, esbuild or
 * typescript, so the installed package has to run without them.
 */
export function installPacked(): PackedProject {
  const work = scratchDir("packed");
  const packed = execFileSync(NPM, ["pack", "--json", "--pack-destination", work], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const [{ filename }] = JSON.parse(packed.slice(packed.indexOf("["))) as { filename: string }[];
  const tarball = path.join(work, filename);

  const dir = path.join(work, "consumer");
  fs.mkdirSync(path.join(dir, "node_modules"), { recursive: true });
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", private: true }));
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as Record<string, Record<string, string> | undefined>;
  for (const name of Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })) {
    const link = path.join(dir, "node_modules", name);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(fs.realpathSync(path.join(ROOT, "node_modules", name)), link, "dir");
  }
  execFileSync(NPM, ["install", "--offline", "--no-package-lock", "--no-audit", "--no-fund", "--ignore-scripts", tarball], {
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe"],
  });
  return { dir, packageDir: path.join(dir, "node_modules", "connect-campaigns-iac"), tarball };
}

/** Copies the consumer sources (main.ts, main.js, tsconfig.json) into the project. */
export function copyConsumerSources(dir: string): void {
  const sources = path.join(__dirname, "consumer");
  for (const file of fs.readdirSync(sources)) fs.copyFileSync(path.join(sources, file), path.join(dir, file));
}

/** The TypeScript compiler of this checkout (the consumer's own dev tool; not linked into its node_modules). */
export const TSC = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
