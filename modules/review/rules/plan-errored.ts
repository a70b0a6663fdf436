import type { PlanRule } from "./rule";

/** Terraform stopped planning on an error: the plan shows only part of what would change. */
export const planErrored: PlanRule = {
  id: "plan-errored",
  risk: "high",
  description: 'The plan is marked "errored": Terraform reported errors while planning, so it shows only part of what the change does.',
  check(plan) {
    if (plan.errored !== true) return undefined;
    return "Terraform reported errors while planning: this plan is incomplete (what it does not show cannot be reviewed) and cannot be applied";
  },
};
