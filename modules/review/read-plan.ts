import type { PlanDocument } from "./plan-json";

/** Input the review cannot use (missing, not JSON, not a plan): reported as one line naming the source. */
export class PlanInputError extends Error {
  constructor(
    public readonly source: string,
    problem: string,
  ) {
    super(`${source}: ${problem}`);
    this.name = "PlanInputError";
  }
}

/** format_version 0.x came with Terraform 0.12–1.0, 1.x since 1.1; a 2.x would break the shape read here. */
const SUPPORTED_FORMAT = /^[01]\.\d+$/;
const EXPECTED = "expected the output of `terraform show -json <planfile>`";

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Parses and checks a JSON plan; `source` names it in errors. */
export function parsePlan(text: string, source: string): PlanDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const truncated = text.trim() === "" || /end of (JSON )?input|Unterminated/i.test((error as Error).message);
    throw new PlanInputError(source, `not valid JSON (${(error as Error).message})${truncated ? ": the file looks empty or truncated" : ""}`);
  }
  if (!isRecord(value)) throw new PlanInputError(source, `not a Terraform plan: the JSON is not an object; ${EXPECTED}`);
  const { format_version: format, planned_values: planned, resource_changes: changes } = value;
  if (typeof format !== "string" || (!isRecord(planned) && !Array.isArray(changes))) {
    const state = isRecord(value.values) ? " (it looks like state: run show on the saved plan file, not on state)" : "";
    throw new PlanInputError(source, `not a Terraform plan: no format_version with planned_values or resource_changes${state}; ${EXPECTED}`);
  }
  if (!SUPPORTED_FORMAT.test(format)) throw new PlanInputError(source, `plan format_version "${format}" is not supported (expected 0.x or 1.x)`);
  checkChanges(changes, "resource_changes", source);
  checkChanges(value.resource_drift, "resource_drift", source);
  return value as unknown as PlanDocument;
}

function checkChanges(list: unknown, field: string, source: string): void {
  if (list === undefined || list === null) return;
  if (!Array.isArray(list)) throw new PlanInputError(source, `not a Terraform plan: ${field} is not an array`);
  list.forEach((entry: unknown, i) => {
    const ok = isRecord(entry) && typeof entry.address === "string" && typeof entry.type === "string" && isRecord(entry.change) && Array.isArray(entry.change.actions);
    if (!ok) throw new PlanInputError(source, `not a Terraform plan: ${field}[${i}] lacks address, type or change.actions`);
  });
}
