/** Why plan-review could not review (bad input, no Terraform or credentials, a failed synth): one line, exit 1. */
export class PlanReviewError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PlanReviewError";
  }
}
