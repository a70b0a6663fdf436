import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** Environment variable a user sets to name the provider mirror directly. */
export const PROVIDER_MIRROR_ENV = "TF_PROVIDER_MIRROR";

/**
 * The only places a mirror is looked for without `TF_PROVIDER_MIRROR` (the README lists them):
 * system folders an unprivileged user cannot plant, Terraform's own implied local mirror
 * directories, and the user's own `~/.terraform.d/plugins`. Never a search of the filesystem: a
 * directory planted anywhere (`/tmp`) would become the mirror, and its provider binary would run
 * with the deploy credentials.
 */
export function documentedMirrors(home = os.homedir()): string[] {
  return ["/opt/tf-plugins", "/usr/share/terraform/plugins", "/usr/local/share/terraform/plugins", path.join(home, ".terraform.d", "plugins")];
}

const isMirror = (dir: string) => fs.existsSync(path.join(dir, "registry.terraform.io", "hashicorp"));

let found: string | null | undefined;

/**
 * The filesystem mirror holding hashicorp providers (the directory that contains
 * `registry.terraform.io`), or null when there is none: `$TF_PROVIDER_MIRROR`, else the first of
 * {@link documentedMirrors} that holds one.
 */
export function findProviderMirror(): string | null {
  if (found !== undefined) return found;
  const fromEnv = process.env[PROVIDER_MIRROR_ENV];
  if (fromEnv) return (found = isMirror(fromEnv) ? fromEnv : null);
  return (found = documentedMirrors().find(isMirror) ?? null);
}

/**
 * The project's Terraform CLI config. With a filesystem `mirror`: hashicorp providers install
 * from it (an unpacked mirror is symlinked into each stack's .terraform, never copied, so N stacks
 * share one copy without a cache), others directly. Without one: every provider comes from its
 * registry, through the shared `cacheDir` (plugin_cache_dir), so N stacks download it once.
 */
export function projectCliConfig(mirror: string | null, cacheDir: string): string {
  if (mirror === null) return [`plugin_cache_dir = ${JSON.stringify(cacheDir)}`, ""].join("\n");
  return mirrorCliConfig(mirror);
}

/** A Terraform CLI config that installs hashicorp providers from `mirror` and others directly. */
export function mirrorCliConfig(mirror: string): string {
  return [
    "provider_installation {",
    "  filesystem_mirror {",
    `    path    = ${JSON.stringify(mirror)}`,
    '    include = ["registry.terraform.io/hashicorp/*"]',
    "  }",
    '  direct { exclude = ["registry.terraform.io/hashicorp/*"] }',
    "}",
    "",
  ].join("\n");
}
