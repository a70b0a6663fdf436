export { InstanceOnboarding } from "./instance-onboarding";
export type { InstanceOnboardingProps } from "./instance-onboarding";
