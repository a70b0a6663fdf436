import * as fs from "node:fs";
import * as path from "node:path";
import { ConfigError, loadRolloutConfig, parseRolloutConfig } from "../../modules/rollout";
import { MAX_CONFIG_BYTES } from "../../modules/rollout/load-config";
import { scratchDir } from "../support/terraform";

/** The problems a config text is refused with, as `file: path: message` lines. */
function refusal(text: string): string {
  try {
    parseRolloutConfig(text, "rollout.json", "/base");
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error("the config was accepted");
}

const TARGET = '{ "account": "111111111111", "region": "us-east-1" }';

describe("config input JSON.parse would lose without a word", () => {
  it("a duplicate key is refused with its JSON path and where it is repeated (the last one does not silently win)", () => {
    const text = `{\n  "defaults": { "allowCampaignDeletion": false,\n    "allowCampaignDeletion": true },\n  "targets": [${TARGET}]\n}`;
    expect(refusal(text)).toBe('rollout.json: $.defaults.allowCampaignDeletion: duplicate key "allowCampaignDeletion" (again at line 3 column 5): JSON parsers keep only one of them; write each key once');
  });

  it("duplicates deep in arrays, and keys with escapes, are named exactly; the same key in two objects is fine", () => {
    const text = `{ "targets": [${TARGET}, { "account": "222222222222", "region": "eu-west-2", "tags": { "a\\"b": "1", "a\\u0022b": "2" } }] }`;
    expect(refusal(text)).toMatch(/^rollout\.json: \$\.targets\[1\]\.tags\["a\\"b"\]: duplicate key "a\\"b" \(again at line 1 column \d+\)/);
    expect(() => parseRolloutConfig(`{ "targets": [${TARGET}, { "account": "222222222222", "region": "eu-west-2" }] }`, "rollout.json", "/base")).not.toThrow();
  });

  it("a tag key __proto__ is refused, not dropped silently", () => {
    const text = `{ "defaults": { "tags": { "__proto__": "x", "team": "cc" } }, "targets": [${TARGET}] }`;
    expect(refusal(text)).toBe('rollout.json: $.defaults.tags.__proto__: key "__proto__" is not accepted (at line 1 column 27): JavaScript objects cannot hold it as data, so it would be dropped; use another key');
  });

  it("a config file over the limit is refused before it is read, with a clear message", () => {
    const file = path.join(scratchDir("config-size"), "rollout.json");
    fs.writeFileSync(file, `{ "targets": [${TARGET}] }${" ".repeat(MAX_CONFIG_BYTES)}`);
    expect(() => loadRolloutConfig(file)).toThrow(`${file}: $: expected a config file of at most 4 MB, got 4.0 MB: a rollout config is a few KB`);
    expect(refusal(`{ "targets": [${TARGET}] }${" ".repeat(MAX_CONFIG_BYTES)}`)).toMatch(/^rollout\.json: \$: expected a config file of at most 4 MB/);
  });
});
