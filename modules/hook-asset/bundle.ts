import * as fs from "node:fs";
import * as path from "node:path";
import { HOOK_ASSET_FILE } from "../hook-contract";

/** The project root (where package.json is), found from this file's location. */
const PACKAGE_ROOT = path.resolve(__dirname, "..", "..");
/** The bundled hook that every stack carries. */
export const HOOK_BUNDLE_PATH = path.join(PACKAGE_ROOT, "dist", HOOK_ASSET_FILE);
const HOOK_ENTRY = path.join(PACKAGE_ROOT, "modules", "hook-runtime", "main.ts");
/** Folders whose sources end up in the bundle: a newer file there means the bundle is stale. */
const HOOK_SOURCE_DIRS = ["hook-runtime", "hook-contract"].map((dir) => path.join(PACKAGE_ROOT, "modules", dir));

/**
 * Bundles the hook runtime (AWS SDK included) into one CommonJS file that runs with only `node`,
 * so a synthesized stack directory needs no `node_modules` beside it.
 */
export function buildHookBundle(outfile = HOOK_BUNDLE_PATH): { outfile: string; bytes: number } {
  // esbuild is loaded here only: synth without a rebuild never pays for it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require("esbuild") as typeof import("esbuild");
  esbuild.buildSync({
    entryPoints: [HOOK_ENTRY],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    minify: true,
    legalComments: "none",
    logLevel: "error",
  });
  return { outfile, bytes: fs.statSync(outfile).size };
}

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(".ts")) {
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

let ensured: string | undefined;

/**
 * The path of an up-to-date hook bundle: builds it when missing or older than its sources
 * (checked once per process). In an installed package without the sources, the shipped bundle is used.
 */
export function ensureHookBundle(): string {
  if (ensured) return ensured;
  const built = fs.existsSync(HOOK_BUNDLE_PATH) ? fs.statSync(HOOK_BUNDLE_PATH).mtimeMs : -1;
  const sources = fs.existsSync(HOOK_ENTRY) ? Math.max(...HOOK_SOURCE_DIRS.map(newestSourceTime)) : 0;
  if (built < sources) buildHookBundle();
  if (!fs.existsSync(HOOK_BUNDLE_PATH)) throw new Error(`The hook bundle ${HOOK_BUNDLE_PATH} is missing and its sources are not here to build it.`);
  ensured = HOOK_BUNDLE_PATH;
  return ensured;
}
