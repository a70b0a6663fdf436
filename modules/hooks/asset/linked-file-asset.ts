import * as fs from "node:fs";
import * as path from "node:path";
import { Construct } from "constructs";
import { ISynthesisSession, TerraformStack } from "cdktf";
// Not re-exported by cdktf's index, but the very hook its own TerraformAsset uses. cdktf is
// pinned (0.21.0 is its last release) and the stack tests check the file lands in every stack.
import { addCustomSynthesis } from "cdktf/lib/synthesize/synthesizer";

/** Properties of {@link LinkedFileAsset}. */
export interface LinkedFileAssetProps {
  /** Absolute path of the file to ship. */
  readonly sourcePath: string;
  /**
   * Where the file goes, relative to the stack directory (posix). Its folder is emptied at each
   * synth, so no stale version lingers: give it a folder of its own.
   */
  readonly path: string;
}

/** The first copy written in each synthesis, that the other stacks' copies link to. */
const firstCopyBySession = new WeakMap<ISynthesisSession["manifest"], string>();

/**
 * A file carried by a stack at a path of the caller's choosing (where cdktf's `TerraformAsset`
 * puts its logical-id hash in the path, which changes when a construct is renamed), written
 * differently: the first stack of a synthesis gets a copy, every other stack a hard link to it.
 *
 * Why: the hook bundle is ~660 KiB; `TerraformAsset` copies it into every stack, which for 2000
 * targets was 1.3 GB written and a quarter of the synth time. A hard link is a directory entry
 * of its own, so each stack directory stays self-contained (archive it, upload it or delete its
 * siblings and it still runs), and links never point into `dist/`: rebuilding the bundle in place
 * cannot change an output already synthesized. Where a link is refused (another file system,
 * a link-count limit) the file is copied and the next stacks link to that copy.
 */
export class LinkedFileAsset extends Construct {
  /** The file's path relative to the stack directory, in posix form (for `${path.module}/…`). */
  public readonly path: string;
  private readonly folder: string;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: LinkedFileAssetProps,
  ) {
    super(scope, id);
    const stack = TerraformStack.of(this);
    this.path = props.path;
    this.folder = path.posix.dirname(props.path);
    addCustomSynthesis(this, { onSynthesize: (session) => this.write(session, stack) });
  }

  private write(session: ISynthesisSession, stack: TerraformStack): void {
    const stackDir = path.join(session.outdir, session.manifest.forStack(stack).workingDirectory);
    // Drop what an earlier synth left, so no stale version lingers.
    fs.rmSync(path.join(stackDir, this.folder), { recursive: true, force: true });
    const target = path.join(stackDir, this.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const firstCopy = firstCopyBySession.get(session.manifest);
    if (firstCopy !== undefined && tryLink(firstCopy, target)) return;
    fs.copyFileSync(this.props.sourcePath, target);
    firstCopyBySession.set(session.manifest, target);
  }
}

function tryLink(existing: string, target: string): boolean {
  try {
    fs.linkSync(existing, target);
    return true;
  } catch {
    return false;
  }
}
