// The worker pool stops taking work at the first failure, across the pools of one run, and
// returns only after the calls in flight have settled.
import { mapPool, sleep, WorkStop } from "../../../modules/hooks/runtime/pool";

describe("mapPool", () => {
  test("the first failure: no item started after it, in-flight calls settle before it is thrown", async () => {
    const started: number[] = [];
    const settled: number[] = [];
    const work = async (n: number): Promise<number> => {
      started.push(n);
      await sleep(n === 2 ? 5 : 20);
      if (n === 2) throw new Error("item 2 failed");
      settled.push(n);
      return n;
    };
    await expect(mapPool([1, 2, 3, 4, 5, 6], 3, work)).rejects.toThrow("item 2 failed");
    expect(started).toEqual([1, 2, 3]);
    // 1 and 3 were in flight when 2 failed: they finished before mapPool returned.
    expect(settled.sort()).toEqual([1, 3]);
  });

  test("a failure in one pool stops another pool sharing the stop", async () => {
    const stop = new WorkStop();
    const done: string[] = [];
    const other = mapPool(["a", "b", "c", "d"], 1, async (x) => {
      await sleep(10);
      done.push(x);
    }, stop);
    const failing = mapPool([1], 1, async () => {
      await sleep(15);
      throw new Error("first");
    }, stop);
    await expect(failing).rejects.toThrow("first");
    await expect(other).rejects.toThrow("first");
    expect(done).toEqual(["a", "b"]);
  });

  test("no failure: every result, in order", async () => {
    expect(await mapPool([3, 1, 2], 2, async (n) => (await sleep(n), n * 10))).toEqual([30, 10, 20]);
  });
});
