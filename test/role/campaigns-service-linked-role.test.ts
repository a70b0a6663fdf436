import { Testing, TerraformStack } from "cdktf";
import { ValidationError } from "../../modules/validation";
import { only, synthJson } from "../support/synth";
import { adopt, create, fromLookup, fromRoleArn, MakeRole } from "./make-role";

const ROLE_ARN = "arn:aws:iam::111111111111:role/aws-service-role/connect-campaigns.amazonaws.com/AWSServiceRoleForConnectCampaigns_ops";

function synthRole(make: MakeRole) {
  const stack = new TerraformStack(Testing.app(), "test");
  const role = make(stack, "campaigns-role");
  return { role, json: synthJson(stack) };
}

function roleError(make: MakeRole): string {
  try {
    synthRole(make);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the construct to refuse these props");
}

describe("CampaignsServiceLinkedRole", () => {
  describe("new CampaignsServiceLinkedRole(): creates the role", () => {
    const { role: construct, json } = synthRole(create({ customSuffix: "ops", description: "Campaigns", tags: { team: "cc" } }));

    it("exposes the role resource it declared", () => {
      expect(construct.role).toBeDefined();
    });

    it("declares the service-linked role for connect-campaigns.amazonaws.com", () => {
      const role = only(json.resource?.aws_iam_service_linked_role, "aws_iam_service_linked_role");
      expect(role).toMatchObject({
        aws_service_name: "connect-campaigns.amazonaws.com",
        custom_suffix: "ops",
        description: "Campaigns",
        tags: { team: "cc" },
      });
      expect(role.lifecycle).toBeUndefined();
      expect(json.import).toBeUndefined();
    });

    it("reads the role back by the name IAM gave it, never a hard-coded name", () => {
      const role = only(json.resource?.aws_iam_service_linked_role, "role");
      const readBack = only(json.data?.aws_iam_role, "aws_iam_role");
      expect(readBack.name).toBe(`\${aws_iam_service_linked_role.${role.__name}.name}`);
      expect(readBack.depends_on).toContain(`aws_iam_service_linked_role.${role.__name}`);
      expect(JSON.stringify(json)).not.toMatch(/"AWSServiceRoleForConnectCampaigns"/);
    });

    it("fails the plan when the role is not under the campaigns path or does not trust the service", () => {
      const readBack = only<{ lifecycle: { postcondition: { condition: string; error_message: string }[] } }>(json.data?.aws_iam_role, "aws_iam_role");
      const [path, trust] = readBack.lifecycle.postcondition;
      expect(path.condition).toBe('${self.path == "/aws-service-role/connect-campaigns.amazonaws.com/"}');
      expect(trust.condition).toContain('contains(flatten([try(s.Principal.Service, [])]), "connect-campaigns.amazonaws.com")');
      expect(trust.error_message).toContain("does not trust connect-campaigns.amazonaws.com");
    });

    it("lists every campaigns role in the account by path", () => {
      const all = only(json.data?.aws_iam_roles, "aws_iam_roles");
      expect(all.path_prefix).toBe("/aws-service-role/connect-campaigns.amazonaws.com/");
      expect(all.lifecycle).toBeUndefined();
    });
  });

  describe("CampaignsServiceLinkedRole.adopt(): imports the existing role", () => {
    const { json } = synthRole(adopt({ roleArn: ROLE_ARN }));

    it("imports the existing role with an import block instead of creating it", () => {
      const role = only(json.resource?.aws_iam_service_linked_role, "aws_iam_service_linked_role");
      expect(json.import).toEqual([{ to: `aws_iam_service_linked_role.${role.__name}`, id: ROLE_ARN }]);
    });

    it("takes the suffix from the ARN so the import plans no replacement, and keeps the existing description", () => {
      const role = only(json.resource?.aws_iam_service_linked_role, "aws_iam_service_linked_role");
      expect(role.custom_suffix).toBe("ops");
      expect(role.lifecycle).toEqual({ ignore_changes: ["description"] });
    });

    it("manages the description when the props set one", () => {
      const role = only(synthRole(adopt({ roleArn: ROLE_ARN, description: "d" })).json.resource?.aws_iam_service_linked_role, "role");
      expect(role.description).toBe("d");
      expect(role.lifecycle).toBeUndefined();
    });
  });

  describe("fromRoleArn() / fromLookup(): only observe", () => {
    it("manages nothing and checks that the given role exists", () => {
      const { role, json } = synthRole(fromRoleArn(ROLE_ARN));
      expect(role.role).toBeUndefined();
      expect(json.resource).toBeUndefined();
      const all = only<{ lifecycle: { postcondition: { condition: string }[] } }>(json.data?.aws_iam_roles, "aws_iam_roles");
      expect(all.lifecycle.postcondition).toHaveLength(1);
      expect(all.lifecycle.postcondition[0].condition).toBe(`\${contains(self.arns, "${ROLE_ARN}")}`);
      expect(only(json.data?.aws_iam_role, "aws_iam_role").name).toBe("AWSServiceRoleForConnectCampaigns_ops");
    });

    it("without an ARN, requires exactly one campaigns role and reads it", () => {
      const { json } = synthRole(fromLookup);
      const all = only<{ lifecycle: { postcondition: { condition: string; error_message: string }[] } }>(json.data?.aws_iam_roles, "aws_iam_roles");
      expect(all.lifecycle.postcondition.map((c) => c.condition)).toEqual(["${length(self.arns) > 0}", "${length(self.arns) < 2}"]);
      expect(all.lifecycle.postcondition[0].error_message).toContain("No outbound campaigns service-linked role exists");
      expect(only(json.data?.aws_iam_role, "aws_iam_role").name).toBe(`\${one(tolist(data.aws_iam_roles.${all.__name}.names))}`);
    });
  });

  describe("bad props name the construct and the prop", () => {
    it.each<[string, MakeRole, string]>([
      ["suffix with a space", create({ customSuffix: "my ops" }), "test/campaigns-role: props.customSuffix: expected only IAM name characters"],
      ["empty suffix", create({ customSuffix: "" }), "props.customSuffix: expected a non-empty suffix"],
      ["suffix too long", create({ customSuffix: "x".repeat(31) }), "props.customSuffix: expected at most 30 characters"],
      // JavaScript callers of the earlier { mode } construct: refused, never a second role created.
      ["the constructor asked to adopt", create({ mode: "adopt", roleArn: ROLE_ARN } as never), "props.mode: the constructor creates the role; adopt one with CampaignsServiceLinkedRole.adopt"],
      ["the constructor given an ARN", create({ roleArn: ROLE_ARN } as never), "props.roleArn: the constructor creates the role"],
      ["adopt without ARN", adopt({} as never), "props.roleArn: is required to adopt a role"],
      ["adopt with a non-role ARN", adopt({ roleArn: "arn:aws:s3:::bucket" }), "props.roleArn: expected an IAM role ARN"],
      ["adopt with a role outside the campaigns path", adopt({ roleArn: "arn:aws:iam::111111111111:role/ops" }), "props.roleArn: expected the role path"],
      ["adopt with another suffix", adopt({ roleArn: ROLE_ARN, customSuffix: "dev" }), 'props.customSuffix: "dev" differs from the adopted role\'s suffix "ops"'],
      ["observe a non-role ARN", fromRoleArn("arn:aws:s3:::bucket"), "props.roleArn: expected an IAM role ARN"],
      // The config's tag rules (IAM's), for library users too: refused at synth, not by IAM at apply.
      ["a tag key with a character IAM refuses", create({ tags: { "a#b": "x" } }), 'test/campaigns-role: props.tags["a#b"]: expected only letters, digits, spaces and _ . : / = + - @ in a tag key (IAM\'s tag rules), got "#" in "a#b"'],
      ["a tag key reserved for AWS", create({ tags: { "aws:team": "x" } }), 'props.tags["aws:team"]: expected a tag key not starting with "aws:"'],
      ["a tag value too long", adopt({ roleArn: ROLE_ARN, tags: { team: "x".repeat(257) } }), 'props.tags["team"]: expected a tag value of at most 256 characters, got 257'],
      ["a description longer than IAM takes", create({ description: "d".repeat(1001) }), "props.description: expected at most 1000 characters, got 1001"],
      ["an ARN of a role with a 11-digit account", adopt({ roleArn: ROLE_ARN.replace("111111111111", "11111111111") }), "props.roleArn: expected an IAM role ARN like"],
    ])("%s", (_, make, message) => {
      expect(roleError(make)).toContain(message);
    });

    it("throws a ValidationError that carries the construct path and the prop", () => {
      let error: unknown;
      try {
        synthRole(create({ tags: { "a#b": "x" } }));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ name: "ValidationError", constructPath: "test/campaigns-role", prop: 'tags["a#b"]' });
    });

    it("exposes no prop-checking helpers on the role (its public API is its attributes)", () => {
      const { role } = synthRole(create());
      for (const member of ["fail", "checkSuffix", "parseArn", "refuse"]) expect((role as unknown as Record<string, unknown>)[member]).toBeUndefined();
    });

    it("accepts the longest suffix that fits in 64 characters", () => {
      const { json } = synthRole(create({ customSuffix: "x".repeat(30) }));
      expect(`AWSServiceRoleForConnectCampaigns_${"x".repeat(30)}`).toHaveLength(64);
      expect(only(json.resource?.aws_iam_service_linked_role, "role").custom_suffix).toBe("x".repeat(30));
    });
  });
});
