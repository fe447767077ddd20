import { Matrix, SVD } from 'ml-matrix';
import { smoothIdf, sublinearTf } from '../matching/tfidf.ts';

/**
 * An experiment, not part of the engine (issue 17): measured in `npm run eval`, it lowered MRR, so
 * production does not use it and it lives with the benchmarks.
 *
 * Cross-language latent semantic indexing (CL-LSI): a low-dimensional space learned from texts that
 * were given in two languages at once. A bilingual text puts its Japanese (or Mongolian) words and
 * its English words in one column, so the SVD places translations near each other; projecting a
 * one-language field into that space lets it meet a field in the other language.
 *
 * Dense linear algebra on a reduced matrix (the vocabulary of the bilingual texts × those texts),
 * which is what ml-matrix is for; never the whole corpus.
 */
export interface LatentOptions {
  /** Dimensions kept. */
  dims: number;
  /** A term must occur in this many bilingual texts to enter the space. */
  minDf: number;
  /** At most this many terms (the most frequent). */
  maxTerms: number;
}

export interface LatentSpace {
  dims: number;
  terms: number;
  /** A field's term counts → a unit vector in the latent space, or null when no term is known. */
  project(counts: ReadonlyMap<string, number>): Float64Array | null;
}

export function learnLatentSpace(documents: readonly ReadonlyMap<string, number>[], options: LatentOptions): LatentSpace | null {
  const df = new Map<string, number>();
  for (const doc of documents) for (const term of doc.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const vocabulary = [...df]
    .filter(([, n]) => n >= options.minDf)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, options.maxTerms)
    .map(([t]) => t);
  if (vocabulary.length < options.dims || documents.length < options.dims) return null;
  const row = new Map(vocabulary.map((t, i) => [t, i]));
  const idf = vocabulary.map((t) => smoothIdf(documents.length, df.get(t)!));

  const x = Matrix.zeros(vocabulary.length, documents.length);
  documents.forEach((doc, j) => {
    let norm = 0;
    for (const [term, count] of doc) {
      const i = row.get(term);
      if (i === undefined) continue;
      const w = sublinearTf(count) * idf[i]!;
      x.set(i, j, w);
      norm += w * w;
    }
    if (norm > 0) for (let i = 0; i < vocabulary.length; i++) x.set(i, j, x.get(i, j) / Math.sqrt(norm));
  });
  const u = new SVD(x, { computeLeftSingularVectors: true, computeRightSingularVectors: false, autoTranspose: true }).leftSingularVectors;
  const dims = Math.min(options.dims, u.columns);

  return {
    dims,
    terms: vocabulary.length,
    project(counts) {
      const z = new Float64Array(dims);
      let any = false;
      for (const [term, count] of counts) {
        const i = row.get(term);
        if (i === undefined) continue;
        any = true;
        const w = sublinearTf(count) * idf[i]!;
        for (let k = 0; k < dims; k++) z[k]! += w * u.get(i, k);
      }
      if (!any) return null;
      let norm = 0;
      for (const v of z) norm += v * v;
      if (norm === 0) return null;
      for (let k = 0; k < dims; k++) z[k]! /= Math.sqrt(norm);
      return z;
    },
  };
}

export function cosine(a: Float64Array | null, b: Float64Array | null): number {
  if (!a || !b) return 0;
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k]! * b[k]!;
  return Math.max(0, s);
}
