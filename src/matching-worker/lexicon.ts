import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { lexiconFromPatterns, type Lexicon, type LexiconPattern } from '../../matching/lexicon/lexicon.ts';
import { loadConcepts } from '../../matching/lexicon/load.ts';
import { buildDir } from './entry.ts';

/**
 * Where the lexicon's terms, as kuromoji reads them, are kept between starts: beside the service's
 * bundle (npm start; a new build is a new folder), else in the temporary folder. Named by the
 * analysis fingerprint, so a change to the text pipelines or the lexicon is never read stale.
 */
export function lexiconCacheFile(fingerprint: string): string {
  const dir = buildDir() ?? join(tmpdir(), `musubi-cache-${process.getuid?.() ?? 0}`);
  return join(dir, `lexicon-${fingerprint}.json`);
}

export function readLexiconCache(file: string): LexiconPattern[] | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LexiconPattern[];
  } catch {
    return null;
  }
}

export function writeLexiconCache(file: string, patterns: readonly LexiconPattern[]): void {
  mkdirSync(dirname(file), { recursive: true });
  const staging = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(staging, JSON.stringify(patterns));
  renameSync(staging, file);
}

/**
 * The lexicon of the thread answering requests, which has no kuromoji: the concepts at once (the
 * index's weights need their groups), the compiled terms (reasons ask which words name a place or a
 * role) at their first use, from the cache file or else from the text worker.
 */
export function serviceLexicon(file: string, patterns: () => LexiconPattern[]): Lexicon {
  const entries = loadConcepts();
  const concepts = new Map(entries.map((entry) => [entry.id, entry]));
  let compiled: Lexicon | null = null;
  const lexicon = () => {
    compiled ??= lexiconFromPatterns(entries, readLexiconCache(file) ?? patterns());
    return compiled;
  };
  return {
    concepts,
    match: (tokens) => lexicon().match(tokens),
    matchLoanwords: (keys) => lexicon().matchLoanwords(keys),
    loanwordKeysOf: (id) => lexicon().loanwordKeysOf(id),
  };
}
