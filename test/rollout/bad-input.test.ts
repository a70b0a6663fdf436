import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ConfigError, loadRolloutConfig, parseRolloutConfig } from "../../modules/rollout";
import { firstInvalidUtf8 } from "../../modules/rollout/config-text";
import { CONFIG_FILE, configProblems as problems } from "../support/config-problems";

const INSTANCE = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const target = (overrides: Record<string, unknown> = {}) => ({ account: "111111111111", region: "us-east-1", instances: [{ id: INSTANCE }], ...overrides });

function writeConfig(bytes: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bad-input-")), "rollout.json");
  fs.writeFileSync(file, bytes);
  return file;
}

function loadError(file: string): string {
  try {
    loadRolloutConfig(file);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected the config to be refused");
}

/** Characters a terminal does not show: a message must never carry one unescaped. */
const INVISIBLE = /[\p{C}\p{Zl}\p{Zp}]/u;

describe("encoding", () => {
  it("refuses bytes that are not UTF-8, naming the byte, its offset, line and column", () => {
    const text = Buffer.concat([Buffer.from('{\n  "defaults": { "tags": { "team": "caf'), Buffer.from([0xe9]), Buffer.from(`" } },\n  "targets": ${JSON.stringify([target()])}\n}`)]);
    const file = writeConfig(text);
    expect(loadError(file)).toBe(`${file}: $: expected UTF-8 text, got the byte 0xE9 at byte offset 40 (line 2 column 39), which is not valid UTF-8`);
  });

  it.each<[string, number[], number | undefined]>([
    ["ASCII", [0x61, 0x62], undefined],
    ["two-, three- and four-byte characters", [0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80], undefined],
    ["a lone continuation byte", [0x61, 0x80], 1],
    ["an overlong form", [0xc0, 0xaf], 0],
    ["a truncated sequence", [0x61, 0xe2, 0x82], 1],
    ["a UTF-16 surrogate", [0xed, 0xa0, 0x80], 0],
    ["beyond U+10FFFF", [0xf4, 0x90, 0x80, 0x80], 0],
  ])("finds the first invalid byte in %s", (_, bytes, offset) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(offset);
  });

  it("accepts a UTF-8 byte order mark and drops it, from a file or from text", () => {
    const json = JSON.stringify({ targets: [target()] });
    const file = writeConfig(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]));
    expect(loadRolloutConfig(file).targets[0].stackId).toBe("campaigns-111111111111-us-east-1");
    expect(parseRolloutConfig(`\uFEFF${json}`, CONFIG_FILE).targets).toHaveLength(1);
  });

  it("after a byte order mark, a problem's message starts with the file name, not an invisible character", () => {
    const file = writeConfig(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ targets: [target({ account: "1" })] }))]));
    const message = loadError(file);
    expect(message).toBe(`${file}: $.targets[0].account: expected a 12-digit AWS account id, got "1" (1 digit)`);
    expect(message).not.toMatch(INVISIBLE);
  });

  it.each([
    ["UTF-16", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"targets": []}', "utf16le")])],
    ["UTF-32", Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x7b, 0, 0, 0])],
  ])("refuses a %s file by name", (name, bytes) => {
    const file = writeConfig(bytes);
    expect(loadError(file)).toBe(`${file}: $: expected UTF-8 text, got a ${name} byte order mark: save the file as UTF-8`);
  });

  it("escapes invisible characters in keys and values it quotes", () => {
    const lines = problems({ "\uFEFFtargets": [], targets: [target({ account: "1\u200b" })] });
    expect(lines).toEqual([
      '$.targets[0].account: expected a 12-digit AWS account id, got "1\\u200b"',
      expect.stringMatching(/^\$\["\\ufefftargets"\]: unknown key "\\ufefftargets": did you mean "targets"\?/),
    ]);
    for (const line of lines) expect(line).not.toMatch(INVISIBLE);
  });
});

