import type { MessagePort } from 'node:worker_threads';
import { parentPort, workerData } from 'node:worker_threads';
import { loadMatchingToolkit, readQuery } from '../../matching/index.ts';
import { loadJapaneseTokenizer } from '../../matching/text/ja.ts';
import { lexiconPatterns } from '../../matching/lexicon/lexicon.ts';
import { loadConcepts } from '../../matching/lexicon/load.ts';
import { readLexiconCache, writeLexiconCache } from './lexicon.ts';
import type { TextRequest } from './texts.ts';

/**
 * The text worker (a worker thread of its own, see texts.ts): kuromoji and the lexicon live here, so
 * that the thread answering requests never loads them (~300 MB, ~1 s). It answers one question at a
 * time on `port` and wakes the waiting thread through `signal`.
 */
const { port, signal, lexiconFile } = workerData as { port: MessagePort; signal: Int32Array; lexiconFile: string };
const toolkit = loadMatchingToolkit();
const patterns = toolkit.then(({ analyzer }) => lexiconPatterns(loadConcepts(), analyzer));
// The compiled terms for the next start's reasons, kept once per analysis version.
patterns
  .then((list) => {
    if (!readLexiconCache(lexiconFile)) writeLexiconCache(lexiconFile, list);
  })
  .catch(() => undefined);

// Writes waiting to romanise a name (TextTools.loaded) go on once this is said, loaded or not.
Promise.allSettled([toolkit, loadJapaneseTokenizer()]).then(() => parentPort?.postMessage('loaded'));

port.on('message', async ({ id, method, arg }: TextRequest) => {
  let reply: { id: number; value?: unknown; error?: string };
  try {
    if (method === 'tokenize') reply = { id, value: (await loadJapaneseTokenizer()).tokenize(arg) };
    else if (method === 'readQuery') {
      const { analyzer, lexicon } = await toolkit;
      reply = { id, value: readQuery(arg, analyzer, lexicon) };
    } else reply = { id, value: await patterns };
  } catch (error) {
    reply = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
