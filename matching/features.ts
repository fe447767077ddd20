import { broaderOf, type Lexicon } from './lexicon/lexicon.ts';
import type { LocalizedText, Profile } from './profile.ts';
import { isMostlyLatin, type TextAnalyzer } from './text/analyze.ts';

/** The three parts of a profile that are matched separately. */
export type Field = 'offers' | 'needs' | 'about';
export const FIELDS: readonly Field[] = ['offers', 'needs', 'about'];

/** Where a feature was seen: which item of the field, in which language version. */
export interface Source {
  item: number;
  lang: string;
}

/** A field's features: raw counts, and the first place each was seen (for reasons). */
export interface FieldBag {
  counts: Map<string, number>;
  sources: Map<string, Source>;
}

export type ProfileFeatures = Record<Field, FieldBag>;

/** Feature names: concepts are shared by all languages; terms stay within theirs. */
export const conceptFeature = (id: string) => `c:${id}`;
export const isConceptFeature = (feature: string) => feature.startsWith('c:');

export interface FeatureOptions {
  /** Keep the language terms as features (off for a concepts-only ablation). Default true. */
  terms: boolean;
  /** Map terms to concepts through the lexicon (off for the plain TF-IDF baseline). Default true. */
  concepts: boolean;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { terms: true, concepts: true };

/** The texts of each field: about = description and sectors (the name says little about fit). */
export function fieldTexts(profile: Profile): Record<Field, LocalizedText[]> {
  return {
    offers: profile.offers,
    needs: profile.needs,
    about: [profile.description, ...profile.sectors.map((s) => ({ und: s }))],
  };
}

/** Profile → features per field: every language version of every item, analysed and matched. */
export function extractFeatures(
  profile: Profile,
  analyzer: TextAnalyzer,
  lexicon: Lexicon,
  options: FeatureOptions = DEFAULT_FEATURE_OPTIONS,
): ProfileFeatures {
  const texts = fieldTexts(profile);
  const out = {} as ProfileFeatures;
  const hints = { latinMongolianTypist: writesLatinMongolian(profile) };
  for (const field of FIELDS) {
    const bag: FieldBag = { counts: new Map(), sources: new Map() };
    texts[field].forEach((text, item) => {
      for (const [lang, value] of Object.entries(text)) {
        if (!value) continue;
        const { tokens, extra, loanwords } = analyzer.analyze(value, lang, hints);
        const add = (feature: string) => {
          bag.counts.set(feature, (bag.counts.get(feature) ?? 0) + 1);
          if (!bag.sources.has(feature)) bag.sources.set(feature, { item, lang });
        };
        if (options.terms) {
          tokens.forEach(add);
          extra.forEach(add);
        }
        if (options.concepts) {
          const matches = lexicon.match(tokens);
          for (const m of matches) add(conceptFeature(m.conceptId));
          const found = new Set(matches.map((m) => m.conceptId));
          // A loanword spelled unlike any term (サプライチェーン, логистик) names a concept once per text.
          for (const id of lexicon.matchLoanwords(loanwords))
            if (!found.has(id)) {
              found.add(id);
              add(conceptFeature(id));
            }
          // The wider concepts, once per text: "coal" also says "mining", "seed funding" "fundraising".
          const wider = new Set<string>();
          for (const id of found) for (const b of broaderOf(lexicon.concepts, id)) if (!found.has(b)) wider.add(b);
          for (const id of wider) add(conceptFeature(id));
        }
      }
    });
    out[field] = bag;
  }
  return out;
}

/** Whether any text of the profile is Mongolian typed in Latin letters (filed as `mn`, written in Latin). */
export function writesLatinMongolian(profile: Profile): boolean {
  return [profile.description, ...profile.offers, ...profile.needs].some((t) => typeof t.mn === 'string' && isMostlyLatin(t.mn));
}
