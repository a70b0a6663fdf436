// unique-state: each target keeps its Terraform state in an S3 object of its own; two targets
// sharing one would overwrite each other's state.
import { configProblems } from "../../support/config-problems";
import { accepted, describeConfigRule, target } from "../../support/config-rules";

const s3 = (backend: Record<string, unknown>) => ({
  defaults: { backend: { type: "s3", ...backend } },
  targets: [target("111111111111", "us-east-1"), target("111111111111", "us-west-2", { role: { mode: "observe" } }), target("222222222222", "us-east-1")],
});

describeConfigRule("unique-state", () => {
  it("keeps each target's state in its own object of one central bucket by default key", () => {
    const backends = accepted(s3({ bucket: "central-tfstate", region: "eu-west-1" })).targets.map((t) => t.backend);
    expect(backends.map((b) => b.type === "s3" && `${b.region} s3://${b.bucket}/${b.key}`)).toEqual([
      "eu-west-1 s3://central-tfstate/connect-campaigns/111111111111/us-east-1/terraform.tfstate",
      "eu-west-1 s3://central-tfstate/connect-campaigns/111111111111/us-west-2/terraform.tfstate",
      "eu-west-1 s3://central-tfstate/connect-campaigns/222222222222/us-east-1/terraform.tfstate",
    ]);
  });

  it("accepts a key without {account} when the bucket is per account", () => {
    expect(() => accepted(s3({ bucket: "tfstate-{account}", key: "campaigns/{region}.tfstate" }))).not.toThrow();
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    [
      "a key template without {region}: one account's two Regions share an object",
      { bucket: "tfstate-{account}", key: "campaigns/{account}.tfstate" },
      ["$.targets[1].backend: expected a state object of its own, but s3://tfstate-111111111111/campaigns/111111111111.tfstate is also the state of $.targets[0]: put {account} and {region} in the backend key template"],
    ],
    [
      "a central bucket with a key without {account}: two accounts share an object",
      { bucket: "central-tfstate", key: "campaigns/{region}.tfstate" },
      ["$.targets[2].backend: expected a state object of its own, but s3://central-tfstate/campaigns/us-east-1.tfstate is also the state of $.targets[0]: put {account} and {region} in the backend key template"],
    ],
  ])("refuses %s", (_, backend, expected) => {
    expect(configProblems(s3(backend))).toEqual(expected);
  });
});
