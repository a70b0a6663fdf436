import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runTerraform, terraformAvailability } from "../../modules/terraform-cli";
import type { ToolCheck } from "./tiers";

export type { TerraformResult } from "../../modules/terraform-cli";

/** terraform on PATH with a provider mirror (or a CLI config of the user's). */
export function terraformCheck(): ToolCheck {
  const availability = terraformAvailability();
  return { ok: availability.ok, reason: availability.reason };
}

/** Runs terraform in `dir` with the project's CLI config; never throws on a non-zero exit. */
export const terraform = runTerraform;

/** A fresh scratch directory under the OS temp dir. */
export function scratchDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
}
