import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { loadMatchingToolkit, readQuery, type LocalizedText, type QueryReading } from '../../matching/index.ts';
import { loadJapaneseTokenizer, type JapaneseTokenizer } from '../../matching/text/ja.ts';
import { romanize, romanizeName } from '../../matching/text/romanize.ts';
import type { Lexicon, LexiconPattern } from '../../matching/lexicon/lexicon.ts';
import { workerEntry } from './entry.ts';
import { analysisFingerprint } from './fingerprint.ts';
import { lexiconCacheFile, serviceLexicon } from './lexicon.ts';
import type { AnalysisMode } from './analyser.ts';

/**
 * What the service needs kuromoji for besides analysing profiles: names in Latin letters (on every
 * write without a Latin name of its own) and reading the directory's search words. Synchronous, as
 * the repositories call it inside their transactions.
 */
export interface TextTools {
  romanizeName(name: LocalizedText): string;
  romanizeText(text: string): string;
  readQuery(query: string): QueryReading;
  /** The lexicon for the index and its reasons (in the service: compiled terms from a cache file or the worker). */
  lexicon: Lexicon;
  /** Starts loading kuromoji now (the service does once its index is ready), not at the first name. */
  warm(): void;
  /**
   * Resolves once kuromoji and the lexicon are loaded (starting the load if need be). Until then a
   * call above blocks this thread for the load (1–3 s after a start): a route that will call one
   * awaits this first, so that only its own request waits, not every request meanwhile.
   */
  loaded(): Promise<void>;
  close(): Promise<void>;
}

export type TextRequest = { id: number; method: 'tokenize' | 'readQuery' | 'patterns'; arg: string };

/** Longest wait for the text worker (its first answer waits for kuromoji to load, ~1-3 s). */
const TIMEOUT_MS = 60_000;

/**
 * `worker` (the service): kuromoji in a worker thread of its own, called synchronously: the caller
 * blocks for the round trip (tens of microseconds, plus kuromoji's own work), and only for
 * Japanese text; Cyrillic and Latin names are romanised here without it. The worker starts loading
 * when warmed (after the index is ready) or at the first call, and the thread answering requests
 * never holds the dictionary. `inline` (tests, tools): the process's own kuromoji, loaded here.
 */
export async function createTextTools(mode: AnalysisMode): Promise<TextTools> {
  if (mode === 'worker') return textWorker(lexiconCacheFile(analysisFingerprint()));
  const [tokenizer, { analyzer, lexicon }] = await Promise.all([loadJapaneseTokenizer(), loadMatchingToolkit()]);
  return {
    romanizeName: (name) => romanizeName(tokenizer, name),
    romanizeText: (text) => romanize(tokenizer, text),
    readQuery: (query) => readQuery(query, analyzer, lexicon),
    lexicon,
    warm: () => undefined,
    loaded: () => LOADED,
    close: async () => undefined,
  };
}

const LOADED = Promise.resolve();

function textWorker(lexiconFile: string): TextTools {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  let started: { worker: Worker; port: MessagePort } | null = null;
  let exited: Error | null = null;
  let markLoaded!: () => void;
  let loaded: Promise<void> = new Promise((resolve) => {
    markLoaded = () => {
      loaded = LOADED;
      resolve();
    };
  });
  const start = () => {
    if (started) return started;
    const { port1, port2 } = new MessageChannel();
    const { filename, execArgv } = workerEntry('text-worker', new URL('./text-worker.ts', import.meta.url));
    const worker = new Worker(new URL('./boot.mjs', import.meta.url), {
      execArgv,
      workerData: { entry: filename, port: port2, signal, lexiconFile },
      transferList: [port2],
    });
    // Neither it nor its port keeps the process alive.
    worker.unref();
    port1.unref();
    worker.on('error', (error) => {
      exited = error;
    });
    worker.on('exit', (code) => {
      exited ??= new Error(`the text worker stopped (exit code ${code})`);
      // Nothing to wait for any more: calls now fail at once.
      markLoaded();
    });
    // The worker says so once kuromoji and the lexicon are loaded (or failed to: calls then say why).
    worker.on('message', (message) => {
      if (message === 'loaded') markLoaded();
    });
    started = { worker, port: port1 };
    return started;
  };
  let next = 0;

  function call(method: TextRequest['method'], arg: string): unknown {
    const { port } = start();
    if (exited) throw exited;
    const id = ++next;
    Atomics.store(signal, 0, 0);
    port.postMessage({ id, method, arg } satisfies TextRequest);
    const deadline = performance.now() + TIMEOUT_MS;
    for (;;) {
      Atomics.wait(signal, 0, 0, 1_000);
      const received = receiveMessageOnPort(port)?.message as { id: number; value?: unknown; error?: string } | undefined;
      if (received?.id === id) {
        if (received.error !== undefined) throw new Error(`text worker: ${received.error}`);
        return received.value;
      }
      if (received) {
        // An answer to a call that gave up waiting earlier: not ours.
        Atomics.store(signal, 0, 0);
        continue;
      }
      if (performance.now() > deadline) throw new Error(`the text worker did not answer in ${TIMEOUT_MS / 1000} s`);
    }
  }

  // Only Japanese text reaches the worker: romanize() asks the tokenizer for nothing else.
  const tokenizer = { tokenize: (text: string) => call('tokenize', text) } as JapaneseTokenizer;
  return {
    romanizeName: (name) => romanizeName(tokenizer, name),
    romanizeText: (text) => romanize(tokenizer, text),
    readQuery: (query) => call('readQuery', query) as QueryReading,
    lexicon: serviceLexicon(lexiconFile, () => call('patterns', '') as LexiconPattern[]),
    warm: () => void start(),
    loaded: () => {
      if (loaded !== LOADED) start();
      return loaded;
    },
    close: async () => {
      await started?.worker.terminate();
    },
  };
}
