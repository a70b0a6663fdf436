import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import { findProviderMirror, projectCliConfig } from "./provider-mirror";

export interface TerraformAvailability {
  readonly ok: boolean;
  /** Why Terraform cannot run here (when not ok). */
  readonly reason?: string;
  readonly version?: string;
  readonly mirror?: string | null;
  /**
   * Terraform runs, but with neither a mirror nor a CLI config of the user's: providers would come
   * from their registry (through the shared plugin cache), which this machine may not reach.
   */
  readonly registryOnly?: boolean;
}

let availability: TerraformAvailability | undefined;

/** Whether `terraform` (>= 1.5) is on PATH, and which provider mirror it will use. Checked once. */
export function terraformAvailability(): TerraformAvailability {
  if (availability) return availability;
  let version: string;
  try {
    const out = execFileSync("terraform", ["version", "-json"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    version = (JSON.parse(out) as { terraform_version: string }).terraform_version;
  } catch {
    return (availability = { ok: false, reason: "terraform is not on PATH (install Terraform >= 1.5)" });
  }
  const [major, minor] = version.split(".").map(Number);
  if (major < 1 || (major === 1 && minor < 5)) return (availability = { ok: false, reason: `terraform ${version} is older than 1.5`, version });
  const mirror = findProviderMirror();
  const usable = mirror !== null || userCliConfig() !== undefined;
  return (availability = usable
    ? { ok: true, version, mirror }
    : { ok: false, version, mirror, registryOnly: true, reason: "no provider mirror found (set TF_PROVIDER_MIRROR to the directory holding registry.terraform.io) and no TF_CLI_CONFIG_FILE" });
}

/** The user's own CLI config, when TF_CLI_CONFIG_FILE names a file that exists. */
function userCliConfig(): string | undefined {
  const file = process.env.TF_CLI_CONFIG_FILE;
  return file && fs.existsSync(file) ? file : undefined;
}

/** Where the project keeps its CLI config and, for registry installs, the shared plugin cache. */
const PROJECT_DIR = path.join(os.tmpdir(), "connect-campaigns-iac");
export const PLUGIN_CACHE_DIR = path.join(PROJECT_DIR, "plugin-cache");

/**
 * Why the project's folder under the shared temp dir must not be used, or undefined when it may:
 * it decides which CLI config (and so which provider binary) Terraform runs with the deploy
 * credentials, so it must be a real directory (not a symlink) owned by the current user and
 * writable by no one else. Created here (mode 0700) when missing.
 */
export function projectDirProblem(dir = PROJECT_DIR): string | undefined {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stat = fs.lstatSync(dir);
  const uid = process.getuid?.();
  const problems: string[] = [];
  if (!stat.isDirectory()) problems.push("is not a directory (a symlink?)");
  if (uid !== undefined && stat.uid !== uid) problems.push(`is owned by uid ${stat.uid}, not by you (uid ${uid})`);
  if ((stat.mode & 0o022) !== 0) problems.push(`is writable by its group or by others (mode ${(stat.mode & 0o777).toString(8)})`);
  if (problems.length === 0) return undefined;
  return `${dir} ${problems.join(" and ")}: it holds the Terraform CLI config that chooses the provider binary, so it is not used; remove it, or set TF_CLI_CONFIG_FILE to a CLI config of your own`;
}

/**
 * The environment Terraform runs with: the user's own CLI config when it exists (left as the user
 * wrote it); else the project's (see {@link projectCliConfig}): providers from the filesystem
 * mirror when there is one (the machine's default CLI config path may name a file that does not
 * exist), else from the registry through a plugin cache every stack shares. A
 * TF_PLUGIN_CACHE_DIR the user set wins over the project's cache.
 */
export function terraformEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  if (userCliConfig()) return { ...base, TF_IN_AUTOMATION: "1" };
  const problem = projectDirProblem();
  if (problem) throw new Error(problem);
  const mirror = findProviderMirror();
  const file = path.join(PROJECT_DIR, "terraform.rc");
  const content = projectCliConfig(mirror, PLUGIN_CACHE_DIR);
  if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== content) {
    fs.mkdirSync(PLUGIN_CACHE_DIR, { recursive: true });
    // Written whole then renamed: a Terraform started meanwhile never reads half a file.
    const partial = `${file}.${process.pid}`;
    fs.writeFileSync(partial, content);
    fs.renameSync(partial, file);
  }
  return { ...base, TF_CLI_CONFIG_FILE: file, TF_IN_AUTOMATION: "1" };
}

/** The plugin cache Terraform uses with `env` (from {@link terraformEnv}), or undefined for none. */
export function pluginCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  if (env.TF_PLUGIN_CACHE_DIR) return env.TF_PLUGIN_CACHE_DIR;
  const file = env.TF_CLI_CONFIG_FILE;
  const text = file && fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const match = /^\s*plugin_cache_dir\s*=\s*"([^"]*)"/m.exec(text);
  return match ? match[1] : undefined;
}
