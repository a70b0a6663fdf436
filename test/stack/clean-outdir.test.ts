import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { cleanOutdir } from "../../modules/stack";

function write(file: string, content = "{}"): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

/**
 * The synth's cleaning of its output directory never loses what only exists there: a folder of a
 * stack left out of this synth goes, unless it holds a state file or campaign backups (the destroy
 * hook writes them inside the stack folder when `$CAMPAIGN_BACKUP_DIR` is relative).
 */
describe("cleanOutdir", () => {
  it("removes folders of stacks not synthesized, keeps those holding state or campaign backups, and drops every plan", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "clean-outdir-"));
    const stacks = path.join(outdir, "stacks");
    for (const id of ["wanted", "with-backups", "with-state", "leftover"]) {
      write(path.join(stacks, id, "cdk.tf.json"));
      write(path.join(stacks, id, "plan.json"));
    }
    const backup = path.join(stacks, "with-backups", "backups", "123456789012", "us-east-1", "inst-1", "camp-1.json");
    write(backup, '{"id":"camp-1"}');
    write(path.join(stacks, "with-state", "terraform.tfstate"));
    // Terraform's own folder holds nothing of ours, whatever its files look like.
    write(path.join(stacks, "leftover", ".terraform", "123456789012", "us-east-1", "x", "y.json"));

    const cleaned = cleanOutdir(outdir, ["wanted"]);

    expect({ removed: cleaned.removed, kept: [...cleaned.kept].sort() }).toEqual({ removed: ["leftover"], kept: ["with-backups", "with-state"] });
    expect(fs.readFileSync(backup, "utf8")).toBe('{"id":"camp-1"}');
    expect(fs.readdirSync(stacks).sort()).toEqual(["wanted", "with-backups", "with-state"]);
    for (const id of ["wanted", "with-backups", "with-state"]) expect(fs.existsSync(path.join(stacks, id, "plan.json"))).toBe(false);
  });
});
