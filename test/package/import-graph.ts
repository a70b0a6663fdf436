import * as path from "node:path";
import { buildSync, ImportKind } from "esbuild";

const ROOT = path.resolve(__dirname, "..", "..");

/** One edge of the graph: a project file importing a project file or a package. */
interface Edge {
  readonly to: string;
  readonly kind: ImportKind;
  readonly external: boolean;
}

/**
 * The import graph of the project's sources, as esbuild resolves it (the same resolver that
 * bundles the hook): every file reachable from the entries, and the packages each imports.
 * Packages are left external, so the graph stops at the project's edge: `cdktf` or
 * `@aws-sdk/client-s3` are leaves, named as imported. Type-only imports do not exist at run time
 * and esbuild drops them, as tsc does.
 */
export class ImportGraph {
  private readonly edges = new Map<string, Edge[]>();

  constructor(entries: readonly string[]) {
    const result = buildSync({
      entryPoints: entries.map((entry) => path.join(ROOT, entry)),
      absWorkingDir: ROOT,
      bundle: true,
      write: false,
      metafile: true,
      outdir: "walls-out",
      platform: "node",
      format: "cjs",
      packages: "external",
      logLevel: "silent",
    });
    for (const [file, input] of Object.entries(result.metafile.inputs)) {
      this.edges.set(
        file,
        input.imports.map((edge) => ({ to: edge.path, kind: edge.kind, external: edge.external === true })),
      );
    }
  }

  /**
   * The packages reachable from `from` (a project file), each with one import chain that reaches
   * it. `follow` decides which kinds of edge count: a lazy `import()` can be a deliberate
   * boundary (loaded only for one option).
   */
  public packagesFrom(from: string, follow: (edge: Edge, file: string) => boolean = () => true): Map<string, string[]> {
    const found = new Map<string, string[]>();
    const seen = new Set<string>([from]);
    const queue: string[][] = [[from]];
    while (queue.length > 0) {
      const chain = queue.shift()!;
      const file = chain[chain.length - 1];
      for (const edge of this.edges.get(file) ?? []) {
        if (!follow(edge, file)) continue;
        if (edge.external) {
          if (!edge.to.startsWith("node:") && !found.has(edge.to)) found.set(edge.to, [...chain, edge.to]);
        } else if (!seen.has(edge.to)) {
          seen.add(edge.to);
          queue.push([...chain, edge.to]);
        }
      }
    }
    return found;
  }

  /**
   * The lazy edges reachable from `from` over static edges: the lazy boundaries. A dynamic
   * `import()` or a `require()` call (the sources import statically with `import`; a `require`
   * runs where it is called, as the CLI's tsx hook needs: see modules/review/live.ts).
   */
  public lazyEdgesFrom(from: string): string[] {
    const lazy: string[] = [];
    const seen = new Set<string>([from]);
    const queue = [from];
    while (queue.length > 0) {
      const file = queue.shift()!;
      for (const edge of this.edges.get(file) ?? []) {
        if (isLazy(edge)) lazy.push(`${file} -> ${edge.to}`);
        else if (!edge.external && !seen.has(edge.to)) {
          seen.add(edge.to);
          queue.push(edge.to);
        }
      }
    }
    return lazy.sort();
  }
}

/** An edge that loads its target only when the code runs: `import()` or a `require()` call. */
export const isLazy = (edge: { readonly kind: ImportKind }): boolean => edge.kind === "dynamic-import" || edge.kind === "require-call";

/** The packages among `packages` that match `pattern`, each shown with its import chain. */
export function offenders(packages: Map<string, string[]>, pattern: RegExp): string[] {
  return [...packages].filter(([name]) => pattern.test(name)).map(([, chain]) => chain.join(" -> "));
}
