import type { TextAnalyzer } from '../text/analyze.ts';
import { stemMongolian } from '../text/mn/stem.ts';
import { cyrillicSkeleton, englishSkeletons, katakanaSkeleton, looksLikeCyrillicLoanword, MIN_SKELETON } from '../text/loanword.ts';

export interface ConceptEntry {
  id: string;
  group: string;
  label: { ja: string; mn: string; en: string };
  terms: Partial<Record<'ja' | 'mn' | 'en', string[]>>;
  /**
   * Wider concepts this one is a kind of (a thesaurus's broader term): 石炭 is mining, a sweater is
   * knitwear, seed funding is fundraising. A profile that names the narrow concept also counts for
   * the wide one, so "coal" meets "mining" and "online retailer" meets "越境EC".
   */
  broader?: string[];
}

export interface ConceptMatch {
  conceptId: string;
  /** Index of the first and one past the last matched token. */
  start: number;
  end: number;
}

export interface Lexicon {
  concepts: ReadonlyMap<string, ConceptEntry>;
  /** Concepts found in a token sequence: longest match first, no overlaps. */
  match(tokens: readonly string[]): ConceptMatch[];
  /**
   * Concepts named by loanwords spelled unlike any term (サプライチェーン, логистик): their
   * consonant skeletons (text/loanword.ts) against those of the terms. A skeleton that leads to two
   * concepts leads to none.
   */
  matchLoanwords(keys: readonly string[]): string[];
  /** The skeletons that lead to a concept (to find its loanwords again in a phrase). */
  loanwordKeysOf(conceptId: string): ReadonlySet<string>;
}

/** The concepts wider than `id` (broader, and theirs in turn), nearest first, without `id` itself. */
export function broaderOf(concepts: ReadonlyMap<string, ConceptEntry>, id: string): readonly string[] {
  let memo = broaderMemo.get(concepts);
  if (!memo) {
    memo = new Map();
    broaderMemo.set(concepts, memo);
  }
  let out = memo.get(id);
  if (out) return out;
  out = [];
  const queue = [...(concepts.get(id)?.broader ?? [])];
  while (queue.length) {
    const next = queue.shift()!;
    if (next === id || out.includes(next) || !concepts.has(next)) continue;
    out.push(next);
    queue.push(...(concepts.get(next)?.broader ?? []));
  }
  memo.set(id, out);
  return out;
}

/** broaderOf's answers per catalogue (it is read for every concept of every text indexed). */
const broaderMemo = new WeakMap<ReadonlyMap<string, ConceptEntry>, Map<string, string[]>>();

/** A term as the analyzer reads it: its tokens, and the concept it names. */
export interface LexiconPattern {
  tokens: string[];
  conceptId: string;
}

/**
 * Compiles the glossary through the same analyzer as profile text, so a term matches a profile
 * exactly when both reduce to the same base forms or stems (「カシミヤ糸」 and 「カシミヤの糸」 both
 * become ja:カシミヤ ja:糸; "ноолууран утас" and "ноолуурын утсыг" share their stems).
 */
export function compileLexicon(entries: readonly ConceptEntry[], analyzer: TextAnalyzer): Lexicon {
  return lexiconFromPatterns(entries, lexiconPatterns(entries, analyzer));
}

/** Every term's tokens (the part of compiling that needs the analyzer, and kuromoji): plain data. */
export function lexiconPatterns(entries: readonly ConceptEntry[], analyzer: TextAnalyzer): LexiconPattern[] {
  const out: LexiconPattern[] = [];
  for (const entry of entries) {
    for (const lang of ['ja', 'mn', 'en'] as const) {
      for (const term of entry.terms[lang] ?? []) {
        const tokens = analyzer.analyze(term, lang).tokens;
        if (tokens.length) out.push({ tokens, conceptId: entry.id });
      }
    }
  }
  return out;
}

/** The lexicon from its terms' tokens (read by `lexiconPatterns`, here or elsewhere). */
export function lexiconFromPatterns(entries: readonly ConceptEntry[], patterns: readonly LexiconPattern[]): Lexicon {
  const concepts = new Map<string, ConceptEntry>();
  for (const entry of entries) concepts.set(entry.id, entry);
  const byFirst = new Map<string, LexiconPattern[]>();
  for (const { tokens, conceptId } of patterns) {
    const list = byFirst.get(tokens[0]!) ?? [];
    if (!list.some((p) => p.conceptId === conceptId && sameTokens(p.tokens, tokens))) list.push({ tokens, conceptId });
    byFirst.set(tokens[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);

  const loanwordOwners = new Map<string, Set<string>>();
  for (const entry of entries) {
    const keys = [
      ...(entry.terms.en ?? []).flatMap(englishSkeletons),
      ...(entry.terms.ja ?? []).filter((t) => /^[\p{Script=Katakana}ー・]+$/u.test(t)).map(katakanaSkeleton),
      ...(entry.terms.mn ?? [])
        .filter((t) => /^\p{Script=Cyrillic}+$/u.test(t) && looksLikeCyrillicLoanword(t))
        .map((t) => cyrillicSkeleton(stemMongolian(t.toLowerCase()))),
    ];
    for (const key of keys) {
      if (key.length < MIN_SKELETON) continue;
      const owners = loanwordOwners.get(key) ?? new Set<string>();
      owners.add(entry.id);
      loanwordOwners.set(key, owners);
    }
  }
  const loanwords = new Map<string, string>();
  const keysOf = new Map<string, Set<string>>();
  for (const [key, owners] of loanwordOwners) {
    if (owners.size !== 1) continue;
    const [id] = owners as unknown as [string];
    loanwords.set(key, id);
    keysOf.set(id, (keysOf.get(id) ?? new Set()).add(key));
  }
  const none: ReadonlySet<string> = new Set();

  return {
    concepts,
    matchLoanwords(keys) {
      const out: string[] = [];
      for (const key of keys) {
        const id = loanwords.get(key);
        if (id !== undefined && !out.includes(id)) out.push(id);
      }
      return out;
    },
    loanwordKeysOf: (id) => keysOf.get(id) ?? none,
    match(tokens) {
      const out: ConceptMatch[] = [];
      let i = 0;
      while (i < tokens.length) {
        const candidates = byFirst.get(tokens[i]!);
        const hit = candidates?.find((p) => p.tokens.every((t, k) => tokens[i + k] === t));
        if (hit) {
          // A term that two concepts share (deliberately, e.g. "feed") counts for each of them.
          for (const other of candidates!) {
            if (other.tokens.length === hit.tokens.length && sameTokens(other.tokens, hit.tokens)) {
              out.push({ conceptId: other.conceptId, start: i, end: i + hit.tokens.length });
            }
          }
          i += hit.tokens.length;
        } else {
          i++;
        }
      }
      return out;
    },
  };
}

function sameTokens(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}
