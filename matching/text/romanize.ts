import { toRomaji } from 'wanakana';
import type { JapaneseTokenizer } from './ja.ts';

/**
 * Names everyone can read aloud: a Latin form of a Japanese or Mongolian name, so that a Mongolian
 * reader can say "Nishida Kazuo" at table A2 and a Japanese reader "Tsagaan Süreg Nooluur KhKhK".
 *
 * - Japanese: kuromoji's readings (katakana) → modified Hepburn with macrons for long vowels
 *   (トウキョウ → Tōkyō, サトウ → Satō, ー → a macron), each word capitalised. A word the
 *   dictionary has no reading for keeps its kana converted, or its surface when it is not kana.
 * - Mongolian (and Russian) Cyrillic: the national standard MNS 5217:2012 (ө → ö, ү → ü, х → kh,
 *   ц → ts, ё → yo, е → ye, й → i…); long vowels stay doubled (аа → aa, өө → öö, ий → ii).
 * - Latin letters and digits are kept.
 *
 * Pure: the shared kuromoji tokenizer is an argument.
 */

const MNS_5217: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'ye',
  ё: 'yo',
  ж: 'j',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  ө: 'ö',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ү: 'ü',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sh',
  ъ: 'i',
  ы: 'y',
  ь: 'i',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

const CYRILLIC = /\p{Script=Cyrillic}/u;
const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}ー]/u;

/** Mongolian Cyrillic → Latin by MNS 5217:2012. A word in capitals (ХХК) stays in capitals (KHKHK). */
export function romanizeMongolian(text: string): string {
  const chars = [...text.normalize('NFC')];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const lower = c.toLowerCase();
    const latin = MNS_5217[lower];
    if (latin === undefined) {
      out += c;
      continue;
    }
    if (c === lower) {
      out += latin;
      continue;
    }
    // A capital: the whole digraph in capitals inside a word written in capitals, else only its first letter.
    const neighbours = [chars[i - 1], chars[i + 1]].filter((n): n is string => !!n && /\p{L}/u.test(n));
    const allCaps = neighbours.length > 0 && neighbours.every((n) => n !== n.toLowerCase());
    out += allCaps ? latin.toUpperCase() : latin.charAt(0).toUpperCase() + latin.slice(1);
  }
  return out;
}

/** Hepburn with macrons: the long vowels of a reading written once, with a bar. */
function hepburn(kana: string): string {
  return toRomaji(kana).replace(/ou|oo/g, 'ō').replace(/uu/g, 'ū').replace(/aa/g, 'ā').replace(/ee/g, 'ē');
}

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Japanese → Latin words, by the readings of kuromoji's tokens. */
export function romanizeJapanese(tokenizer: JapaneseTokenizer, text: string): string {
  const words: string[] = [];
  let glue = false;
  for (const token of tokenizer.tokenize(text.normalize('NFKC'))) {
    const surface = token.surface_form;
    if (/^\s+$/u.test(surface)) {
      glue = false;
      continue;
    }
    let word: string;
    if (/^[\p{P}\p{S}]+$/u.test(surface)) word = surface === '・' ? ' ' : surface;
    else if (token.pos === '助詞' && (surface === 'は' || surface === 'へ')) word = surface === 'は' ? 'wa' : 'e';
    else if (token.reading && token.reading !== '*') word = hepburn(token.reading);
    else if (/^[\p{Script=Hiragana}\p{Script=Katakana}ー]+$/u.test(surface)) word = hepburn(surface);
    else if (CYRILLIC.test(surface)) word = romanizeMongolian(surface);
    else word = surface;
    // Punctuation sticks to the word before it; particles and words stand apart.
    if (word === ' ') {
      glue = false;
      continue;
    }
    if (/^[\p{P}\p{S}]+$/u.test(word)) {
      if (words.length) words[words.length - 1] += word;
      else words.push(word);
      glue = /[-・/&]$/u.test(word);
      continue;
    }
    const shown = token.pos === '助詞' || token.pos === '助動詞' ? word : capitalise(word);
    if (glue && words.length) words[words.length - 1] += shown;
    else words.push(shown);
    glue = false;
  }
  return words.join(' ').replace(/\s+/g, ' ').trim();
}

/** Any name → its Latin form: Japanese by reading, Cyrillic by MNS 5217, Latin kept. */
export function romanize(tokenizer: JapaneseTokenizer, text: string): string {
  const clean = text.normalize('NFKC').trim();
  if (JAPANESE.test(clean)) return romanizeJapanese(tokenizer, clean);
  if (CYRILLIC.test(clean)) return romanizeMongolian(clean);
  return clean;
}

/**
 * The Latin form of a name given in several languages: the original's reading (Japanese first,
 * then Mongolian, then any other), so a Latin name of its own (`en`) is not a romanisation.
 */
export function romanizeName(tokenizer: JapaneseTokenizer, name: Record<string, string>): string {
  const source = name.ja ?? name.mn ?? Object.entries(name).find(([lang]) => lang !== 'en')?.[1] ?? name.en ?? '';
  return romanize(tokenizer, source);
}
