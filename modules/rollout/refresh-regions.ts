/**
 * Regenerates `campaigns-regions.ts` (the Region table) from AWS's endpoint data as botocore
 * ships it:
 *
 *   node --import tsx modules/rollout/refresh-regions.ts            rewrite the table
 *   node --import tsx modules/rollout/refresh-regions.ts --check    exit 1 when it differs
 *
 * Why botocore: the AWS SDK for JavaScript v3 resolves endpoints from partition rules (any Region
 * of the partition gets a hostname), so it holds no per-service Region list; botocore's
 * `data/endpoints.json` does, and python3 with botocore is installed wherever moto is.
 * Needs python3 with botocore (`pip install botocore`); nothing at run time reads botocore.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/** The endpoint-data service name of outbound campaigns (its SDK signing name too). */
export const ENDPOINTS_SERVICE = "connect-campaigns";

/** The generated table this script writes. */
export const REGIONS_TABLE_FILE = path.join(__dirname, "campaigns-regions.ts");

/** What botocore says, or why it could not be asked. */
export type BotocoreRegions =
  | { readonly ok: true; readonly version: string; readonly regions: Readonly<Record<string, string>> }
  | { readonly ok: false; readonly reason: string };

/*
 * A Region is an endpoint key that its partition lists under `regions` (which also gives its
 * name). That leaves out `fips-us-east-1` and `fips-us-west-2`: deprecated pseudo-Regions whose
 * credential scope is us-east-1 / us-west-2. FIPS is a variant of those two Regions' endpoints
 * (the SDK takes it with AWS_USE_FIPS_ENDPOINT=true), not a Region a target can name.
 */
const READ_ENDPOINTS = `
import botocore, gzip, json, os
data = os.path.join(os.path.dirname(botocore.__file__), "data", "endpoints.json")
raw = open(data, "rb").read() if os.path.exists(data) else gzip.open(data + ".gz").read()
regions = {}
for partition in json.loads(raw)["partitions"]:
    for code in partition["services"].get(${JSON.stringify(ENDPOINTS_SERVICE)}, {}).get("endpoints", {}):
        if code in partition["regions"]:
            regions[code] = partition["regions"][code].get("description", code)
print(json.dumps({"version": botocore.__version__, "regions": regions}))
`;

/** Asks botocore (through python3) which Regions serve outbound campaigns. */
export function readBotocoreRegions(python = process.env.PYTHON ?? "python3"): BotocoreRegions {
  const run = spawnSync(python, ["-c", READ_ENDPOINTS], { encoding: "utf8" });
  if (run.error) return { ok: false, reason: `${python} is not available (${(run.error as NodeJS.ErrnoException).code ?? run.error.message})` };
  if (run.status !== 0) {
    const last = run.stderr.trim().split("\n").pop() ?? "";
    return { ok: false, reason: `${python} could not read botocore's endpoints.json: ${last}` };
  }
  const { version, regions } = JSON.parse(run.stdout) as { version: string; regions: Record<string, string> };
  if (Object.keys(regions).length === 0) return { ok: false, reason: `botocore ${version} lists no endpoint for ${ENDPOINTS_SERVICE}` };
  return { ok: true, version, regions };
}

/** The text of `campaigns-regions.ts` for these Regions (sorted by code, so diffs stay small). */
export function renderRegionsTable(version: string, regions: Readonly<Record<string, string>>): string {
  const rows = Object.keys(regions)
    .sort()
    .map((code) => `  ${JSON.stringify(code)}: ${JSON.stringify(regions[code])},`);
  return `/**
 * AWS Regions where Amazon Connect outbound campaigns is served, with their names.
 *
 * GENERATED — do not edit by hand. Source: AWS's endpoint data as botocore ${version} ships it,
 * \`botocore/data/endpoints.json\`, service "${ENDPOINTS_SERVICE}": every endpoint that its
 * partition lists as a Region. The FIPS endpoints (fips-us-east-1, fips-us-west-2) are variants of
 * us-east-1 and us-west-2, not Regions: name the Region and set AWS_USE_FIPS_ENDPOINT=true.
 * Refresh: \`node --import tsx modules/rollout/refresh-regions.ts\` (python3 with botocore);
 * test/rollout/regions.test.ts fails when this table and the installed botocore disagree.
 * A Region AWS adds before this table has it: \`"allowUnlistedRegion": true\` on the target.
 */
export const CAMPAIGNS_REGIONS_SOURCE = ${JSON.stringify(`botocore ${version} data/endpoints.json, service ${ENDPOINTS_SERVICE}`)};

export const CAMPAIGNS_REGIONS: Readonly<Record<string, string>> = {
${rows.join("\n")}
};
`;
}

function main(argv: readonly string[]): number {
  const botocore = readBotocoreRegions();
  if (!botocore.ok) {
    process.stderr.write(`refresh-regions: ${botocore.reason}\n`);
    return 1;
  }
  const text = renderRegionsTable(botocore.version, botocore.regions);
  const current = fs.existsSync(REGIONS_TABLE_FILE) ? fs.readFileSync(REGIONS_TABLE_FILE, "utf8") : "";
  const relative = path.relative(process.cwd(), REGIONS_TABLE_FILE);
  if (argv.includes("--check")) {
    process.stdout.write(current === text ? `${relative} matches botocore ${botocore.version}\n` : `${relative} differs from botocore ${botocore.version}: run without --check\n`);
    return current === text ? 0 : 1;
  }
  fs.writeFileSync(REGIONS_TABLE_FILE, text);
  process.stdout.write(`${relative}: ${Object.keys(botocore.regions).length} Regions from botocore ${botocore.version}\n`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
