// A first-in-first-out queue on a ring buffer that only grows, clearing each slot as it hands the item out.
// For queues that live as long as the process and see a steady stream of short-lived items (waiters for the
// SQLite connection): an Array used with push/shift keeps reallocating its backing store, and each abandoned
// store in the old generation still points at items that have long been served, so V8's scavenger treats them
// as live and promotes them, together with everything they reference (decision 071).
export class RingQueue<T> {
  #items: (T | undefined)[] = new Array(16);
  #head = 0;
  #size = 0;

  get size(): number {
    return this.#size;
  }

  push(item: T): void {
    if (this.#size === this.#items.length) {
      const grown: (T | undefined)[] = new Array(this.#items.length * 2);
      for (let i = 0; i < this.#size; i++) grown[i] = this.#items[(this.#head + i) % this.#items.length];
      this.#items = grown;
      this.#head = 0;
    }
    this.#items[(this.#head + this.#size) % this.#items.length] = item;
    this.#size += 1;
  }

  /** The oldest item, removed; undefined when empty. */
  shift(): T | undefined {
    if (this.#size === 0) return undefined;
    const item = this.#items[this.#head];
    this.#items[this.#head] = undefined;
    this.#head = (this.#head + 1) % this.#items.length;
    this.#size -= 1;
    return item;
  }
}
