import type { Principal } from '../policy.ts';

/** Who wrote: one key per token (the configured matchmaker token has none of its own). */
export function writerOf(principal: Principal | null): string {
  return principal?.tokenId != null ? `token:${principal.tokenId}` : `configured:${principal?.role ?? 'none'}`;
}

/** Longest wait of a writer's read for its own writes to organisations other than the ones read (ms). */
export const WRITER_WAIT_MS = 20;

/**
 * Organisations written by single writes (an edit, a new profile, an import of a few rows) whose
 * analysis is not in the index yet, who wrote them, and the reads waiting for them. A write is
 * answered once stored; what its writer reads next from the index waits here (a few milliseconds);
 * nobody else waits for it.
 */
export class PendingWrites {
  /** Each pending organisation and the writers who wrote it. */
  private readonly written = new Map<number, Set<string>>();
  private readonly waiters = new Map<number, (() => void)[]>();

  add(id: number): void {
    if (!this.written.has(id)) this.written.set(id, new Set());
  }

  /** Records who wrote these organisations (those still pending; an import's rows are not). */
  by(writer: string, ids: readonly number[]): void {
    for (const id of ids) this.written.get(id)?.add(writer);
  }

  /**
   * Resolves once these organisations are released, then once those this writer wrote are too, or
   * `writerWaitMs` later at most: the organisations read are always waited for; the writer's writes
   * to others are waited for as long as their analysis normally takes (a few milliseconds), never
   * longer, so that a busy service does not hold a read up for writes it is not about.
   */
  async wait(opts: { ids?: readonly number[]; writer?: string }, writerWaitMs = WRITER_WAIT_MS): Promise<void> {
    const read: number[] = [];
    const others: number[] = [];
    for (const [id, writers] of this.written) {
      if (opts.ids?.includes(id)) read.push(id);
      else if (opts.writer !== undefined && writers.has(opts.writer)) others.push(id);
    }
    if (read.length) await this.released(read);
    // Those released meanwhile need no wait.
    const pending = others.filter((id) => this.written.has(id));
    if (!pending.length) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.released(pending), new Promise<void>((resolve) => (timer = setTimeout(resolve, writerWaitMs)))]);
    clearTimeout(timer);
  }

  private released(ids: readonly number[]): Promise<unknown> {
    return Promise.all(ids.map((id) => new Promise<void>((resolve) => this.waiters.set(id, [...(this.waiters.get(id) ?? []), resolve]))));
  }

  /** The organisation is in the index as written (or its analysis failed for good, or it is gone). */
  release(id: number): void {
    this.written.delete(id);
    const waiting = this.waiters.get(id);
    if (!waiting) return;
    this.waiters.delete(id);
    for (const resolve of waiting) resolve();
  }

  /** Lets every waiting read go (the service is stopping). */
  releaseAll(): void {
    for (const id of [...this.written.keys(), ...this.waiters.keys()]) this.release(id);
  }
}
