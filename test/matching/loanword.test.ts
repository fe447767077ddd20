import { beforeAll, describe, expect, it } from 'vitest';
import { loadMatchingToolkit, type MatchingToolkit } from '../../matching/index.ts';
import { cyrillicSkeleton, englishSkeletons, katakanaSkeleton } from '../../matching/text/loanword.ts';

let toolkit: MatchingToolkit;
beforeAll(async () => {
  toolkit = await loadMatchingToolkit();
});

describe('loanword skeletons', () => {
  it.each([
    ['supply chain', 'サプライチェーン', 'сапплай чейн'],
    ['logistics', 'ロジスティクス', 'логистик'],
    ['management', 'マネジメント', 'менежмент'],
    ['marketing', 'マーケティング', 'маркетинг'],
    ['consulting', 'コンサルティング', 'консалтинг'],
    ['platform', 'プラットフォーム', 'платформ'],
    ['technology', 'テクノロジー', 'технологи'],
  ])('%s, %s and %s share a skeleton', (en, ja, mn) => {
    expect(englishSkeletons(en)).toContain(katakanaSkeleton(ja));
    expect(englishSkeletons(en)).toContain(cyrillicSkeleton(mn.replace(' ', '')));
  });

  it('keeps words apart that only share a few consonants', () => {
    expect(katakanaSkeleton('ビジネス')).not.toBe(englishSkeletons('biotechnology')[0]);
  });
});

describe('loanwords in profiles', () => {
  const loanwordConcepts = (text: string, lang: string) => toolkit.lexicon.matchLoanwords(toolkit.analyzer.analyze(text, lang).loanwords);

  it('names the concept of a katakana loanword spelled unlike any term', () => {
    expect(loanwordConcepts('ロジスティクスの効率化', 'ja')).toContain('logistics');
    expect(loanwordConcepts('コンサルタント派遣', 'ja')).toContain('consulting');
  });

  it('names the concept of a Cyrillic loanword under a Mongolian suffix', () => {
    expect(loanwordConcepts('Ложистикийн үйлчилгээ', 'mn')).toContain('logistics');
  });

  it('ignores short skeletons, which collide by chance', () => {
    expect(loanwordConcepts('ビジネス', 'ja')).toEqual([]);
  });
});
