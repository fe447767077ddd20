import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import kuromoji from 'kuromoji';
import { toRomaji } from 'wanakana';

export type JapaneseTokenizer = kuromoji.Tokenizer<kuromoji.IpadicFeatures>;

let shared: Promise<JapaneseTokenizer> | null = null;

/**
 * The process's one kuromoji tokenizer. Its dictionary costs ~0.8 s and ~300 MB to load (STACK.md),
 * so every caller shares the same promise.
 */
export function loadJapaneseTokenizer(): Promise<JapaneseTokenizer> {
  if (!shared) {
    const dicPath = join(dirname(createRequire(import.meta.url).resolve('kuromoji/package.json')), 'dict');
    shared = new Promise((resolve, reject) => kuromoji.builder({ dicPath }).build((error, tokenizer) => (error ? reject(error) : resolve(tokenizer))));
  }
  return shared;
}

/** Verbs and nouns that carry grammar, not meaning: "する" in 調達する, "こと", "ため". */
const STOP_BASES = new Set([
  'する',
  'いる',
  'ある',
  'なる',
  'できる',
  'れる',
  'られる',
  'おる',
  'いく',
  'くる',
  'せる',
  'させる',
  'いただく',
  'くださる',
  'もらう',
  'おく',
  'しまう',
  'みる',
  '思う',
  '考える',
  '行う',
  '求める',
  '探す',
  '目指す',
  '持つ',
  'こと',
  'もの',
  'ため',
  'よう',
  'ところ',
  'とき',
  'ほか',
  'など',
  '等',
  '方',
  '当社',
  '弊社',
  '私',
  '我々',
  '私たち',
  '皆様',
  '様',
  'さん',
  '的',
  '化',
  '性',
  '中',
  '年',
  '月',
  '日',
  '約',
  '以上',
  '以下',
  '各',
  '全',
  'ご',
  'お',
]);

/** Parts of speech that carry content: nouns (not pronouns, numbers or dependent nouns), verbs, adjectives. */
function isContentWord(t: kuromoji.IpadicFeatures): boolean {
  switch (t.pos) {
    case '名詞':
      return !['代名詞', '数', '非自立', '特殊'].includes(t.pos_detail_1);
    case '動詞':
      return t.pos_detail_1 === '自立';
    case '形容詞':
      return t.pos_detail_1 === '自立';
    default:
      return false;
  }
}

export interface JapaneseTerms {
  /** Base forms of the content words, in text order. */
  tokens: string[];
  /** Romanised forms of katakana words (mostly loanwords: オフショア → ofushoa). */
  romanised: string[];
}

/**
 * Japanese text → content words in base form (particles and auxiliaries dropped). Long text is
 * split at 。 and line breaks first, as kuromoji's lattice grows with sentence length.
 */
export function analyzeJapanese(tokenizer: JapaneseTokenizer, text: string): JapaneseTerms {
  const tokens: string[] = [];
  const romanised: string[] = [];
  for (const sentence of text.split(/(?<=[。！？!?])|\r?\n/u)) {
    if (!sentence.trim()) continue;
    for (const t of tokenizer.tokenize(sentence)) {
      if (!isContentWord(t)) continue;
      const base = (t.basic_form && t.basic_form !== '*' ? t.basic_form : t.surface_form).normalize('NFKC').toLowerCase();
      if (STOP_BASES.has(base) || /^[\p{P}\p{S}\d]+$/u.test(base)) continue;
      tokens.push(base);
      if (/^[\p{Script=Katakana}ー]+$/u.test(base) && base.length > 1) romanised.push(toRomaji(base));
    }
  }
  return { tokens, romanised };
}
