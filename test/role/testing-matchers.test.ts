import "cdktf/lib/testing/adapters/jest";
import { Testing, TerraformStack } from "cdktf";
import { IamServiceLinkedRole } from "@cdktf/provider-aws/lib/iam-service-linked-role";
import { DataAwsIamRole } from "@cdktf/provider-aws/lib/data-aws-iam-role";
import { DataAwsIamRoles } from "@cdktf/provider-aws/lib/data-aws-iam-roles";
import { CampaignsServiceLinkedRole, CampaignsServiceLinkedRoleProps } from "../../modules/role";

Testing.setupJest();

const ADOPTED = "arn:aws:iam::111111111111:role/aws-service-role/connect-campaigns.amazonaws.com/AWSServiceRoleForConnectCampaigns";

function synth(props: CampaignsServiceLinkedRoleProps): string {
  const stack = new TerraformStack(Testing.app(), "test");
  new CampaignsServiceLinkedRole(stack, "campaigns-role", props);
  return Testing.synth(stack);
}

/** The same contract as campaigns-service-linked-role.test.ts, through cdktf's own Testing matchers. */
describe("CampaignsServiceLinkedRole with cdktf's Testing matchers", () => {
  it.each<[string, CampaignsServiceLinkedRoleProps]>([
    ["create", { mode: "create", customSuffix: "ops" }],
    ["adopt", { mode: "adopt", roleArn: ADOPTED }],
  ])("%s mode declares the role for connect-campaigns.amazonaws.com and reads it back", (_, props) => {
    const synthesized = synth(props);
    expect(synthesized).toHaveResourceWithProperties(IamServiceLinkedRole, { aws_service_name: "connect-campaigns.amazonaws.com" });
    expect(synthesized).toHaveDataSource(DataAwsIamRole);
    expect(synthesized).toHaveDataSourceWithProperties(DataAwsIamRoles, { path_prefix: "/aws-service-role/connect-campaigns.amazonaws.com/" });
  });

  it("create mode with a suffix sets it", () => {
    expect(synth({ customSuffix: "ops" })).toHaveResourceWithProperties(IamServiceLinkedRole, { custom_suffix: "ops" });
  });

  it("observe mode declares no role, only the reads", () => {
    const synthesized = synth({ mode: "observe", roleArn: ADOPTED });
    expect(synthesized).not.toHaveResource(IamServiceLinkedRole);
    expect(synthesized).toHaveDataSourceWithProperties(DataAwsIamRole, { name: "AWSServiceRoleForConnectCampaigns" });
  });

  it.each<[string, CampaignsServiceLinkedRoleProps]>([
    ["a bad suffix", { customSuffix: "a b" }],
    ["adopt without an ARN", { mode: "adopt" }],
    ["observe with tags", { mode: "observe", tags: { a: "b" } }],
  ])("refuses %s before anything is synthesized", (_, props) => {
    expect(() => synth(props)).toThrow(/^test\/campaigns-role: props\.\w+: /);
  });
});
