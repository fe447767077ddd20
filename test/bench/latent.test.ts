import { describe, expect, it } from 'vitest';
import { cosine, learnLatentSpace } from '../../bench/latent.ts';

const doc = (...terms: string[]) => new Map(terms.map((t) => [t, 1]));

describe('cross-language LSI', () => {
  it('puts words that appear together in bilingual texts close, and unrelated ones apart', () => {
    const bilingual = [
      doc('en:cashmer', 'mn:ноолуур', 'en:yarn'),
      doc('en:cashmer', 'mn:ноолуур'),
      doc('en:yarn', 'mn:утс', 'en:cashmer', 'mn:ноолуур'),
      doc('en:mine', 'mn:уурхай'),
      doc('en:mine', 'mn:уурхай', 'en:coal'),
      doc('en:coal', 'mn:нүүрс', 'en:mine', 'mn:уурхай'),
    ];
    const space = learnLatentSpace(bilingual, { dims: 2, minDf: 2, maxTerms: 100 })!;
    expect(space.dims).toBe(2);
    const english = space.project(new Map([['en:cashmer', 1]]));
    const mongolian = space.project(new Map([['mn:ноолуур', 1]]));
    const mining = space.project(new Map([['mn:уурхай', 1]]));
    expect(cosine(english, mongolian)).toBeGreaterThan(0.95);
    expect(cosine(english, mining)).toBeLessThan(0.1);
    expect(space.project(new Map([['ja:未知', 1]]))).toBeNull();
  });

  it('declines to learn from fewer texts than dimensions', () => {
    expect(learnLatentSpace([doc('en:a', 'mn:b'), doc('en:a', 'mn:b')], { dims: 40, minDf: 2, maxTerms: 10 })).toBeNull();
  });
});
