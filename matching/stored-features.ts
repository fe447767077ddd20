import { FIELDS, type Field, type FieldBag, type ProfileFeatures } from './features.ts';

/**
 * A profile's analysed features as plain JSON, so that the service can keep them in its database
 * and rebuild the index after a restart without analysing any text again: per field, one
 * `[feature, count, item, lang]` per feature, in the order they were first seen.
 */
export type StoredFeatures = Record<Field, [feature: string, count: number, item: number, lang: string][]>;

export function encodeFeatures(features: ProfileFeatures): StoredFeatures {
  const out = {} as StoredFeatures;
  for (const field of FIELDS) {
    const { counts, sources } = features[field];
    out[field] = [...counts].map(([name, count]) => {
      const source = sources.get(name);
      return [name, count, source?.item ?? 0, source?.lang ?? 'und'];
    });
  }
  return out;
}

export function decodeFeatures(stored: StoredFeatures): ProfileFeatures {
  const out = {} as ProfileFeatures;
  for (const field of FIELDS) {
    const bag: FieldBag = { counts: new Map(), sources: new Map() };
    for (const [name, count, item, lang] of stored[field] ?? []) {
      bag.counts.set(name, count);
      bag.sources.set(name, { item, lang });
    }
    out[field] = bag;
  }
  return out;
}
