import { MatchingEngine, type EngineOptions } from './engine.ts';
import { compileLexicon, type Lexicon } from './lexicon/lexicon.ts';
import { lexiconWords, loadConcepts } from './lexicon/load.ts';
import { createTextAnalyzer, type TextAnalyzer } from './text/analyze.ts';
import { loadJapaneseTokenizer } from './text/ja.ts';

export { MatchingEngine, crossBorder, readQuery, type QueryReading, type SearchHit, type Suggestion, type SuggestOptions } from './engine.ts';
export type { Reason, Phrase, Direction } from './reasons.ts';
export type { Profile, LocalizedText, OrganizationKind } from './profile.ts';
export { encodeFeatures, decodeFeatures, type StoredFeatures } from './stored-features.ts';
export { extractFeatures, fieldTexts, type ProfileFeatures } from './features.ts';

export interface MatchingToolkit {
  analyzer: TextAnalyzer;
  lexicon: Lexicon;
}

let toolkit: Promise<MatchingToolkit> | null = null;

/** The analyzer (with the process's one kuromoji) and the compiled lexicon, built once. */
export function loadMatchingToolkit(): Promise<MatchingToolkit> {
  toolkit ??= loadJapaneseTokenizer().then((tokenizer) => {
    const concepts = loadConcepts();
    const analyzer = createTextAnalyzer(tokenizer, lexiconWords(concepts));
    return { analyzer, lexicon: compileLexicon(concepts, analyzer) };
  });
  return toolkit;
}

/**
 * An engine that indexes features analysed elsewhere (a worker thread, or stored from an earlier
 * run) and never analyses text itself: it needs the concept catalogue (groups for weights, labels
 * and terms for reasons) but not kuromoji, so it starts in milliseconds and without ~300 MB.
 */
export function createIndexEngine(options: Partial<Omit<EngineOptions, 'analyzer'>> = {}): MatchingEngine {
  const concepts = new Map(loadConcepts().map((entry) => [entry.id, entry]));
  const unavailable = (): never => {
    throw new Error('this engine only indexes analysed features; analyse texts with a MatchingToolkit');
  };
  return new MatchingEngine({
    analyzer: { analyze: unavailable },
    lexicon: { concepts, match: unavailable, matchLoanwords: unavailable, loanwordKeysOf: unavailable },
    ...options,
  });
}

export async function createMatchingEngine(options: Partial<EngineOptions> = {}): Promise<MatchingEngine> {
  const { analyzer, lexicon } = await loadMatchingToolkit();
  return new MatchingEngine({ analyzer, lexicon, ...options });
}
