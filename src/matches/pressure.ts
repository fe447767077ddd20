import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

/**
 * Requests come first: background work (re-ranking, indexing an import's rows) runs its next slice
 * when no request is being answered, or after `maxWaitMs` at the latest, so it always moves on
 * (at least one slice per wait) and catches up as soon as requests slow down. Under a steady stream
 * of requests a write's ranking can lag behind it by seconds; its own analysis never does (single
 * writes are not held back: their writers wait for them).
 */
export class RequestPressure {
  /** Requests received and not answered yet. */
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly maxWaitMs = 50) {}

  started(): void {
    this.inFlight++;
  }

  finished(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (this.inFlight === 0) for (const wake of this.waiting.splice(0)) wake();
  }

  /** Resolves when background work may run its next slice. */
  async turn(): Promise<void> {
    await yieldToEventLoop();
    if (this.inFlight === 0) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        const i = this.waiting.indexOf(wake);
        if (i >= 0) this.waiting.splice(i, 1);
        resolve();
      }, this.maxWaitMs);
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiting.push(wake);
    });
  }
}