describe("tags follow IAM's rules (key 1-128, value 0-256 characters; letters, digits, spaces, _ . : / = + - @; no aws: keys)", () => {
  it("accepts what IAM accepts, lengths counted in characters", () => {
    const tags = { "cost-center": "", "Équipe / team": "Ventes @ Paris: +33 = 1", [`${"ä".repeat(128)}`]: "ß".repeat(256), "dept 2": "日本語" };
    expect(parseRolloutConfig(JSON.stringify({ defaults: { tags }, targets: [target()] }), CONFIG_FILE).targets[0].tags).toEqual(tags);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["an aws: key in defaults.tags", { defaults: { tags: { "aws:createdBy": "me" } } }, '$.defaults.tags["aws:createdBy"]: expected a tag key not starting with "aws:" (reserved for AWS), got "aws:createdBy"'],
    ["an AWS: key in any case", { defaults: { tags: { "AWS:x": "1" } } }, '$.defaults.tags["AWS:x"]: expected a tag key not starting with "aws:"'],
    ["a key of 129 characters", { targetTags: { ["k".repeat(129)]: "v" } }, `$.targets[0].tags.${"k".repeat(129)}: expected a tag key of at most 128 characters, got 129`],
    ["an empty key", { targetTags: { "": "v" } }, '$.targets[0].tags[""]: expected a tag key of 1-128 characters, got an empty key'],
    ["a key with a character IAM refuses", { targetTags: { "team*": "v" } }, '$.targets[0].tags["team*"]: expected only letters, digits, spaces and _ . : / = + - @ in a tag key (IAM\'s tag rules), got "*" in "team*"'],
    ["a value of 257 characters", { targetTags: { team: "v".repeat(257) } }, "$.targets[0].tags.team: expected a tag value of at most 256 characters, got 257"],
    ["a value with a control character", { targetTags: { team: "a\u0007b" } }, '$.targets[0].tags.team: expected only letters, digits, spaces and _ . : / = + - @ in a tag value (IAM\'s tag rules), got "\\u0007" in "a\\u0007b"'],
    ["a value with a comma", { roleTags: { team: "a,b" } }, '$.targets[0].role.tags.team: expected only letters, digits, spaces and _ . : / = + - @ in a tag value (IAM\'s tag rules), got "," in "a,b"'],
    ["an aws: key on the role", { roleTags: { "aws:x": "1" } }, '$.targets[0].role.tags["aws:x"]: expected a tag key not starting with "aws:"'],
  ])("refuses %s", (_, where, expected) => {
    const { defaults, targetTags, roleTags } = where as { defaults?: unknown; targetTags?: unknown; roleTags?: unknown };
    const config = { defaults, targets: [target({ tags: targetTags, role: roleTags ? { mode: "create", tags: roleTags } : undefined })] };
    expect(problems(config)).toEqual([expect.stringContaining(expected)]);
  });
});

describe("unknown keys", () => {
  it.each<[string, unknown, string]>([
    ["a target key", { targets: [target({ regoin: "us-east-1" })] }, '$.targets[0].regoin: unknown key "regoin": did you mean "region"?'],
    ["a top-level key", { target: [], targets: [target()] }, '$.target: unknown key "target": did you mean "targets"?'],
    ["a defaults key", { defaults: { allowCampaignDeletions: true }, targets: [target()] }, '$.defaults.allowCampaignDeletions: unknown key "allowCampaignDeletions": did you mean "allowCampaignDeletion"?'],
    ["a key of the role mode written", { targets: [target({ role: { mode: "adopt", arn: "arn:aws:iam::111111111111:role/aws-service-role/connect-campaigns.amazonaws.com/AWSServiceRoleForConnectCampaigns", Arn: "x" } })] }, '$.targets[0].role.Arn: unknown key "Arn": did you mean "arn"? expected only "mode", "arn", "description", "tags" here'],
    ["a key of the backend type written", { targets: [target({ backend: { type: "s3", bucket: "state-bucket", useLockFile: true } })] }, '$.targets[0].backend.useLockFile: unknown key "useLockFile": did you mean "useLockfile"?'],
    ["an instance key", { targets: [target({ instances: [{ id: INSTANCE, kmsKey: "x" }] })] }, '$.targets[0].instances[0].kmsKey: unknown key "kmsKey": did you mean "kmsKeyArn"?'],
    ["a wave key", { waves: [{ name: "a", maxConcurency: 2 }], targets: [target({ wave: "a" })] }, '$.waves[0].maxConcurency: unknown key "maxConcurency": did you mean "maxConcurrency"?'],
  ])("suggest the nearest allowed key for %s", (_, config, expected) => {
    expect(problems(config)).toEqual([expect.stringContaining(expected)]);
  });

  it("suggest nothing when no allowed key is near, and list the allowed keys", () => {
    expect(problems({ targets: [target({ owner: "me" })] })).toEqual([
      '$.targets[0].owner: unknown key "owner": expected only "account", "region", "instances", "retired", "deployRoleArn", "tags", "allowCampaignDeletion", "backend", "campaignBackup", "role", "onboardingTimeoutSeconds", "allowUnlistedRegion", "wave" here (see examples/rollout.schema.json)',
    ]);
  });
});

describe("many problems", () => {
  it("shows the first 49 and sums up the rest in a 50th line; the error keeps them all", () => {
    const config = { targets: Array.from({ length: 3000 }, () => ({ account: "1", region: "us-east-1" })) };
    let error: ConfigError | undefined;
    try {
      parseRolloutConfig(JSON.stringify(config), CONFIG_FILE);
    } catch (caught) {
      error = caught as ConfigError;
    }
    expect(error?.problems).toHaveLength(3000);
    const lines = error!.message.split("\n");
    expect(lines).toHaveLength(50);
    expect(lines[48]).toBe(`${CONFIG_FILE}: $.targets[48].account: expected a 12-digit AWS account id, got "1" (1 digit)`);
    expect(lines[49]).toBe(`${CONFIG_FILE}: … and 2951 more problems`);
  });

  it("prints 50 lines or fewer without a summary", () => {
    const config = { targets: Array.from({ length: 50 }, () => ({ account: "1", region: "us-east-1" })) };
    expect(() => parseRolloutConfig(JSON.stringify(config), CONFIG_FILE)).toThrow(expect.objectContaining({ message: expect.not.stringContaining("more problems") }));
  });
});
