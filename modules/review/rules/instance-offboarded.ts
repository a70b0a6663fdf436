import { removesObject } from "../change-kind";
import { hookOf } from "./subjects";
import type { RiskRule } from "./rule";

/** Destroying an onboarding resource runs its destroy hook, which offboards the instance. */
export const instanceOffboarded: RiskRule = {
  id: "instance-offboarded",
  risk: "high",
  description: "An onboarding resource (terraform_data, input.kind campaigns-onboarding) is destroyed or replaced: the instance is offboarded.",
  check(subject) {
    const hook = hookOf(subject, "campaigns-onboarding");
    if (!hook || !removesObject(subject.kind)) return undefined;
    const again = subject.kind === "replace" ? ", then onboarded again" : "";
    return `offboards instance ${hook.instance} from outbound campaigns${again}`;
  },
};
