/** How much a reviewer should look: high is irreversible, medium needs a look, low is routine. */
export type Risk = "low" | "medium" | "high";

/** A stack or report with nothing to review has no risk at all. */
export type RiskOrNone = Risk | "none";

const ORDER: readonly RiskOrNone[] = ["none", "low", "medium", "high"];

export const RISKS: readonly Risk[] = ["high", "medium", "low"];

export const riskRank = (risk: RiskOrNone): number => ORDER.indexOf(risk);

export function highestRisk(risks: readonly RiskOrNone[]): RiskOrNone {
  return risks.reduce<RiskOrNone>((top, risk) => (riskRank(risk) > riskRank(top) ? risk : top), "none");
}

/** What each level means, for the legend of the Markdown report and the docs. */
export const RISK_MEANING: Readonly<Record<Risk, string>> = {
  high: "irreversible: the campaigns role, an instance's onboarding or its campaigns go away",
  medium: "needs a look: the role changes or is adopted, or a destroy will stop at the campaigns guard",
  low: "routine",
};
