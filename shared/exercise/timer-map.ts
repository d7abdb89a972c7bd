// A map of immutable states (protocol runs by alert) that knows the earliest
// timer due across all of them without looking at every state each time. The
// engine asks for that timer before each event it shows, and a long exercise
// holds thousands of runs (a generated 50-day scenario: 14,000 alerts, most
// of them in the protocol), so one scan per event made a skip to its end
// quadratic: minutes of work for what a replay does in seconds.
//
// Each state's timer is computed once, when the state is set, and queued in a
// heap. States are immutable (a changed run is a new object), so a queued
// timer whose state is no longer its key's is stale and dropped when it
// reaches the top.

interface Queued<K, S, T> {
  key: K;
  state: S;
  timer: T;
}

export class TimerMap<K, S, T> extends Map<K, S> {
  readonly #timerOf: (key: K, state: S) => T | null;
  readonly #before: (a: T, b: T) => boolean;
  #heap: Queued<K, S, T>[] = [];
  /** Keys set or deleted since their timers were last queued. */
  #dirty = new Set<K>();
  /** The state each key's queued timer was computed from (also when it had none). */
  #queued = new Map<K, S>();

  /**
   * `timerOf` gives a state's next timer (null: none); `before` orders two
   * timers strictly, and must never tie two timers of different keys (ties
   * would otherwise depend on the order the keys were set).
   */
  constructor(timerOf: (key: K, state: S) => T | null, before: (a: T, b: T) => boolean) {
    super();
    this.#timerOf = timerOf;
    this.#before = before;
  }

  override set(key: K, state: S): this {
    super.set(key, state);
    // Map's constructor does not call set without entries, so the fields exist here.
    this.#dirty.add(key);
    return this;
  }

  override delete(key: K): boolean {
    this.#dirty.add(key);
    return super.delete(key);
  }

  override clear(): void {
    super.clear();
    this.recompute();
  }

  /**
   * Forgets every queued timer: what the timers depend on besides the states
   * changed (for runs: a party taken over, alerts linked).
   */
  recompute(): void {
    this.#heap = [];
    this.#queued.clear();
    this.#dirty = new Set(this.keys());
  }

  /** The earliest timer across every state, per `before`; null when none is due. */
  earliest(): T | null {
    for (const key of this.#dirty) {
      const state = super.get(key);
      if (state === undefined) {
        this.#queued.delete(key);
        continue;
      }
      if (this.#queued.get(key) === state) continue;
      this.#queued.set(key, state);
      const timer = this.#timerOf(key, state);
      if (timer !== null) this.#push({ key, state, timer });
    }
    this.#dirty.clear();
    // Stale timers are many when states change often; past twice the live ones, keep only those.
    if (this.#heap.length > 64 + 2 * this.size) {
      this.#heap = this.#heap.filter((q) => this.#current(q));
      for (let i = (this.#heap.length >> 1) - 1; i >= 0; i--) this.#down(i);
    }
    while (this.#heap.length > 0) {
      const top = this.#heap[0]!;
      if (this.#current(top)) return top.timer;
      this.#pop();
    }
    return null;
  }

  #current(q: Queued<K, S, T>): boolean {
    return super.get(q.key) === q.state;
  }

  #push(q: Queued<K, S, T>): void {
    const heap = this.#heap;
    heap.push(q);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#before(heap[i]!.timer, heap[parent]!.timer)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  #pop(): void {
    const heap = this.#heap;
    const last = heap.pop()!;
    if (heap.length === 0) return;
    heap[0] = last;
    this.#down(0);
  }

  #down(start: number): void {
    const heap = this.#heap;
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < heap.length && this.#before(heap[left]!.timer, heap[least]!.timer)) least = left;
      if (right < heap.length && this.#before(heap[right]!.timer, heap[least]!.timer))
        least = right;
      if (least === i) return;
      [heap[i], heap[least]] = [heap[least]!, heap[i]!];
      i = least;
    }
  }
}
