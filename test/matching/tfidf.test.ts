import { describe, expect, it } from 'vitest';
import { dot, l2normalize, smoothIdf, sublinearTf, tfidfVector } from '../../matching/tfidf.ts';
import { InvertedIndex } from '../../matching/inverted-index.ts';

describe('TF-IDF', () => {
  it('computes sublinear tf and smoothed idf as written', () => {
    expect(sublinearTf(0)).toBe(0);
    expect(sublinearTf(1)).toBe(1);
    expect(sublinearTf(3)).toBeCloseTo(1 + Math.log(3), 12);
    // 4 documents, a term in 1 of them: ln(5/2) + 1
    expect(smoothIdf(4, 1)).toBeCloseTo(1.916290731874155, 12);
    expect(smoothIdf(4, 4)).toBe(1);
  });

  it('matches a hand-computed vector', () => {
    // Counts: feature 0 ×2 (df 1 of 4), feature 1 ×1 (df 4 of 4).
    // Raw weights: (1 + ln 2) · (ln(5/2) + 1) = 1.693147 · 1.916291 = 3.244562; 1 · 1 = 1.
    // Norm: sqrt(3.244562² + 1²) = 3.395166 → 0.955641, 0.294535.
    const v = tfidfVector(
      new Map([
        [1, 1],
        [0, 2],
      ]),
      (id) => (id === 0 ? smoothIdf(4, 1) : smoothIdf(4, 4)),
      () => 1,
    );
    expect([...v.ids]).toEqual([0, 1]);
    expect(v.values[0]).toBeCloseTo(0.955641, 5);
    expect(v.values[1]).toBeCloseTo(0.294535, 5);
  });

  it('normalises to unit length and leaves a zero vector alone', () => {
    expect([...l2normalize(new Float32Array([3, 4]))]).toEqual([0.6000000238418579, 0.800000011920929]);
    expect([...l2normalize(new Float32Array([0, 0]))]).toEqual([0, 0]);
  });

  it('takes the dot product of sparse vectors over shared ids only', () => {
    const a = { ids: Int32Array.from([1, 4, 7]), values: Float32Array.from([0.5, 0.5, 0.5]) };
    const b = { ids: Int32Array.from([0, 4, 7, 9]), values: Float32Array.from([1, 0.2, 0.4, 1]) };
    expect(dot(a, b)).toBeCloseTo(0.3, 6);
  });
});

describe('inverted index', () => {
  const bag = (counts: Record<string, number>) => ({ counts: new Map(Object.entries(counts)), sources: new Map() });
  const doc = (offers: Record<string, number>) => ({ offers: bag(offers), needs: bag({}), about: bag({}) });
  /** Which documents an offers vector reaches, and with what dot product. */
  const scoresFor = (index: InvertedIndex, query: Record<string, number>) => {
    index.upsert(999, doc(query));
    const acc = index.newAccumulator();
    acc.generation = 1;
    index.accumulate(index.field(index.slot(999)!, 'offers'), 'offers', 'fwd', acc);
    const out = new Map<number, number>();
    for (let i = 0; i < acc.count; i++) {
      const key = index.keyAt(acc.touched[i]!);
      if (key !== 999) out.set(key, +acc.scores.fwd[acc.touched[i]!]!.toFixed(4));
    }
    index.remove(999);
    return out;
  };

  it('finds only documents that share a feature, and forgets removed ones', () => {
    const index = new InvertedIndex({ typeWeight: () => 1, refreshDrift: 0.1 });
    index.upsert(1, doc({ 'c:cashmere': 1, 'en:yarn': 1 }));
    index.upsert(2, doc({ 'c:mining': 1 }));
    index.upsert(3, doc({ 'c:cashmere': 2 }));
    expect([...scoresFor(index, { 'c:cashmere': 1 }).keys()].sort()).toEqual([1, 3]);
    index.remove(3);
    expect([...scoresFor(index, { 'c:cashmere': 1 }).keys()]).toEqual([1]);
    expect(index.size).toBe(2);
  });

  it('gives the cosine of the two unit vectors as the score', () => {
    const index = new InvertedIndex({ typeWeight: () => 1, refreshDrift: 0.1 });
    index.upsert(1, doc({ 'c:cashmere': 1 }));
    // The query and document 1 are the same single-feature vector: cosine 1.
    expect(scoresFor(index, { 'c:cashmere': 1 }).get(1)).toBe(1);
  });

  it('replaces a document on upsert and reuses freed slots', () => {
    const index = new InvertedIndex({ typeWeight: () => 1, refreshDrift: 0.1 });
    index.upsert(1, doc({ 'c:cashmere': 1 }));
    index.upsert(2, doc({ 'c:mining': 1 }));
    index.upsert(1, doc({ 'c:mining': 1 }));
    expect(scoresFor(index, { 'c:cashmere': 1 }).size).toBe(0);
    expect([...scoresFor(index, { 'c:mining': 1 }).keys()].sort()).toEqual([1, 2]);
    expect(index.capacity).toBe(3);
  });
});
