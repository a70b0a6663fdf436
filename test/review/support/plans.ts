import * as fs from "node:fs";
import * as path from "node:path";
import { parsePlan, reviewStack, type PlanDocument, type StackReview } from "../../../modules/review";
import { scratchDir } from "../../support/terraform";

/** Hand-written plans for the edge cases real Terraform does not produce on demand. */

export const CAMPAIGNS_ROLE = { aws_service_name: "connect-campaigns.amazonaws.com", custom_suffix: "blue", description: "", tags: {} };

/** A resource change; type and name come from the address (module prefix and index allowed). */
export function resourceChange(address: string, change: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const local = address.replace(/^(module\.[^.]+\.)+/, "").replace(/\[.*\]$/, "");
  const data = local.startsWith("data.");
  const [type, name] = (data ? local.slice(5) : local).split(".");
  const moduleAddress = address.match(/^((?:module\.[^.]+\.?)+)\./)?.[1];
  return {
    address,
    ...(moduleAddress ? { module_address: moduleAddress } : {}),
    mode: data ? "data" : "managed",
    type,
    name,
    change: { after_unknown: {}, before_sensitive: false, after_sensitive: false, ...change },
    ...extra,
  };
}

/** A whole plan document around some resource changes. */
export function planDoc(resourceChanges: Record<string, unknown>[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { format_version: "1.2", terraform_version: "1.11.4", planned_values: { root_module: {} }, resource_changes: resourceChanges, ...extra };
}

/** Reviews a plan document as `review` would read it from `<dirName>/plan.json`. */
export function reviewDoc(doc: unknown, dirName = "plans"): StackReview {
  return reviewStack({ source: "plan.json", dirName, plan: parsePlan(JSON.stringify(doc), "plan.json") });
}

/** Writes plan documents (or raw text) into a fresh directory; returns their paths. */
export function writePlans(files: Record<string, unknown>): Record<string, string> {
  const dir = scratchDir("review-plans");
  return Object.fromEntries(
    Object.entries(files).map(([name, content]) => {
      const file = path.join(dir, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
      return [name, file];
    }),
  );
}

export const FIXTURES = path.join(__dirname, "..", "fixtures");
export const fixture = (name: string): string => path.join(FIXTURES, `${name}.json`);

/** A real plan of test/review/fixtures (`terraform show -json` against the emulator), to change one thing in. */
export type FixturePlan = PlanDocument & { resource_changes: Record<string, unknown>[] };
export const realPlan = (name: string): FixturePlan => JSON.parse(fs.readFileSync(fixture(name), "utf8")) as FixturePlan;
