import * as fs from "node:fs";
import * as path from "node:path";
import { execFile } from "node:child_process";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { GetRoleCommand } from "@aws-sdk/client-iam";
import { terraformEnv } from "../../modules/terraform-cli";
import { useEmulator } from "../emulator/emulator";
import { emulatedAccount } from "../support/account";
import { terraformAndEmulator } from "../support/all-tools";
import { describeWithTools } from "../support/tiers";
import { scratchDir } from "../support/terraform";

const run = promisify(execFile);
const ROOT = path.join(__dirname, "..", "..");
const CDKTF = path.join(ROOT, "node_modules", ".bin", "cdktf");

/** How many users drive it: `npx cdktf deploy` / `npx cdktf destroy` (cdktf-cli 0.21.0). */
describeWithTools("lifecycle: cdktf deploy and cdktf destroy", terraformAndEmulator, () => {
  const emulator = useEmulator();

  it("deploys and destroys the app's stack, the destroy hook backing campaigns up", async () => {
    const account = await emulatedAccount(emulator(), "777777777777", "us-east-1");
    const instance = await account.createInstance();
    const project = scratchDir("cdktf-cli");
    const config = path.join(project, "rollout.json");
    fs.writeFileSync(
      config,
      JSON.stringify({
        defaults: { deployRoleArn: "arn:aws:iam::{account}:role/terraform-deploy", allowCampaignDeletion: true },
        targets: [{ account: "777777777777", region: "us-east-1", instances: [{ id: instance }] }],
      }),
    );
    // The project's cdktf.json, with the app pointing at this checkout (the scratch project has no node_modules).
    const cdktfJson = JSON.parse(fs.readFileSync(path.join(ROOT, "cdktf.json"), "utf8")) as { app: string };
    const tsx = pathToFileURL(path.join(ROOT, "node_modules", "tsx", "dist", "loader.mjs")).href;
    fs.writeFileSync(path.join(project, "cdktf.json"), JSON.stringify({ ...cdktfJson, app: `node --import ${tsx} ${path.join(ROOT, "main.ts")}` }));
    const env = terraformEnv({ ...process.env, ...emulator().env, ROLLOUT_CONFIG: config, CHECKPOINT_DISABLE: "1", CDKTF_DISABLE_PLUGIN_CACHE_ENV: "true", CI: "1" });
    const cdktf = (...args: string[]) => run(CDKTF, args, { cwd: project, env, maxBuffer: 64 * 1024 * 1024 });

    const deploy = await cdktf("deploy", "--auto-approve", "--skip-provider-lock");
    expect(deploy.stdout).toMatch(/Apply complete! Resources: 5 added, 0 changed, 0 destroyed/); // role, onboarding, its KMS key pin, cleanup, account guard
    const roleName = /role_name = (\S+)/.exec(deploy.stdout)?.[1]?.replaceAll('"', "");
    expect(roleName).toBe("AWSServiceRoleForConnectCampaigns");
    await account.createCampaigns(instance, 2);

    const destroy = await cdktf("destroy", "--auto-approve");
    expect(destroy.stdout).toMatch(/Destroy complete! Resources: 5 destroyed/);
    expect(fs.readdirSync(path.join(project, "campaign-backups", "777777777777", "us-east-1", instance))).toHaveLength(2);
    await expect(account.iam.send(new GetRoleCommand({ RoleName: roleName }))).rejects.toMatchObject({ name: "NoSuchEntityException" });
  });
});
