/**
 * Where the evidence of a reason sits in its phrase, so a page can mark it: character spans
 * [start, end) of the words that carry a concept's term (or a shared term) in the phrase's own
 * language. The engine matches on analysed tokens (base forms, stems), which do not keep their
 * positions; this finds them again on the surface text, which is close enough to point at: an exact
 * term first, else the words that begin with the term's stem (Mongolian and English inflect at the
 * end: "ноолуур" marks "Ноолууран", "export" marks "exports"), else, in Japanese, the term without
 * its trailing kana (調達する marks 調達し).
 */
export type Span = [start: number, end: number];

import { isMostlyLatin } from './text/normalize.ts';
import { cyrillicKey, latinKey } from './text/mn/latin.ts';

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu;
const MIN_STEM = 3;
const LETTER = /[\p{L}\p{N}]/u;
const TRAILING_KANA = /[\p{Script=Hiragana}ー]+$/u;

export function highlight(text: string, lang: string, needles: readonly string[]): Span[] {
  if (lang === 'mn' && isMostlyLatin(text)) return highlightLatinMongolian(text, needles);
  const lower = text.toLowerCase();
  const wanted = needles.map((n) => n.toLowerCase().trim()).filter(Boolean);
  // Exact terms first; only when none is on the surface are stems tried (the text split into words once).
  const exact = wanted.flatMap((needle) => occurrences(lower, needle, lang !== 'ja'));
  if (exact.length) return merge(exact);
  if (lang === 'ja') {
    return merge(
      wanted.flatMap((needle) => {
        const stem = needle.replace(TRAILING_KANA, '');
        return stem.length >= 2 && stem !== needle ? occurrences(lower, stem, false) : [];
      }),
    );
  }
  const words = [...lower.matchAll(WORD)].map((m): [string, number] => [m[0], m.index!]);
  return merge(wanted.flatMap((needle) => stemmedWords(words, needle)));
}

/** Occurrences of `needle`; for alphabetic scripts only as whole words. */
function occurrences(text: string, needle: string, wholeWords: boolean): Span[] {
  const out: Span[] = [];
  const letter = (i: number) => i >= 0 && i < text.length && LETTER.test(text[i]!);
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    if (wholeWords && (letter(at - 1) || letter(at + needle.length))) continue;
    out.push([at, at + needle.length]);
  }
  return out;
}

/** Each word of the needle, as a stem, at the start of a word of the text (all words must be found). */
function stemmedWords(words: readonly [word: string, at: number][], needle: string): Span[] {
  const out: Span[] = [];
  for (const word of needle.match(WORD) ?? []) {
    const stem = word.length > MIN_STEM + 1 ? word.slice(0, Math.max(MIN_STEM, word.length - 2)) : word;
    const found = words.filter(([w]) => w.startsWith(stem)).map(([w, at]): Span => [at, at + w.length]);
    if (!found.length) return [];
    out.push(...found);
  }
  return out;
}

function merge(spans: Span[]): Span[] {
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Span[] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else out.push([span[0], span[1]]);
  }
  return out;
}

/**
 * Mongolian typed in Latin letters, against Cyrillic terms: both sides are reduced to a coarse key
 * that forgets what Latin typing forgets (ө/о, ү/у/v, ы/й/и/y), then matched as stems are.
 */
function highlightLatinMongolian(text: string, needles: readonly string[]): Span[] {
  const coarse = (key: string) =>
    key
      .replace(/q/g, 'o')
      .replace(/[wv]/g, 'u')
      .replace(/y/g, 'i')
      .replace(/(.)\1+/g, '$1');
  const words = [...text.matchAll(WORD)].map((m): [string, number, number] => [coarse(latinKey(m[0])), m.index!, m.index! + m[0].length]);
  const spans: Span[] = [];
  for (const needle of needles) {
    const parts = needle.toLowerCase().match(WORD) ?? [];
    if (!parts.length) continue;
    const found: Span[] = [];
    for (const part of parts) {
      const key = coarse(/\p{Script=Cyrillic}/u.test(part) ? cyrillicKey(part) : latinKey(part));
      const stem = key.length > MIN_STEM + 1 ? key.slice(0, Math.max(MIN_STEM, key.length - 2)) : key;
      const hits = words.filter(([w]) => w.startsWith(stem)).map(([, start, end]): Span => [start, end]);
      if (!hits.length) {
        found.length = 0;
        break;
      }
      found.push(...hits);
    }
    spans.push(...found);
  }
  return merge(spans);
}
