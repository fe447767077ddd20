/** Profiles into the index without holding up requests: from the stored features, or analysed now. */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { MatchingEngine, Profile, StoredFeatures } from '../../matching/index.ts';
import type { IndexDump } from '../../matching/inverted-index.ts';
import type { FeatureAnalyser } from '../matching-worker/analyser.ts';
import type { Snapshot } from '../matching-worker/snapshot.ts';
import type { OrganizationsRepository } from '../organizations/repository.ts';
import { profileFromRow } from '../organizations/model.ts';
import type { FeaturesRepository } from './features.ts';

/** Organisations read per page at start-up. */
const PAGE = 2_000;

/** What the matching service keeps per organisation, and this fills in. */
export interface IndexState {
  /** The texts hash each indexed organisation was indexed with. */
  indexedHash: Map<number, string>;
  /** Organisations whose pairs were not ranked from their current texts. */
  toRank: Set<number>;
  /** Organisations whose texts must be analysed (no stored features for their current texts). */
  dirty: Set<number>;
}

/**
 * Brings the index in line with the database, a page at a time, without analysing any text: an
 * organisation whose texts hash as in the snapshot is taken from it, one whose stored features match
 * is indexed from them, one already indexed from the same texts only has its other fields refreshed;
 * the rest are marked dirty (to analyse). Weights are not refreshed here (the caller does it once).
 * Answers the organisations the database has, and how many came from the snapshot.
 */
export async function indexStored(
  d: { engine: MatchingEngine; features: FeaturesRepository; snapshot: Snapshot | null; hashOf: (profile: Profile) => string },
  state: IndexState,
): Promise<{ present: Set<number>; fromSnapshot: number }> {
  const { engine, features, snapshot } = d;
  const present = new Set<number>();
  let after = 0;
  let fromSnapshot = 0;
  for (;;) {
    const page = features.page(after, PAGE);
    if (!page.length) break;
    const dumped: { profile: Profile; fields: IndexDump['docs'][number]['fields'] }[] = [];
    const needStored: { profile: Profile; hash: string }[] = [];
    const unchanged: Profile[] = [];
    for (const { row, stored } of page) {
      present.add(row.id);
      const profile = profileFromRow(row);
      const hash = d.hashOf(profile);
      if (state.indexedHash.get(row.id) === hash && engine.get(row.id)) {
        // Already indexed from these texts (a rebuild): the other fields are refreshed, the vectors stay.
        unchanged.push(profile);
        if (stored?.rankedHash !== hash) state.toRank.add(row.id);
        continue;
      }
      const snapped = snapshot?.docs.get(row.id);
      if (snapped && snapped.hash === hash) {
        dumped.push({ profile, fields: snapped.fields });
        state.indexedHash.set(row.id, hash);
      } else if (stored && stored.textsHash === hash) {
        needStored.push({ profile, hash });
      } else {
        state.dirty.add(row.id);
        continue;
      }
      if (stored?.rankedHash !== hash) state.toRank.add(row.id);
    }
    fromSnapshot += dumped.length;
    // Weights are computed once at the end, not at every 10 % of growth.
    if (dumped.length) engine.upsertDumped(snapshot!, dumped, { refresh: false });
    if (needStored.length) {
      const stored = features.forIds(needStored.map((n) => n.profile.id));
      const items = needStored.flatMap(({ profile, hash }) => {
        const row = stored.get(profile.id);
        if (!row) return [];
        state.indexedHash.set(profile.id, hash);
        return [{ profile, features: JSON.parse(row.features) as StoredFeatures }];
      });
      engine.upsertStored(items, { refresh: false });
    }
    // (Only when there are some: an upsert ends with a drift check, which would refresh every page.)
    if (unchanged.length) engine.upsert(unchanged);
    after = page[page.length - 1]!.row.id;
    await yieldToEventLoop();
  }
  return { present, fromSnapshot };
}

/**
 * The features of these organisations as the database has them now: stored ones whose texts still
 * hash the same, the others analysed (by the analyser, a worker thread) and stored. Organisations
 * deleted while their texts were analysed are left out.
 */
export async function featuresOf(
  ids: readonly number[],
  d: { organizations: OrganizationsRepository; features: FeaturesRepository; analyser: FeatureAnalyser; hashOf: (profile: Profile) => string },
): Promise<{ kept: { profile: Profile; features: StoredFeatures; hash: string }[]; analysed: number }> {
  const rows = d.organizations.byIds(ids);
  const stored = d.features.forIds(ids);
  const ready: { profile: Profile; features: StoredFeatures; hash: string }[] = [];
  const todo: { profile: Profile; hash: string }[] = [];
  for (const row of rows) {
    const profile = profileFromRow(row);
    const hash = d.hashOf(profile);
    const known = stored.get(row.id);
    if (known && known.textsHash === hash) ready.push({ profile, hash, features: JSON.parse(known.features) as StoredFeatures });
    else todo.push({ profile, hash });
  }
  if (todo.length) {
    const analysed = await d.analyser.analyse(todo.map((t) => t.profile));
    d.features.save(todo.map((t, i) => ({ organizationId: t.profile.id, textsHash: t.hash, features: JSON.stringify(analysed[i]) })));
    todo.forEach((t, i) => {
      ready.push({ ...t, features: analysed[i]! });
    });
  }
  // While the texts were analysed, some of these may have been deleted: they stay out.
  const present = new Set(d.organizations.byIds(ready.map((r) => r.profile.id)).map((r) => r.id));
  return { kept: ready.filter((r) => present.has(r.profile.id)), analysed: todo.length };
}
