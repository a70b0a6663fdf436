import { target } from "./config-rules";

export const WAVES = [
  { name: "canary", maxConcurrency: 1 },
  { name: "broad", maxConcurrency: 3, failureTolerance: 1 },
];

/** Two accounts in two waves; the second Region of account 1 observes the role account 1 owns. */
export const TWO_WAVES = {
  waves: WAVES,
  defaults: { wave: "broad" },
  targets: [
    target("111111111111", "us-east-1", { wave: "canary" }),
    target("111111111111", "us-west-2", { role: { mode: "observe" } }),
    target("222222222222", "eu-west-2"),
  ],
};
