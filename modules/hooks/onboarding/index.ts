export { InstanceOnboarding, checkOnboardingSettings } from "./instance-onboarding";
export type { InstanceOnboardingProps } from "./instance-onboarding";
