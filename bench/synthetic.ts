import { loadConcepts } from '../matching/lexicon/load.ts';
import { ORGANIZATION_KINDS, type Profile } from '../matching/profile.ts';
import { mulberry32, weightedIndex } from '../matching/random.ts';

/**
 * Synthetic profiles for the engine benchmark: sentences built from the lexicon's own terms,
 * concepts drawn with a Zipf-like skew (a few very common, a long tail of rare ones), half Japanese
 * organisations and half Mongolian, each writing in its language, in English, or both.
 * `BENCH_LEXICON=path/to/concepts.json` draws them from another version's lexicon, so that two
 * versions of the engine are measured on the same profiles (the draw depends on the concept list).
 */
export function syntheticProfiles(count: number, seed = 7, lexicon = process.env.BENCH_LEXICON): Profile[] {
  const random = mulberry32(seed);
  const concepts = lexicon ? loadConcepts(lexicon) : loadConcepts();
  // Zipf: the i-th concept (in a shuffled order) is drawn with weight 1 / (i + 1)^0.8.
  const order = concepts.map((_, i) => i).sort(() => random() - 0.5);
  const pick = weightedIndex(
    concepts.map((_, i) => 1 / (i + 1) ** 0.8),
    random,
  );
  const concept = () => concepts[order[pick()]!]!;
  const term = (lang: 'ja' | 'mn' | 'en') => {
    const terms = concept().terms[lang] ?? [];
    return terms[Math.floor(random() * terms.length)] ?? '';
  };
  const sentence = (lang: 'ja' | 'mn' | 'en', offer: boolean) => {
    const [a, b, c] = [term(lang), term(lang), term(lang)];
    if (lang === 'ja') return offer ? `${a}と${b}の分野で${c}を提供します。` : `${a}に関する${b}と${c}を探しています。`;
    if (lang === 'mn') return offer ? `${a}, ${b} чиглэлээр ${c} санал болгоно.` : `${a} болон ${b} салбарт ${c} хэрэгтэй байна.`;
    return offer ? `We offer ${a} and ${b} with ${c}.` : `We need ${a} for ${b} and ${c}.`;
  };
  return Array.from({ length: count }, (_, i) => {
    const japanese = i % 2 === 0;
    const own = japanese ? 'ja' : 'mn';
    const mode = random();
    const langs: ('ja' | 'mn' | 'en')[] = mode < 0.45 ? [own] : mode < 0.7 ? ['en'] : [own, 'en'];
    const text = (offer: boolean) => Object.fromEntries(langs.map((l) => [l, sentence(l, offer)]));
    const items = (offer: boolean) => Array.from({ length: 2 + Math.floor(random() * 3) }, () => text(offer));
    return {
      id: i + 1,
      externalId: `syn-${i + 1}`,
      name: { en: `Organisation ${i + 1}` },
      kind: ORGANIZATION_KINDS[Math.floor(random() * ORGANIZATION_KINDS.length)]!,
      country: japanese ? 'JP' : 'MN',
      city: japanese ? 'Tokyo' : 'Ulaanbaatar',
      languages: japanese ? ['ja'] : ['mn', 'en'],
      sectors: [term('en')],
      description: text(true),
      offers: items(true),
      needs: items(false),
      sdgs: [1 + Math.floor(random() * 17)],
    };
  });
}
