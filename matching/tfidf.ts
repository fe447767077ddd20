/**
 * TF-IDF weighting, each step a function a test can check by hand.
 *
 *   w(t, d) = (1 + ln tf(t, d)) · idf(t) · typeWeight(t),   then L2-normalised over d
 *   idf(t)  = ln((1 + N) / (1 + df(t))) + 1
 *
 * Sublinear tf stops a profile that repeats "IT" ten times from outweighing one precise term; the
 * smoothed idf stays positive, so a feature every profile has still counts a little.
 */
export function sublinearTf(count: number): number {
  return count > 0 ? 1 + Math.log(count) : 0;
}

export function smoothIdf(documents: number, documentFrequency: number): number {
  return Math.log((1 + documents) / (1 + documentFrequency)) + 1;
}

/** Scales values in place to unit length; a zero vector stays zero. */
export function l2normalize(values: Float32Array): Float32Array {
  let sum = 0;
  for (const v of values) sum += v * v;
  if (sum === 0) return values;
  const inv = 1 / Math.sqrt(sum);
  for (let i = 0; i < values.length; i++) values[i]! *= inv;
  return values;
}

/** A sparse vector: feature ids in ascending order and their values. */
export interface SparseVector {
  ids: Int32Array;
  values: Float32Array;
}

export const EMPTY_VECTOR: SparseVector = { ids: new Int32Array(0), values: new Float32Array(0) };

/** Dot product of two sparse vectors by merging their sorted ids. */
export function dot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) sum += a.values[i++]! * b.values[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

/**
 * The TF-IDF vector of one field: counts by feature id → unit-length weights.
 * `idf` and `typeWeight` are looked up per feature id.
 */
export function tfidfVector(counts: ReadonlyMap<number, number>, idf: (id: number) => number, typeWeight: (id: number) => number): SparseVector {
  const ids = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
  const values = new Float32Array(ids.length);
  ids.forEach((id, i) => {
    values[i] = sublinearTf(counts.get(id)!) * idf(id) * typeWeight(id);
  });
  return { ids, values: l2normalize(values) };
}
