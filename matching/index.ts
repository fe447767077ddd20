import { MatchingEngine, type EngineOptions } from './engine.ts';
import { compileLexicon, type Lexicon } from './lexicon/lexicon.ts';
import { lexiconWords, loadConcepts } from './lexicon/load.ts';
import { createTextAnalyzer, type TextAnalyzer } from './text/analyze.ts';
import { loadJapaneseTokenizer } from './text/ja.ts';

export { MatchingEngine, crossBorder, type SearchHit, type Suggestion, type SuggestOptions } from './engine.ts';
export type { Reason, Phrase, Direction } from './reasons.ts';
export type { Profile, LocalizedText, OrganizationKind } from './profile.ts';

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

export async function createMatchingEngine(options: Partial<EngineOptions> = {}): Promise<MatchingEngine> {
  const { analyzer, lexicon } = await loadMatchingToolkit();
  return new MatchingEngine({ analyzer, lexicon, ...options });
}
