import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { words as NATURAL_STOPWORDS } from 'natural/lib/natural/util/stopwords.js';
import { WordTokenizer } from 'natural/lib/natural/tokenizers/index.js';

/**
 * Words that every profile uses and that say nothing about who fits whom, on top of natural's
 * general English list. Kept short on purpose: "partner", "company" would match every profile.
 */
const PROFILE_STOPWORDS = [
  'we',
  'our',
  'us',
  'you',
  'your',
  'looking',
  'seek',
  'seeking',
  'want',
  'wish',
  'would',
  'like',
  'company',
  'companies',
  'partner',
  'partners',
  'partnership',
  'co',
  'ltd',
  'llc',
  'inc',
  'corp',
  'corporation',
  'provide',
  'provides',
  'offer',
  'offers',
  'need',
  'needs',
  'can',
  'also',
  'etc',
];

const STOPWORDS = new Set([...NATURAL_STOPWORDS, ...PROFILE_STOPWORDS]);
const tokenizer = new WordTokenizer();

/** English text → Porter stems of its content words, in order. Only ever given Latin-script runs. */
export function analyzeEnglish(text: string): string[] {
  const out: string[] = [];
  for (const word of tokenizer.tokenize(text)) {
    const lower = word.toLowerCase();
    if (STOPWORDS.has(lower) || /^\d+$/.test(lower)) continue;
    const stem = PorterStemmer.stem(lower);
    if (stem.length > 1) out.push(stem);
  }
  return out;
}
