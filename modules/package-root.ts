import * as fs from "node:fs";
import * as path from "node:path";

/**
 * Where this package lives, found by walking up from this file to its package.json. The same
 * answer from the TypeScript sources (`modules/`, in a checkout) and the compiled build
 * (`lib/modules/`, in an installed package), which sit at different depths.
 */
export const PACKAGE_ROOT = findPackageRoot(__dirname);

/**
 * Whether this code runs from its TypeScript sources (a checkout, under tsx or ts-jest) rather
 * than the compiled build. Only a checkout builds the hook bundle; an installed package ships it.
 */
export const RUNNING_FROM_SOURCES = __filename.endsWith(".ts");

/**
 * The node arguments that run the CDKTF app (`main`): the sources through tsx in a checkout
 * (tsx by absolute URL: `--import tsx` would resolve it from the user's directory), the compiled
 * file with plain node in an installed package.
 */
export function appNodeArgs(): string[] {
  if (!RUNNING_FROM_SOURCES) return [path.join(PACKAGE_ROOT, "lib", "main.js")];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { pathToFileURL } = require("node:url") as typeof import("node:url");
  return ["--import", pathToFileURL(require.resolve("tsx")).href, path.join(PACKAGE_ROOT, "main.ts")];
}

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
