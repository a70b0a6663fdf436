import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import { findProviderMirror, mirrorCliConfig } from "./provider-mirror";

export interface TerraformAvailability {
  readonly ok: boolean;
  /** Why Terraform cannot run here (when not ok). */
  readonly reason?: string;
  readonly version?: string;
  readonly mirror?: string | null;
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
    : { ok: false, version, mirror, reason: "no provider mirror found (set TF_PROVIDER_MIRROR to the directory holding registry.terraform.io) and no TF_CLI_CONFIG_FILE" });
}

/** The user's own CLI config, when TF_CLI_CONFIG_FILE names a file that exists. */
function userCliConfig(): string | undefined {
  const file = process.env.TF_CLI_CONFIG_FILE;
  return file && fs.existsSync(file) ? file : undefined;
}

/**
 * The environment Terraform runs with: the user's own CLI config when it exists, else one of the
 * project's that installs providers from the mirror (the machine's default CLI config path may
 * name a file that does not exist), and a shared plugin cache.
 */
export function terraformEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const own = userCliConfig();
  if (own) return { ...base, TF_IN_AUTOMATION: "1" };
  const mirror = findProviderMirror();
  if (!mirror) return { ...base, TF_IN_AUTOMATION: "1" };
  const dir = path.join(os.tmpdir(), "connect-campaigns-iac");
  const file = path.join(dir, "terraform.rc");
  const content = mirrorCliConfig(mirror);
  if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== content) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, content);
  }
  return { ...base, TF_CLI_CONFIG_FILE: file, TF_IN_AUTOMATION: "1" };
}
