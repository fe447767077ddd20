import type { Field } from './features.ts';
import { dot, sublinearTf } from './tfidf.ts';

/** A field's raw features as the index keeps them: ids ascending, counts. */
export interface RawField {
  ids: Int32Array;
  counts: Uint16Array;
}

/** What a feature weighs before its concept group's multiplier (idf × type weight), and its group (null: not a concept). */
export interface FeatureBase {
  weight: number;
  group: string | null;
}

export interface TextSignals {
  fwd: number;
  back: number;
  about: number;
}

/**
 * The text signals of some pairs as they would be under other concept-group weights, without
 * touching the index: for fitting those weights (learn.ts, fitGroupWeights). Each profile's fields
 * are read once; every call weighs them with the groups given, normalises, and takes the three
 * cosines of each pair (fwd = needs·offers, back = offers·needs, about = about·about). A pair with a
 * profile that is not indexed gives null.
 */
export function reweigher(
  pairs: readonly (readonly [number, number])[],
  fieldOf: (key: number, field: Field) => RawField | undefined,
  base: (featureId: number) => FeatureBase,
): (groups: Readonly<Record<string, number>>) => (TextSignals | null)[] {
  interface Prepared {
    ids: Int32Array;
    base: Float64Array;
    groups: (string | null)[];
  }
  const bases = new Map<number, FeatureBase>();
  const baseOf = (id: number) => {
    let b = bases.get(id);
    if (!b) {
      b = base(id);
      bases.set(id, b);
    }
    return b;
  };
  const prepared = new Map<string, Prepared | null>();
  const prepare = (key: number, field: Field): Prepared | null => {
    const k = `${key}:${field}`;
    if (prepared.has(k)) return prepared.get(k)!;
    const raw = fieldOf(key, field);
    const out = raw
      ? {
          ids: raw.ids,
          base: Float64Array.from(raw.ids, (id, i) => sublinearTf(raw.counts[i]!) * baseOf(id).weight),
          groups: Array.from(raw.ids, (id) => baseOf(id).group),
        }
      : null;
    prepared.set(k, out);
    return out;
  };
  const fields = pairs.map(([a, b]) => ({
    a: { needs: prepare(a, 'needs'), offers: prepare(a, 'offers'), about: prepare(a, 'about') },
    b: { needs: prepare(b, 'needs'), offers: prepare(b, 'offers'), about: prepare(b, 'about') },
  }));
  return (groups) => {
    const values = new Map<Prepared, Float32Array>();
    const weigh = (p: Prepared): Float32Array => {
      let v = values.get(p);
      if (v) return v;
      v = new Float32Array(p.base.length);
      let sum = 0;
      for (let i = 0; i < v.length; i++) {
        const g = p.groups[i];
        v[i] = p.base[i]! * (g === null || g === undefined ? 1 : (groups[g] ?? 1));
        sum += v[i]! * v[i]!;
      }
      const inv = sum > 0 ? 1 / Math.sqrt(sum) : 0;
      for (let i = 0; i < v.length; i++) v[i]! *= inv;
      values.set(p, v);
      return v;
    };
    const cos = (x: Prepared, y: Prepared) => dot({ ids: x.ids, values: weigh(x) }, { ids: y.ids, values: weigh(y) });
    return fields.map(({ a, b }) => {
      if (!a.needs || !a.offers || !a.about || !b.needs || !b.offers || !b.about) return null;
      return { fwd: cos(a.needs, b.offers), back: cos(a.offers, b.needs), about: cos(a.about, b.about) };
    });
  };
}
