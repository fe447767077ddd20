import { toRomaji } from 'wanakana';
import { stemMongolian } from './mn/stem.ts';

/**
 * Loanwords across scripts. Japanese writes English loanwords in katakana (サプライチェーン,
 * ロジスティクス, マネジメント) and Mongolian writes them in Cyrillic (логистик, маркетинг,
 * менежмент), often spelled differently from any term in the lexicon. All three spellings keep the
 * word's consonants in order, after a few sound rules (l and r are one sound in Japanese, v is b,
 * r after a vowel is silent in katakana: server サーバー, ch/ts/ti all become チ or ツ…). The
 * consonant skeleton is the key: `sprtn` for supply chain, サプライチェーン and сапплай чейн.
 *
 * Only whole words meet on a skeleton, and only skeletons of five consonants or more: shorter ones
 * collide by chance (бизнес and biotech, カスタム and ecosystem). Cyrillic words lose their
 * Mongolian suffixes first (логистикийн is логистик). The lexicon keeps a skeleton only when it leads to one concept.
 */
export const MIN_SKELETON = 5;

/** Sound rules shared by the three spellings, on lower-case Latin letters; then vowels go. */
function consonants(latin: string): string {
  const s = latin
    .replace(/sh/g, 's')
    .replace(/ch|ts/g, 't')
    .replace(/h/g, 'k')
    .replace(/l/g, 'r')
    .replace(/v/g, 'b')
    .replace(/z/g, 's')
    .replace(/[wy]/g, '')
    .replace(/[aeiou]/g, '');
  return s.replace(/(.)\1+/g, '$1');
}

/** English spelling → the consonants a katakana or Cyrillic rendering keeps (per word). */
function englishWord(word: string): string {
  let w = word
    .replace(/tion|sion/g, 'shon')
    .replace(/^tech/g, 'tek')
    .replace(/ch(?=[^aeiouy]|$)/g, 'k')
    .replace(/ph/g, 'f')
    .replace(/th/g, 's')
    .replace(/ck/g, 'k')
    .replace(/qu/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/gh/g, '')
    .replace(/gn$/g, 'n')
    .replace(/^kn/g, 'n')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c(?!h)/g, 'k')
    .replace(/dg(?=[eiy])/g, 'j')
    .replace(/g(?=[eiy])/g, 'j');
  if (w.length > 3) w = w.replace(/e$/, '');
  // r after a vowel and before a consonant or the end is silent in katakana (サーバー, マーケット).
  w = w.replace(/([aeiou])r+(?=[^aeiouy]|$)/g, '$1');
  return consonants(w);
}

/** Skeletons of an English term (with and without a plural s: logistics and логистик). */
export function englishSkeletons(term: string): string[] {
  const words = term.toLowerCase().match(/[a-z]+/g) ?? [];
  if (!words.length) return [];
  const full = words.map(englishWord).join('');
  const last = words[words.length - 1]!;
  const singular = /[^s]s$/.test(last) && last.length > 3 ? [...words.slice(0, -1), last.slice(0, -1)].map(englishWord).join('') : full;
  return [...new Set([full, singular])];
}

/** A katakana word's skeleton (via its romanisation; ー and ・ carry no consonant). */
export function katakanaSkeleton(kana: string): string {
  return consonants(
    toRomaji(kana.replace(/[・･]/g, ''))
      .toLowerCase()
      .replace(/[^a-z]/g, ''),
  );
}

const CYRILLIC_LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'j',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  ө: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ү: 'u',
  ф: 'f',
  х: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sh',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** A Cyrillic loanword's skeleton: its letters read as the English (or Russian) spelling they copy. */
export function cyrillicSkeleton(word: string): string {
  let latin = '';
  for (const ch of word.toLowerCase()) latin += CYRILLIC_LATIN[ch] ?? '';
  // Cyrillic copies the English word as it sounds (логистик, технологи): g before i is j in the
  // English spelling's skeleton, and r after a vowel goes as in katakana.
  return consonants(latin.replace(/g(?=[eiy])/g, 'j').replace(/([aeiou])r+(?=[^aeiouy]|$)/g, '$1'));
}

/**
 * Loanword-looking Cyrillic words: letters native Khalkha words do not use (п ф к щ ъ), or е
 * after the first letter, and long enough to carry a skeleton.
 */
export function looksLikeCyrillicLoanword(word: string): boolean {
  return word.length >= 5 && /[пфкщъ]|.е/u.test(word.toLowerCase());
}

const KATAKANA_RUN = /[\p{Script=Katakana}ー・]{3,}/gu;
const CYRILLIC_WORD = /\p{Script=Cyrillic}+/gu;

/** The skeletons of the loanwords in a text: katakana runs and loanword-looking Cyrillic words. */
export function loanwordKeys(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(KATAKANA_RUN)) {
    const key = katakanaSkeleton(m[0]);
    if (key.length >= MIN_SKELETON) out.push(key);
  }
  for (const m of text.matchAll(CYRILLIC_WORD)) {
    if (!looksLikeCyrillicLoanword(m[0])) continue;
    const key = cyrillicSkeleton(stemMongolian(m[0].toLowerCase()));
    if (key.length >= MIN_SKELETON) out.push(key);
  }
  return out;
}
