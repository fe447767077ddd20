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

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu;
const MIN_STEM = 3;

export function highlight(text: string, lang: string, needles: readonly string[]): Span[] {
  const lower = text.toLowerCase();
  const spans: Span[] = [];
  for (const raw of needles) {
    const needle = raw.toLowerCase().trim();
    if (!needle) continue;
    const exact = occurrences(lower, needle, lang !== 'ja');
    if (exact.length) {
      spans.push(...exact);
      continue;
    }
    if (lang === 'ja') {
      const stem = needle.replace(/[\p{Script=Hiragana}ー]+$/u, '');
      if (stem.length >= 2 && stem !== needle) spans.push(...occurrences(lower, stem, false));
    } else {
      spans.push(...stemmedWords(lower, needle));
    }
  }
  return merge(spans);
}

/** Occurrences of `needle`; for alphabetic scripts only as whole words. */
function occurrences(text: string, needle: string, wholeWords: boolean): Span[] {
  const out: Span[] = [];
  const letter = (i: number) => i >= 0 && i < text.length && /[\p{L}\p{N}]/u.test(text[i]!);
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    if (wholeWords && (letter(at - 1) || letter(at + needle.length))) continue;
    out.push([at, at + needle.length]);
  }
  return out;
}

/** Each word of the needle, as a stem, at the start of a word of the text (all words must be found). */
function stemmedWords(text: string, needle: string): Span[] {
  const words = needle.match(WORD) ?? [];
  const out: Span[] = [];
  for (const word of words) {
    const stem = word.length > MIN_STEM + 1 ? word.slice(0, Math.max(MIN_STEM, word.length - 2)) : word;
    const found: Span[] = [];
    for (const m of text.matchAll(WORD)) if (m[0].startsWith(stem)) found.push([m.index!, m.index! + m[0].length]);
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
