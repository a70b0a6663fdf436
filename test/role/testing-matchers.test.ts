import "cdktf/lib/testing/adapters/jest";
import { Testing, TerraformStack } from "cdktf";
import { IamServiceLinkedRole } from "@cdktf/provider-aws/lib/iam-service-linked-role";
import { DataAwsIamRole } from "@cdktf/provider-aws/lib/data-aws-iam-role";
import { DataAwsIamRoles } from "@cdktf/provider-aws/lib/data-aws-iam-roles";
import { adopt, create, fromRoleArn, MakeRole } from "./make-role";

Testing.setupJest();

const ADOPTED = "arn:aws:iam::111111111111:role/aws-service-role/connect-campaigns.amazonaws.com/AWSServiceRoleForConnectCampaigns";

function synth(make: MakeRole): string {
  const stack = new TerraformStack(Testing.app(), "test");
  make(stack, "campaigns-role");
  return Testing.synth(stack);
}

/** The same contract as campaigns-service-linked-role.test.ts, through cdktf's own Testing matchers. */
describe("CampaignsServiceLinkedRole with cdktf's Testing matchers", () => {
  it.each<[string, MakeRole]>([
    ["create", create({ customSuffix: "ops" })],
    ["adopt", adopt({ roleArn: ADOPTED })],
  ])("%s declares the role for connect-campaigns.amazonaws.com and reads it back", (_, make) => {
    const synthesized = synth(make);
    expect(synthesized).toHaveResourceWithProperties(IamServiceLinkedRole, { aws_service_name: "connect-campaigns.amazonaws.com" });
    expect(synthesized).toHaveDataSource(DataAwsIamRole);
    expect(synthesized).toHaveDataSourceWithProperties(DataAwsIamRoles, { path_prefix: "/aws-service-role/connect-campaigns.amazonaws.com/" });
  });

  it("create with a suffix sets it", () => {
    expect(synth(create({ customSuffix: "ops" }))).toHaveResourceWithProperties(IamServiceLinkedRole, { custom_suffix: "ops" });
  });

  it("fromRoleArn declares no role, only the reads", () => {
    const synthesized = synth(fromRoleArn(ADOPTED));
    expect(synthesized).not.toHaveResource(IamServiceLinkedRole);
    expect(synthesized).toHaveDataSourceWithProperties(DataAwsIamRole, { name: "AWSServiceRoleForConnectCampaigns" });
  });

  it.each<[string, MakeRole]>([
    ["a bad suffix", create({ customSuffix: "a b" })],
    ["adopt without an ARN", adopt({} as never)],
    ["observe a bad ARN", fromRoleArn("arn:aws:iam::111111111111:role/ops")],
  ])("refuses %s before anything is synthesized", (_, make) => {
    expect(() => synth(make)).toThrow(/^test\/campaigns-role: props\.\w+: /);
  });
});
