import { fieldTexts, isConceptFeature, type Field, type Source } from './features.ts';
import type { DocField } from './inverted-index.ts';
import { broaderOf, type Lexicon } from './lexicon/lexicon.ts';
import type { Profile } from './profile.ts';
import { highlight, type Span } from './highlight.ts';

export type Direction = 'a-needs-b-offers' | 'b-needs-a-offers' | 'both-about';

export interface Phrase {
  field: Field;
  /** Index of the offer or need (for `about`: 0 is the description, then the sectors). */
  item: number;
  lang: string;
  text: string;
  /** Where the evidence sits in `text`: character spans [start, end). */
  spans: Span[];
}

export interface Reason {
  direction: Direction;
  /** The concept that matched, with its label in each language, or null for a shared term. */
  concept: { id: string; group: string; label: { ja: string; mn: string; en: string } } | null;
  /**
   * For a shared term: the word as written on side a (`text`, never a stem such as "citi"), the
   * word on side b (`other`), and the index term they share (`stem`), with its language.
   */
  term: { lang: string; text: string; other: string; stem: string } | null;
  /** Share of the score this evidence carries (query weight × partner weight). */
  weight: number;
  a: Phrase;
  b: Phrase;
}

export interface ReasonInput {
  a: Profile;
  b: Profile;
  aFields: Record<Field, DocField>;
  bFields: Record<Field, DocField>;
  featureName: (id: number) => string;
  source: (code: number) => Source;
  lexicon: Lexicon;
}

const DIRECTIONS: { direction: Direction; aField: Field; bField: Field }[] = [
  { direction: 'a-needs-b-offers', aField: 'needs', bField: 'offers' },
  { direction: 'b-needs-a-offers', aField: 'offers', bField: 'needs' },
  { direction: 'both-about', aField: 'about', bField: 'about' },
];

/**
 * Concept groups that are not a reason on their own: in a Japan–Mongolia programme nearly every
 * profile names the other country, and "startup" or "university" say who, not what they exchange.
 * They still count in the score (weighted down); they are just not shown as "why".
 */
export const NOT_A_REASON_GROUPS: ReadonlySet<string> = new Set(['place', 'role']);

/**
 * The evidence behind a pair: the features both sides share in each direction, strongest first,
 * with the phrase on each side that produced them. A term whose phrases already gave a concept is
 * left out (the concept says it better, and in every language). A place or role concept is never
 * a reason on its own, nor is a term that is one of their words ("Japan", "startup"). A shared term
 * is shown as the words written on each side, and only when those words are found and are the
 * same word (not two words that share a stem: international / internship).
 */
export function explainPair(input: ReasonInput, perDirection = 4): Reason[] {
  const out: Reason[] = [];
  for (const { direction, aField, bField } of DIRECTIONS) {
    const shared = sharedFeatures(input.aFields[aField], input.bFields[bField]);
    const reasons: Reason[] = [];
    const conceptPhrases = new Set<string>();
    // Wider concepts of a concept already given as a reason ("mining" beside "coal") say nothing more.
    const covered = new Set<string>();
    for (const { id, weight: exact, aSource: aCode, bSource: bCode } of shared) {
      // Four decimals, like scores: enough to compare, and not 17 digits in every answer.
      const weight = Math.round(exact * 1e4) / 1e4;
      const name = input.featureName(id);
      const aSource = input.source(aCode);
      const bSource = input.source(bCode);
      const phraseKey = `${aSource.item}/${bSource.item}`;
      if (isConceptFeature(name)) {
        const entry = input.lexicon.concepts.get(name.slice(2));
        if (!entry) continue;
        conceptPhrases.add(phraseKey);
        if (NOT_A_REASON_GROUPS.has(entry.group) || covered.has(entry.id)) continue;
        for (const wider of broaderOf(input.lexicon.concepts, entry.id)) covered.add(wider);
        const needles = (lang: string) => [...(entry.terms[lang as Lang] ?? []), entry.label[lang as Lang] ?? ''];
        const a = phrase(input.a, aField, aSource.item, aSource.lang, needles(aSource.lang));
        const b = phrase(input.b, bField, bSource.item, bSource.lang, needles(bSource.lang));
        reasons.push({ direction, concept: { id: entry.id, group: entry.group, label: entry.label }, term: null, weight, a, b });
      } else {
        if (conceptPhrases.has(phraseKey)) continue;
        const colon = name.indexOf(':');
        const lang = name.slice(0, colon);
        const stem = name.slice(colon + 1);
        if (lang === 'ro' || isPlaceOrRole(input.lexicon, name)) continue;
        const a = phrase(input.a, aField, aSource.item, aSource.lang, [stem]);
        const b = phrase(input.b, bField, bSource.item, bSource.lang, [stem]);
        const aWord = firstWord(a);
        const bWord = firstWord(b);
        if (!aWord || !bWord || !sameWord(aWord, bWord)) continue;
        reasons.push({ direction, concept: null, term: { lang, text: aWord, other: bWord, stem }, weight, a, b });
      }
      if (reasons.length >= perDirection) break;
    }
    out.push(...reasons);
  }
  return out;
}

