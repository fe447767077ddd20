import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Piscina } from 'piscina';
import { workerEntry } from './entry.ts';
import { encodeFeatures, extractFeatures, loadMatchingToolkit, type Profile, type StoredFeatures } from '../../matching/index.ts';

/** Turns profiles into their analysed features, somewhere that does not hold up requests. */
export interface FeatureAnalyser {
  analyse(profiles: Profile[]): Promise<StoredFeatures[]>;
  /** Loads kuromoji ahead of the first write, so that it does not wait ~1 s. */
  warm(): Promise<void>;
  close(): Promise<void>;
}

export type AnalysisMode = 'worker' | 'inline';

export function createAnalyser(mode: AnalysisMode): FeatureAnalyser {
  return mode === 'worker' ? workerAnalyser() : inlineAnalyser();
}

/**
 * One worker thread (piscina): each worker that loads kuromoji costs ~300 MB, and one is enough to
 * keep up with imports while the main thread answers requests. It is started on the first task and
 * kept while there is work (idle for 10 minutes, it stops and gives the memory back).
 */
export function workerAnalyser(): FeatureAnalyser {
  const pool = new Piscina({
    // The built worker beside the service's bundle (npm start), or its TypeScript source under tsx.
    ...workerEntry('matching-worker', new URL('./worker.ts', import.meta.url)),
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: 10 * 60_000,
  });
  return {
    analyse: (profiles) => (profiles.length ? pool.run(profiles) : Promise.resolve([])),
    warm: async () => {
      await pool.run([]);
    },
    close: () => pool.destroy(),
  };
}

/**
 * Analysis on this thread, a few profiles at a time between other work: for tests and command-line
 * tools, where a second kuromoji (~300 MB) would cost more than it saves.
 */
export function inlineAnalyser(): FeatureAnalyser {
  return {
    async analyse(profiles) {
      const { analyzer, lexicon } = await loadMatchingToolkit();
      const out: StoredFeatures[] = [];
      for (let i = 0; i < profiles.length; i++) {
        out.push(encodeFeatures(extractFeatures(profiles[i]!, analyzer, lexicon)));
        if (i % 20 === 19) await yieldToEventLoop();
      }
      return out;
    },
    warm: async () => {
      await loadMatchingToolkit();
    },
    close: async () => undefined,
  };
}
