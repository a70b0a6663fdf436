import * as fs from "node:fs";
import * as path from "node:path";
import { HOOK_ASSET_FILE } from "../contract";
import { PACKAGE_ROOT, RUNNING_FROM_SOURCES } from "../../package-root";

/** The bundled hook that every stack carries (prebuilt and shipped in the package). */
export const HOOK_BUNDLE_PATH = path.join(PACKAGE_ROOT, "dist", HOOK_ASSET_FILE);
const HOOK_ENTRY = path.join(PACKAGE_ROOT, "modules", "hooks", "runtime", "main.ts");
/** The project files the last build read (from esbuild's metafile), to tell when it is stale. */
const INPUTS_FILE = `${HOOK_BUNDLE_PATH}.inputs.json`;
/** Dependency versions change with the lock file; its mtime stands for all of node_modules. */
const LOCK_FILE = path.join(PACKAGE_ROOT, "package-lock.json");

/**
 * Bundles the hook runtime (AWS SDK included) into one CommonJS file that runs with only `node`,
 * so a synthesized stack directory needs no `node_modules` beside it. The one build definition:
 * synth, the `bundle-hook` command and the tests all come here.
 *
 * Size: ESM entry points first ("module" before "main") let esbuild drop the unused parts of the
 * AWS SDK packages (about 25% of the bundle). No source maps: the asset goes into every stack,
 * and the runtime prints its own one-line errors.
 */
export function buildHookBundle(outfile = HOOK_BUNDLE_PATH): { outfile: string; bytes: number } {
  if (!fs.existsSync(HOOK_ENTRY)) {
    throw new Error(`The hook's sources (${HOOK_ENTRY}) are not here: an installed package ships its bundle prebuilt (${HOOK_BUNDLE_PATH}); build it in a checkout.`);
  }
  // esbuild (a dev dependency) is loaded here only: synth without a rebuild never pays for it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require("esbuild") as typeof import("esbuild");
  // Written beside and renamed into place: a process running or copying the bundle meanwhile
  // (a synth, a test, `npm pack`) sees the old file or the new one, never half of one.
  const partial = `${outfile}.${process.pid}.partial`;
  const result = esbuild.buildSync({
    entryPoints: [HOOK_ENTRY],
    outfile: partial,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    mainFields: ["module", "main"],
    minify: true,
    legalComments: "none",
    logLevel: "error",
    metafile: true,
    absWorkingDir: PACKAGE_ROOT,
  });
  fs.renameSync(partial, outfile);
  if (outfile === HOOK_BUNDLE_PATH) {
    const inputs = Object.keys(result.metafile.inputs).filter((input) => !input.includes("node_modules/"));
    fs.writeFileSync(INPUTS_FILE, JSON.stringify(inputs));
  }
  return { outfile, bytes: fs.statSync(outfile).size };
}

/** Whether any file the bundle was built from (or the lock file) changed after it. */
function isStale(): boolean {
  if (!fs.existsSync(HOOK_BUNDLE_PATH) || !fs.existsSync(INPUTS_FILE)) return true;
  const built = fs.statSync(HOOK_BUNDLE_PATH).mtimeMs;
  const inputs = [...(JSON.parse(fs.readFileSync(INPUTS_FILE, "utf8")) as string[]).map((input) => path.join(PACKAGE_ROOT, input)), LOCK_FILE];
  // A missing input (a file renamed or deleted) also means a rebuild.
  return inputs.some((input) => !fs.existsSync(input) || fs.statSync(input).mtimeMs > built);
}

let ensured: string | undefined;

/**
 * The path of an up-to-date hook bundle. Running from the TypeScript sources (a checkout), it is
 * built when missing or older than what it was built from (checked once per process). Running
 * compiled (an installed package, `lib/`), the shipped bundle is used as it is and never rebuilt:
 * `npm pack` builds it (`prepack`), with the SDK versions of this project's lock file.
 */
export function ensureHookBundle(): string {
  if (ensured) return ensured;
  if (RUNNING_FROM_SOURCES && fs.existsSync(HOOK_ENTRY) && isStale()) buildHookBundle();
  if (!fs.existsSync(HOOK_BUNDLE_PATH)) throw new Error(`The hook bundle ${HOOK_BUNDLE_PATH} is missing and its sources are not here to build it.`);
  ensured = HOOK_BUNDLE_PATH;
  return ensured;
}
