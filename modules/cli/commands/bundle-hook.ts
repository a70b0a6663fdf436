import { buildHookBundle } from "../../hooks/asset";

/** `bundle-hook`: rebuilds dist/campaigns-hook.cjs (synth also does this when it is stale). */
export function bundleHookCommand(options: { json?: boolean }): void {
  const { outfile, bytes } = buildHookBundle();
  if (options.json) process.stdout.write(`${JSON.stringify({ outfile, bytes })}\n`);
  else process.stdout.write(`Bundled the hook runtime: ${outfile} (${(bytes / 1024).toFixed(0)} KiB)\n`);
}
