import { renderMarkdown, reviewPlans } from "../../modules/review";
import { CAMPAIGNS_ROLE, planDoc, resourceChange, reviewDoc, writePlans } from "./support/plans";

const SECRET = "s3cr3t-do-not-print";

describe("review edge cases (hand-written plans)", () => {
  it("never prints a sensitive value, whole or nested, in Markdown or JSON", async () => {
    const doc = planDoc(
      [
        resourceChange("aws_db_instance.main", {
          actions: ["update"],
          before: { password: SECRET, settings: { token: SECRET, size: 1 }, list: [SECRET, "ok"] },
          after: { password: `${SECRET}-2`, settings: { token: `${SECRET}-3`, size: 2 }, list: [`${SECRET}-4`, "ok"] },
          before_sensitive: { password: true, settings: { token: true }, list: [true, false] },
          after_sensitive: { password: true, settings: { token: true }, list: [true, false] },
        }),
        resourceChange("terraform_data.hidden", { actions: ["delete"], before: { input: { kind: "campaigns-cleanup", instance_id: SECRET } }, after: null, before_sensitive: true }),
      ],
      { output_changes: { secret: { actions: ["update"], before: SECRET, after: `${SECRET}-5`, before_sensitive: true, after_sensitive: true, after_unknown: false } }, prior_state: { values: { secret: SECRET } } },
    );
    const { doc: file } = writePlans({ doc });
    const report = await reviewPlans([file]);
    const printed = `${renderMarkdown(report)}${JSON.stringify(report)}`;
    expect(printed).not.toContain(SECRET);
    const [db] = report.stacks[0].changes.filter((c) => c.type === "aws_db_instance");
    expect(db.attributes).toEqual([
      { name: "list", before: "(sensitive)", after: "(sensitive)" },
      { name: "password", before: "(sensitive)", after: "(sensitive)" },
      { name: "settings", before: "(sensitive)", after: "(sensitive)" },
    ]);
    expect(report.stacks[0].outputs).toEqual([{ name: "secret", kind: "update", before: "(sensitive)", after: "(sensitive)" }]);
  });

  it("shows unknown values as (known after apply)", () => {
    const stack = reviewDoc(
      planDoc([
        resourceChange("aws_iam_service_linked_role.role", {
          actions: ["update"],
          before: { ...CAMPAIGNS_ROLE, description: "old" },
          after: { ...CAMPAIGNS_ROLE, description: null },
          after_unknown: { description: true },
        }),
      ]),
    );
    expect(stack.changes[0]).toMatchObject({ risk: "medium", attributes: [{ name: "description", before: '"old"', after: "(known after apply)" }] });
    expect(renderMarkdown({ version: 1, risk: stack.risk, stacks: [stack] })).toContain("`(known after apply)`");
  });

  it("recognises the role and hooks inside modules, and lists unknown resource types generically", () => {
    const stack = reviewDoc(
      planDoc([
        resourceChange("module.campaigns.aws_iam_service_linked_role.role", { actions: ["create", "delete"], before: CAMPAIGNS_ROLE, after: CAMPAIGNS_ROLE }),
        resourceChange('module.x.module.y.terraform_data.hook["a"]', {
          actions: ["delete"],
          before: { input: { kind: "campaigns-cleanup", instance_id: "inst-1", allow_campaign_deletion: true } },
          after: null,
        }),
        resourceChange("acme_widget.thing", { actions: ["create"], before: null, after: { size: 3 } }),
      ]),
    );
    expect(stack.changes.map((c) => [c.address, c.kind, c.risk, c.findings[0].rule])).toEqual([
      ["module.campaigns.aws_iam_service_linked_role.role", "replace", "high", "campaigns-role-removed"],
      ['module.x.module.y.terraform_data.hook["a"]', "delete", "high", "campaigns-deleted-by-hook"],
      ["acme_widget.thing", "create", "low", "change"],
    ]);
  });

  it("reports drift briefly, names only", () => {
    const stack = reviewDoc(
      planDoc([], {
        resource_drift: [
          resourceChange("aws_iam_service_linked_role.role", { actions: ["update"], before: { ...CAMPAIGNS_ROLE, description: "a" }, after: { ...CAMPAIGNS_ROLE, description: "b" } }),
          resourceChange("aws_s3_bucket.gone", { actions: ["delete"], before: { bucket: "x" }, after: null }),
        ],
      }),
    );
    expect(stack.drift).toEqual([
      { address: "aws_iam_service_linked_role.role", kind: "update", attributes: ["description"] },
      { address: "aws_s3_bucket.gone", kind: "delete", attributes: [] },
    ]);
    expect(renderMarkdown({ version: 1, risk: stack.risk, stacks: [stack] })).toContain(
      "**Changed outside Terraform** (seen while planning): `aws_iam_service_linked_role.role` changed (description); `aws_s3_bucket.gone` deleted.",
    );
  });

  it("says there is nothing to review for an empty plan (no resource_changes at all)", () => {
    const stack = reviewDoc({ format_version: "1.2", terraform_version: "1.11.4", planned_values: { root_module: {} } }, "campaigns-111111111111-eu-west-2");
    expect(stack).toMatchObject({ stack: "campaigns-111111111111-eu-west-2", account: "111111111111", region: "eu-west-2", risk: "none", changes: [] });
    const markdown = renderMarkdown({ version: 1, risk: "none", stacks: [stack] });
    expect(markdown).toContain("Nothing to review: 1 stack planned, no changes.");
    expect(markdown).toContain("No changes.");
  });

  it.each(["0.1", "1.2"])("reads format_version %s", (version) => {
    const stack = reviewDoc({
      format_version: version,
      terraform_version: version === "0.1" ? "0.14.11" : "1.5.7",
      planned_values: { root_module: {} },
      resource_changes: [resourceChange("aws_iam_service_linked_role.role", { actions: ["delete"], before: CAMPAIGNS_ROLE, after: null })],
      configuration: { provider_config: { aws: { name: "aws", expressions: { region: { constant_value: "us-west-2" }, allowed_account_ids: { constant_value: ["222222222222"] } } } } },
    });
    expect(stack).toMatchObject({ formatVersion: version, stack: "campaigns-222222222222-us-west-2", account: "222222222222", region: "us-west-2", risk: "high" });
  });
});
