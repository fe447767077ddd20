import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConceptEntry } from './lexicon.ts';

/** The glossary shipped in this folder (concepts.json); see README.md here to extend it. */
export function loadConcepts(path = join(dirname(fileURLToPath(import.meta.url)), 'concepts.json')): ConceptEntry[] {
  return JSON.parse(readFileSync(path, 'utf8')) as ConceptEntry[];
}

/**
 * The words of the lexicon's Mongolian and English terms, for the analyzer: Latin-typed Mongolian
 * is spelled back in Cyrillic after the Mongolian words (so "tekhnologi" meets технологи without a
 * second, Latin spelling in the file), and the English words stay English inside it.
 */
export function lexiconWords(entries: readonly ConceptEntry[]): { mongolianWords: string[]; englishWords: string[] } {
  const words = (lang: 'mn' | 'en') => [
    ...new Set(
      entries
        .flatMap((e) => e.terms[lang] ?? [])
        .flatMap(
          (t) =>
            t
              .normalize('NFKC')
              .toLowerCase()
              .match(/\p{L}+/gu) ?? [],
        ),
    ),
  ];
  return { mongolianWords: words('mn').filter((w) => /\p{Script=Cyrillic}/u.test(w)), englishWords: words('en') };
}
