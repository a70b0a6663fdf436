import * as fs from "node:fs";
import * as path from "node:path";
import { pluginCacheDir, projectCliConfig } from "../../modules/terraform-cli";
import { scratchDir } from "../support/terraform";

/**
 * The CLI config the project writes: providers from a registry go through one shared plugin cache,
 * so N stacks download a provider once; from a filesystem mirror they are symlinked, so no cache
 * is needed (test/review/plan-review.test.ts measures .terraform after a real init).
 */
describe("the project's Terraform CLI config", () => {
  it("sets plugin_cache_dir when providers come from a registry, and pluginCacheDir reads it back", () => {
    const dir = scratchDir("cli-config");
    const file = path.join(dir, "terraform.rc");
    fs.writeFileSync(file, projectCliConfig(null, "/var/cache/tf-plugins"));
    expect(fs.readFileSync(file, "utf8")).toBe('plugin_cache_dir = "/var/cache/tf-plugins"\n');
    expect(pluginCacheDir({ TF_CLI_CONFIG_FILE: file })).toBe("/var/cache/tf-plugins");
    expect(pluginCacheDir({ TF_CLI_CONFIG_FILE: file, TF_PLUGIN_CACHE_DIR: "/mine" })).toBe("/mine");
  });

  it("installs from the mirror, with no cache to fill, when there is one", () => {
    const dir = scratchDir("cli-config");
    const file = path.join(dir, "terraform.rc");
    const text = projectCliConfig("/opt/tf-plugins", "/var/cache/tf-plugins");
    fs.writeFileSync(file, text);
    expect(text).toContain('filesystem_mirror {\n    path    = "/opt/tf-plugins"');
    expect(pluginCacheDir({ TF_CLI_CONFIG_FILE: file })).toBeUndefined();
  });
});
