/**
 * The first failure of a run, shared by all its pools: once one call has failed, no pool takes
 * more work (a cleanup whose backup upload failed must not go on deleting campaigns).
 */
export class WorkStop {
  private failure: { readonly error: unknown } | undefined;

  get stopped(): boolean {
    return this.failure !== undefined;
  }

  /** The first failure; later ones are outcomes of the same stop. */
  get error(): unknown {
    return this.failure?.error;
  }

  fail(error: unknown): void {
    this.failure ??= { error };
  }
}

/**
 * Runs `work` over `items` with at most `limit` in flight; results keep the input order.
 * On the first failure (here, or in another pool sharing `stop`) no worker takes another item;
 * the calls in flight settle, then the first failure is thrown: nothing runs after it returns.
 */
export async function mapPool<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
  stop: WorkStop = new WorkStop(),
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (!stop.stopped && next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index]);
      } catch (error) {
        stop.fail(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (stop.stopped) throw stop.error;
  return results;
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
