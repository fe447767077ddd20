import { setTimeout as sleep } from 'node:timers/promises';

export interface JobsOptions {
  /** Tries per job before the last resort (default 3). */
  attempts?: number;
  /** Wait before a retry (default 100 ms, then 200 ms…). */
  retryDelayMs?: number;
  /** Told of every failed try. */
  onError?: (error: unknown, attempt: number) => void;
  /** The service is closing: a failure is not retried. */
  stopped: () => boolean;
  /** After the last try (e.g. rebuild the index from the database, which is the truth). */
  lastResort: () => Promise<void>;
}

/**
 * Background jobs run one after the other, each tried again on failure and, after the last try,
 * followed by the last resort. A failed job neither wedges the queue nor is dropped silently: its
 * error reaches whoever queued it, and the failures are counted.
 */
export class Jobs {
  /** The last job queued (settled, never rejected): the next one starts after it. */
  tail: Promise<void> = Promise.resolve();
  /** Failed tries, retried or not. */
  retried = 0;
  /** Jobs that failed every try. */
  failures = 0;

  constructor(private readonly options: JobsOptions) {}

  enqueue(job: () => Promise<void>): Promise<void> {
    const run = this.tail.then(() => this.withRetries(job));
    this.tail = run.catch(() => undefined);
    return run;
  }

  async withRetries(job: () => Promise<void>): Promise<void> {
    const attempts = this.options.attempts ?? 3;
    for (let attempt = 1; ; attempt++) {
      try {
        return await job();
      } catch (error) {
        if (this.options.stopped()) throw error;
        this.options.onError?.(error, attempt);
        this.retried++;
        if (attempt < attempts) {
          await sleep(this.options.retryDelayMs ?? 50 * 2 ** attempt);
          continue;
        }
        this.failures++;
        // The last resort is itself tried once; the error still reaches the caller.
        try {
          await this.options.lastResort();
        } catch (lastError) {
          this.options.onError?.(lastError, attempt + 1);
        }
        throw error;
      }
    }
  }
}
