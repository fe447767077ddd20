import type { Principal } from '../policy.ts';

/** Who wrote: one key per token (the configured matchmaker token has none of its own). */
export function writerOf(principal: Principal | null): string {
  return principal?.tokenId != null ? `token:${principal.tokenId}` : `configured:${principal?.role ?? 'none'}`;
}

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

  /** Resolves once these organisations, and those this writer wrote, are released. */
  wait(opts: { ids?: readonly number[]; writer?: string }): Promise<void> {
    const waiting = [...this.written]
      .filter(([id, writers]) => opts.ids?.includes(id) || (opts.writer !== undefined && writers.has(opts.writer)))
      .map(([id]) => id);
    if (!waiting.length) return Promise.resolve();
    return Promise.all(waiting.map((id) => new Promise<void>((resolve) => this.waiters.set(id, [...(this.waiters.get(id) ?? []), resolve])))).then(
      () => undefined,
    );
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
