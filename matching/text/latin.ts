import { toRomaji } from 'wanakana';
import type { JapaneseTokenizer } from './ja.ts';

/**
 * A name in Latin letters, so that a reader who cannot read the other side's script can still say
 * it aloud at the table: Mongolian Cyrillic by the common Latin transcription (ө → ö, ү → ü,
 * х → kh, ж → j, as Mongolians write their names in passports), Japanese by the kuromoji reading
 * turned into Hepburn romaji (kanji names read as the dictionary reads them, which is usually but
 * not always how the person reads theirs). Latin text is returned as it is.
 */
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'ye', ё: 'yo', ж: 'j', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', ө: 'ö', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ү: 'ü', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh',
  щ: 'shch', ъ: '', ы: 'y', ь: 'i', э: 'e', ю: 'yu', я: 'ya',
};

// е is "ye" at the start of a word or after a vowel, "e" after a consonant (Трейд → Treid).
const CONSONANT = /[бвгджзйклмнпрстфхцчшщ]/;

export function cyrillicToLatin(text: string): string {
  const chars = [...text.normalize('NFC')];
  return chars.map((ch, i) => {
    const lower = ch.toLowerCase();
    const latin = lower === 'е' && CONSONANT.test(chars[i - 1]?.toLowerCase() ?? '') ? 'e' : CYRILLIC[lower];
    if (latin === undefined) return ch;
    return ch === lower ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
  }).join('');
}

const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Japanese text in romaji, word by word (kuromoji's readings for kanji; kana as written). */
export function japaneseToLatin(text: string, tokenizer: JapaneseTokenizer): string {
  return text.split(/\s+/).filter(Boolean).map((part) => {
    if (!JAPANESE.test(part)) return part;
    return tokenizer.tokenize(part).map((t) => capitalise(toRomaji(t.reading && t.reading !== '*' ? t.reading : t.surface_form))).join(' ');
  }).join(' ');
}

/** The Latin form of a name, or null when it is already in Latin letters (nothing to add). */
export function latinName(name: string, tokenizer: JapaneseTokenizer): string | null {
  let out = name;
  if (JAPANESE.test(out)) out = japaneseToLatin(out, tokenizer);
  if (/\p{Script=Cyrillic}/u.test(out)) out = cyrillicToLatin(out);
  return out === name ? null : out;
}
