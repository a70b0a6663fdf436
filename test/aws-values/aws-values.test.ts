import { accountIdProblem, instanceIdProblem, kmsKeyArnProblem, kmsKeyRegion, kmsKeyRegionProblem, parseArn, regionProblem, roleArnAccount, tagsProblem } from "../../modules/aws-values";
import { parseCampaignsRoleArn } from "../../modules/role/names";

describe("the one ARN parser", () => {
  it("splits the six fields; the resource keeps its colons and slashes", () => {
    expect(parseArn("arn:aws:logs:us-east-1:111111111111:log-group:/a/b:*")).toEqual({ partition: "aws", service: "logs", region: "us-east-1", account: "111111111111", resource: "log-group:/a/b:*" });
    expect(parseArn("not-an-arn")).toBeUndefined();
    expect(parseArn("arn:aws:iam::111111111111")).toBeUndefined();
  });

  it("serves the role ARN, the deploy role's account and the KMS key alike", () => {
    expect(roleArnAccount("arn:aws:iam::222222222222:role/deploy")).toBe("222222222222");
    expect(roleArnAccount("arn:aws:s3:::bucket")).toBeUndefined();
    expect(parseCampaignsRoleArn("arn:aws-us-gov:iam::111111111111:role/aws-service-role/connect-campaigns.amazonaws.com/AWSServiceRoleForConnectCampaigns_x")).toEqual({
      partition: "aws-us-gov", account: "111111111111", name: "AWSServiceRoleForConnectCampaigns_x", customSuffix: "x",
    });
    expect(parseCampaignsRoleArn("arn:aws:iam::11111111111:role/aws-service-role/connect-campaigns.amazonaws.com/AWSServiceRoleForConnectCampaigns")).toMatch(/^expected an IAM role ARN/);
    expect(parseCampaignsRoleArn("arn:other:iam::111111111111:role/aws-service-role/connect-campaigns.amazonaws.com/AWSServiceRoleForConnectCampaigns")).toMatch(/^expected an IAM role ARN/);
    expect(kmsKeyRegion("arn:aws:kms:eu-west-2:111111111111:key/abc-1")).toBe("eu-west-2");
    expect(kmsKeyRegion("arn:aws:kms:eu-west-2:111111111111:alias/x")).toBeUndefined();
  });
});

describe("value rules: a problem phrased 'expected …', or undefined", () => {
  it.each<[string, string | undefined, RegExp | undefined]>([
    ["an 11-digit account", accountIdProblem("11111111111"), /^expected a 12-digit AWS account id$/],
    ["a 12-digit account", accountIdProblem("111111111111"), undefined],
    ["a Region without its dash", regionProblem("ap-southeast2"), /^expected an AWS Region code/],
    ["a Region code", regionProblem("ap-southeast-2"), undefined],
    ["an instance id that is no UUID", instanceIdProblem("not-a-uuid"), /^expected an Amazon Connect instance id/],
    ["a KMS alias", kmsKeyArnProblem("alias/campaigns"), /aliases are not accepted/],
    ["a KMS key of another Region", kmsKeyRegionProblem("arn:aws:kms:eu-west-2:111111111111:key/abc", "us-east-1"), /got a key in eu-west-2$/],
    ["a tag key IAM refuses", tagsProblem({ ok: "1", "a#b": "x" })?.problem, /got "#" in "a#b"$/],
  ])("%s", (_, problem, expected) => {
    if (expected === undefined) expect(problem).toBeUndefined();
    else expect(problem).toMatch(expected);
  });
});
