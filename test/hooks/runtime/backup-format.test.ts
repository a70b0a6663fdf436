// The backup file's time (`backedUpAt`) and its compatibility both ways: files written before it
// existed still parse, and the new member never reaches CreateCampaign.
import { join, sep } from "node:path";
import { parseBackup } from "../../../modules/hooks/runtime/backup-file";
import { serializeCampaign, serializeCampaignV2 } from "../../../modules/hooks/runtime";

const INSTANCE = "5a1c7e2b-3f4d-4e8a-9b6c-0d1e2f3a4b5c";
const ID = "c0ffee00-0000-4000-8000-000000000001";
const file = join(`${sep}backups`, "123456789012", "us-east-1", INSTANCE, `${ID}.json`);
const v1 = {
  id: ID,
  arn: `arn:aws:connect-campaigns:us-east-1:123456789012:campaign/${ID}`,
  name: "n",
  connectInstanceId: INSTANCE,
  dialerConfig: { predictiveDialerConfig: { bandwidthAllocation: 1 } },
  outboundCallConfig: { connectContactFlowId: "flow-1" },
};
const AT = "2026-12-01T10:00:00.000Z";

describe("backup files with and without backedUpAt", () => {
  test("a v1 file from before backedUpAt (the bare campaign) still parses, with no time", () => {
    const parsed = parseBackup(file, serializeCampaign(v1));
    expect(parsed).toMatchObject({ api: "v1", backupId: ID });
    expect(parsed).not.toHaveProperty("backedUpAt");
  });

  test("a timed v1 file: the time is read, the campaign's members are unchanged, CreateCampaign gets no backedUpAt", () => {
    const text = serializeCampaign(v1, AT);
    expect(JSON.parse(text)).toEqual({ backedUpAt: AT, ...v1 });
    const parsed = parseBackup(file, text);
    expect(parsed).toMatchObject({ api: "v1", backedUpAt: AT });
    expect(typeof parsed !== "string" && parsed.request).not.toHaveProperty("backedUpAt");
  });

  test("a timed v2 file: the time sits in the wrapper, not in the campaign", () => {
    const text = serializeCampaignV2(v1, AT);
    expect(Object.keys(JSON.parse(text))).toEqual(["api", "backedUpAt", "campaign"]);
    const parsed = parseBackup(file, text);
    expect(parsed).toMatchObject({ api: "v2", backedUpAt: AT });
    expect(typeof parsed !== "string" && parsed.request).not.toHaveProperty("backedUpAt");
    expect(parseBackup(file, serializeCampaignV2(v1))).not.toHaveProperty("backedUpAt");
  });

  test.each([[42], ["yesterday"], [null]])("backedUpAt %p is refused, naming the member", (value) => {
    expect(parseBackup(file, JSON.stringify({ ...v1, backedUpAt: value }))).toBe(`backedUpAt must be an ISO 8601 timestamp, got ${JSON.stringify(value)}`);
  });
});
