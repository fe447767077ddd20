/**
 * Mongolian (Khalkha Cyrillic) text analysis for the matching engine: tokenize, drop stopwords,
 * stem. Each step is exported on its own so tests and other analyzers can use them apart.
 */
import { isMongolianStopword } from './stopwords.ts';
import { stemMongolian } from './stem.ts';
import { tokenizeMongolian } from './tokenize.ts';

export { normalizeMongolian, repairMixedScript, tokenizeMongolian } from './tokenize.ts';
export { MONGOLIAN_STOPWORDS, isMongolianStopword } from './stopwords.ts';
export {
  canonicalStem,
  stemMongolian,
  stripActionNoun,
  stripCase,
  stripCausative,
  stripPlural,
  stripReflexive,
  stripResultNoun,
  stripVerbEnding,
} from './stem.ts';
export type { StripResult } from './stem.ts';

/**
 * Text → index terms. Stopwords are dropped before stemming because the list holds surface
 * forms ("байна", "манай"); one-letter results are dropped after, since a lone letter (a
 * stray "а", an initial) matches too much to be evidence.
 */
export function analyzeMongolian(text: string): string[] {
  return tokenizeMongolian(text)
    .filter((token) => !isMongolianStopword(token))
    .map(stemMongolian)
    .filter((stem) => stem.length > 1);
}
