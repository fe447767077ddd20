/**
 * Organisations written by single writes (an edit, a new profile; not an import's rows) whose
 * analysis is not in the index yet, and the reads waiting for them: a write is answered once
 * stored, and what its writer reads next from the index waits here (a few milliseconds).
 */
export class PendingWrites {
  private readonly written = new Set<number>();
  private readonly waiters = new Map<number, (() => void)[]>();

  add(id: number): void {
    this.written.add(id);
  }

  /** Resolves once these organisations (or, without `ids`, every one written) are released. */
  wait(ids?: readonly number[]): Promise<void> {
    const waiting = ids ? ids.filter((id) => this.written.has(id)) : [...this.written];
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
    for (const id of [...this.written, ...this.waiters.keys()]) this.release(id);
  }
}
