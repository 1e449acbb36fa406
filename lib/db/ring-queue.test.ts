import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { RingQueue } from "./ring-queue";

describe("RingQueue", () => {
  it("hands items out in arrival order across wrap-arounds and growth", () => {
    const q = new RingQueue<number>();
    const out: number[] = [];
    let next = 0;
    // Interleave pushes and shifts so the ring wraps, then grows while wrapped.
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < round % 7 + 3; i++) q.push(next++);
      for (let i = 0; i < round % 5 + 1 && q.size > 0; i++) out.push(q.shift()!);
    }
    while (q.size > 0) out.push(q.shift()!);
    expect(out).toEqual(Array.from({ length: next }, (_, i) => i));
    expect(q.shift()).toBeUndefined();
  });

  it("keeps no reference to an item once it has been handed out", async () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const q = new RingQueue<object>();
    const kept = { kept: true };
    // Created in a function so that no local variable here holds the handed-out item.
    const handedOut = (() => {
      const item = { served: true };
      q.push(item);
      q.push(kept);
      expect(q.shift()).toBe(item);
      return new WeakRef(item);
    })();
    await new Promise((r) => setTimeout(r, 0)); // a WeakRef keeps its target alive until the current job ends
    gc();
    expect(handedOut.deref()).toBeUndefined();
    expect(q.shift()).toBe(kept);
  });
});
