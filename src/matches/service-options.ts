/** How the matching service is set up, and what it reports (GET /health). */
import type { QueryReading } from '../../matching/index.ts';
import type { IndexDump } from '../../matching/inverted-index.ts';
import type { FeatureAnalyser } from '../matching-worker/analyser.ts';
import type { Snapshot } from '../matching-worker/snapshot.ts';
import type { FeaturesRepository } from './features.ts';
import type { RequestPressure } from './pressure.ts';

export interface MatchingServiceOptions {
  /** Partners kept per organisation in the review queue. */
  topK: number;
  /** Above this many changed profiles, re-rank everything instead of the changed ones. */
  fullRerankAbove: number;
  /** Where texts are analysed (a worker thread in the service). */
  analyser: FeatureAnalyser;
  /** The stored analysis of each profile. */
  features: FeaturesRepository;
  /** What stored features depend on besides the texts (see matching-worker/fingerprint.ts). */
  fingerprint: string;
  /** Tries per job before the index is rebuilt from the database (default 3). */
  attempts?: number;
  /** Wait before a retry (default 100 ms, then 200 ms…). */
  retryDelayMs?: number;
  /** Told of every failed try. */
  onError?: (error: unknown, attempt: number) => void;
  /** The app's clock, for ranking stamps. */
  now?: () => Date;
  /** Profiles per analysis task (default 20): a single edit waits at most for one task ahead of it. */
  chunk?: number;
  /** Reads a search query into concepts (where kuromoji is: the text worker in the service). */
  readQuery: (query: string) => QueryReading;
  /** Where the index's snapshot is kept (a file beside the database), if anywhere. */
  snapshot?: {
    read(): Snapshot | null;
    write(dump: IndexDump, hashOf: (id: number) => string | undefined): void;
  };
  /** Cached suggestion answers (default 5,000). */
  cacheSize?: number;
  /** Requests being answered: background work runs between them (default: none counted, never waits). */
  pressure?: RequestPressure;
}

/** What GET /health shows. */
export interface MatchingProgress {
  status: 'starting' | 'ready';
  /** Organisations in the index, and in the database when it started. */
  indexed: number;
  total: number;
  /** Profiles waiting for their texts to be analysed. */
  analysing: number;
  /** Organisations waiting to have their pairs re-ranked. */
  ranking: number;
}
