/**
 * Mongolian (Khalkha, Cyrillic script) tokenizer.
 *
 * Mongolian Cyrillic has two letters Russian lacks, ө and ү. Patterns built on [А-Яа-я] (as in
 * `natural`'s WordTokenizer) split "хөгжүүлэлт" into "х", "гж", "лэлт"; every pattern here is
 * written with Unicode properties instead.
 */

/**
 * A word: letters, digits and combining marks, optionally joined by single hyphens.
 * Hyphenated compounds ("Улаан-Үдэ", "онлайн-сургалт") are one token because their parts mean
 * something else apart; a lone hyphen or a dash (– —) matches nothing and so separates.
 * U+2010 and U+2011 are the typographic and non-breaking hyphens that word processors insert.
 */
const WORD = /[\p{L}\p{N}\p{M}]+(?:[-\u2010\u2011][\p{L}\p{N}\p{M}]+)*/gu;

/**
 * Apostrophes are deleted rather than treated as separators, so "ОХУ’ын" or "don't" stay one
 * word. Quotation marks («» “” „ " etc.) are not letters and already separate words.
 */
const APOSTROPHES = /['\u2018\u2019\u02BC\u02B9`\u00B4]/gu;

/**
 * Invisible characters that copy-paste leaves inside words (soft hyphen, zero-width space and
 * joiners, word joiner, BOM); left in, they would cut a word in two.
 */
const INVISIBLES = /[\u00AD\u200B-\u200D\u2060\uFEFF]/gu;

/**
 * Stress marks (combining grave and acute) appear in dictionaries and teaching material; NFC cannot
 * fold them into a Mongolian letter, and left in they stop "ба́йна" from matching "байна".
 */
const STRESS_MARKS = /[\u0300\u0301]/gu;

/**
 * Latin letters that look like Cyrillic ones after lower-casing. Text typed on a Latin keyboard
 * layout or run through OCR mixes them into Cyrillic words ("Улаанбаатap"), which would then never
 * match the correctly spelled word.
 */
const LATIN_LOOKALIKES: Readonly<Record<string, string>> = {
  a: 'а',
  b: 'в',
  c: 'с',
  e: 'е',
  h: 'н',
  k: 'к',
  m: 'м',
  o: 'о',
  p: 'р',
  t: 'т',
  x: 'х',
  y: 'у',
};

/** NFC first so that "й", "ё" typed as base letter + combining mark compare equal to the composed letters. */
export function normalizeMongolian(text: string): string {
  return text.normalize('NFC').replace(INVISIBLES, '').replace(STRESS_MARKS, '').replace(APOSTROPHES, '').toLowerCase();
}

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/**
 * Replaces Latin look-alike letters in a word part that is mostly Cyrillic. Parts that are mostly
 * Latin ("ai", "erp", "google") are left alone, and each hyphen-separated part is judged on its
 * own so that "it-компани" keeps its Latin "it".
 */
export function repairMixedScript(part: string): string {
  const cyrillic = countMatches(part, /\p{Script=Cyrillic}/gu);
  const latin = countMatches(part, /\p{Script=Latin}/gu);
  if (cyrillic === 0 || latin === 0 || latin >= cyrillic) return part;
  return part.replace(/\p{Script=Latin}/gu, (letter) => LATIN_LOOKALIKES[letter] ?? letter);
}

function repairToken(token: string): string {
  return token
    .split(/([-\u2010\u2011])/u)
    .map((piece, index) => (index % 2 === 1 ? '-' : repairMixedScript(piece)))
    .join('');
}

/**
 * Splits Mongolian text into lower-case word tokens. Latin words and numbers pass through
 * lower-cased ("AI" → "ai"), because Mongolian profiles name technologies in English.
 */
export function tokenizeMongolian(text: string): string[] {
  const normalized = normalizeMongolian(text);
  return Array.from(normalized.matchAll(WORD), (match) => repairToken(match[0]));
}
