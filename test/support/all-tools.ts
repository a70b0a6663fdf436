import { emulatorAvailability } from "../emulator/emulator";
import { terraformCheck } from "./terraform";
import type { ToolCheck } from "./tiers";

/** terraform, the provider mirror and moto: what the lifecycle tiers need. */
export function terraformAndEmulator(): ToolCheck {
  const checks: ToolCheck[] = [terraformCheck(), emulatorAvailability()];
  const missing = checks.filter((c) => !c.ok).map((c) => c.reason);
  return missing.length === 0 ? { ok: true } : { ok: false, reason: missing.join("; ") };
}
