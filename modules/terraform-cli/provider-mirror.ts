import * as fs from "node:fs";
import * as path from "node:path";
import { execFileSync } from "node:child_process";

/** Environment variable a user sets to name the provider mirror directly. */
export const PROVIDER_MIRROR_ENV = "TF_PROVIDER_MIRROR";

/** Where provider mirrors usually live; checked before the slower filesystem search. */
const USUAL_MIRRORS = ["/opt/tf-plugins", "/usr/share/terraform/plugins", "/usr/local/share/terraform/plugins", `${process.env.HOME ?? ""}/.terraform.d/plugins`];

const isMirror = (dir: string) => fs.existsSync(path.join(dir, "registry.terraform.io", "hashicorp"));

let found: string | null | undefined;

/**
 * The filesystem mirror holding hashicorp providers (the directory that contains
 * `registry.terraform.io`), or null when there is none: `$TF_PROVIDER_MIRROR`, then the usual
 * places, then a search of the filesystem four levels deep (as the machine notes describe).
 */
export function findProviderMirror(): string | null {
  if (found !== undefined) return found;
  const fromEnv = process.env[PROVIDER_MIRROR_ENV];
  if (fromEnv) return (found = isMirror(fromEnv) ? fromEnv : null);
  found = USUAL_MIRRORS.find(isMirror) ?? searchFilesystem();
  return found;
}

function searchFilesystem(): string | null {
  try {
    const out = execFileSync("find", ["/", "-maxdepth", "4", "-type", "d", "-name", "registry.terraform.io"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      timeout: 20_000,
    });
    const hit = out.split("\n").find((line) => line && isMirror(path.dirname(line)));
    return hit ? path.dirname(hit) : null;
  } catch (error) {
    // find exits non-zero on unreadable directories but still prints what it found.
    const out = String((error as { stdout?: string }).stdout ?? "");
    const hit = out.split("\n").find((line) => line && isMirror(path.dirname(line)));
    return hit ? path.dirname(hit) : null;
  }
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