function sharedFeatures(a: DocField, b: DocField): { id: number; weight: number; aSource: number; bSource: number }[] {
  const shared: { id: number; weight: number; aSource: number; bSource: number }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) {
      shared.push({ id: x, weight: a.values[i]! * b.values[j]!, aSource: a.sources[i]!, bSource: b.sources[j]! });
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  // Concepts before terms at equal weight: they read the same in every language.
  return shared.sort((p, q) => q.weight - p.weight);
}

type Lang = 'ja' | 'mn' | 'en';

function phrase(profile: Profile, field: Field, item: number, lang: string, needles: readonly string[]): Phrase {
  const text = fieldTexts(profile)[field][item]?.[lang] ?? '';
  return { field, item, lang, text, spans: highlight(text, lang, needles) };
}

function isPlaceOrRole(lexicon: Lexicon, token: string): boolean {
  return lexicon.match([token]).some((m) => NOT_A_REASON_GROUPS.has(lexicon.concepts.get(m.conceptId)?.group ?? ''));
}

/** The first marked word of a phrase, as written. */
function firstWord(p: Phrase): string | null {
  const span = p.spans[0];
  return span ? p.text.slice(span[0], span[1]) : null;
}

/**
 * Two written words are the same word when one is the other plus an ending: battery / batteries,
 * ноолуур / ноолууран; not international / internship, which only share the stem "intern".
 */
export function sameWord(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return true;
  let common = 0;
  while (common < x.length && common < y.length && x[common] === y[common]) common++;
  // Japanese words meet on their base form; the marked words differ only in their kana ending (売り, 売ら).
  if (/^[\p{Script=Han}\p{Script=Katakana}]/u.test(x)) return common >= 1;
  return common >= 3 && common >= 0.75 * Math.min(x.length, y.length);
}

/**
 * The `n` reasons a list shows of a pair's `reasons` (as `explainPair` gives them: by direction,
 * strongest first): the strongest of each direction in turn, so that both sides' needs show before
 * a third reason of one side; kept in their order.
 */
export function strongestReasons(reasons: readonly Reason[], n: number): Reason[] {
  if (reasons.length <= n) return reasons.slice();
  const byDirection = new Map<Direction, number[]>();
  reasons.forEach((r, i) => {
    byDirection.set(r.direction, [...(byDirection.get(r.direction) ?? []), i]);
  });
  const taken = new Set<number>();
  for (let round = 0; taken.size < n; round++)
    for (const indexes of byDirection.values()) if (round < indexes.length && taken.size < n) taken.add(indexes[round]!);
  return reasons.filter((_, i) => taken.has(i));
}
