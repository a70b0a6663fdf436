import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { documentedMirrors, projectDirProblem } from "../../modules/terraform-cli";
import { scratchDir } from "../support/terraform";

describe("the provider mirror is looked for only where the README says", () => {
  it("the documented places, none under the shared temp dir; no filesystem search", () => {
    const places = documentedMirrors("/home/me");
    expect(places).toEqual(["/opt/tf-plugins", "/usr/share/terraform/plugins", "/usr/local/share/terraform/plugins", "/home/me/.terraform.d/plugins"]);
    for (const place of places) expect(place.startsWith(os.tmpdir())).toBe(false);
    const source = fs.readFileSync(path.join(__dirname, "..", "..", "modules", "terraform-cli", "provider-mirror.ts"), "utf8");
    expect(source).not.toMatch(/execFileSync|"find"/);
  });

  it("each documented place is in the README", () => {
    const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
    for (const place of documentedMirrors("~")) expect(readme).toContain(`\`${place}\``);
  });
});

describe("the project's folder under the temp dir is checked before it is used", () => {
  it("created 0700 when missing, and accepted", () => {
    const dir = path.join(scratchDir("project-dir"), "connect-campaigns-iac");
    expect(projectDirProblem(dir)).toBeUndefined();
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
  });

  it("refused when group- or world-writable, naming the folder and the way out", () => {
    const dir = path.join(scratchDir("project-dir"), "connect-campaigns-iac");
    fs.mkdirSync(dir);
    fs.chmodSync(dir, 0o777);
    expect(projectDirProblem(dir)).toBe(
      `${dir} is writable by its group or by others (mode 777): it holds the Terraform CLI config that chooses the provider binary, so it is not used; remove it, or set TF_CLI_CONFIG_FILE to a CLI config of your own`,
    );
  });

  it("refused when it is a symlink (to a folder someone else planted)", () => {
    const root = scratchDir("project-dir");
    fs.mkdirSync(path.join(root, "planted"), { mode: 0o700 });
    const dir = path.join(root, "connect-campaigns-iac");
    fs.symlinkSync(path.join(root, "planted"), dir);
    expect(projectDirProblem(dir)).toMatch(/is not a directory \(a symlink\?\)/);
  });

  it.each([path.join(os.tmpdir(), "connect-campaigns-iac")])("this machine's %s passes (the tests and CI use it)", (dir) => {
    expect(projectDirProblem(dir)).toBeUndefined();
  });
});
