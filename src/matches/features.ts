import { asc, eq, gt, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { organizationFeatures, organizations, type OrganizationFeaturesRow } from '../db/schema.ts';
import type { ProfileColumns } from '../organizations/model.ts';

export interface FeaturesToSave {
  organizationId: number;
  textsHash: string;
  /** StoredFeatures as JSON. */
  features: string;
}

/** The stored analysis of each profile (see `organizationFeatures` in the schema). */
export function createFeaturesRepository(db: Db) {
  const save = db.$client.prepare(
    // An organisation deleted while its texts were being analysed is skipped, not an error.
    `insert into organization_features (organization_id, texts_hash, features)
     select :id, :hash, :features where exists (select 1 from organizations where id = :id)
     on conflict (organization_id) do update set texts_hash = excluded.texts_hash, features = excluded.features`,
  );
  const markRanked = db.$client.prepare('update organization_features set ranked_hash = :hash where organization_id = :id and texts_hash = :hash');

  return {
    /** Organisations with their stored features, in id order, `limit` after `afterId`: the start-up reads pages. */
    page(afterId: number, limit: number): { row: ProfileColumns; stored: Omit<OrganizationFeaturesRow, 'features'> | null }[] {
      // Only what the engine reads (rows also hold contact details and a search text as long as
      // all the texts), and without the features themselves: most come from the index's snapshot,
      // the rest by `forIds`.
      return db
        .select({
          organizations: {
            id: organizations.id,
            externalId: organizations.externalId,
            name: organizations.name,
            kind: organizations.kind,
            country: organizations.country,
            city: organizations.city,
            languages: organizations.languages,
            sectors: organizations.sectors,
            description: organizations.description,
            offers: organizations.offers,
            needs: organizations.needs,
            sdgs: organizations.sdgs,
          } satisfies Record<keyof ProfileColumns, unknown>,
          organization_features: {
            organizationId: organizationFeatures.organizationId,
            textsHash: organizationFeatures.textsHash,
            rankedHash: organizationFeatures.rankedHash,
          },
        })
        .from(organizations)
        .leftJoin(organizationFeatures, eq(organizationFeatures.organizationId, organizations.id))
        .where(gt(organizations.id, afterId))
        .orderBy(asc(organizations.id))
        .limit(limit)
        .all()
        .map((r) => ({ row: r.organizations, stored: r.organization_features }));
    },

    forIds(ids: readonly number[]): Map<number, OrganizationFeaturesRow> {
      if (!ids.length) return new Map();
      const rows = db
        .select()
        .from(organizationFeatures)
        .where(inArray(organizationFeatures.organizationId, [...ids]))
        .all();
      return new Map(rows.map((r) => [r.organizationId, r]));
    },

    save(items: readonly FeaturesToSave[]): void {
      db.transaction(() => {
        for (const item of items) save.run({ id: item.organizationId, hash: item.textsHash, features: item.features });
      });
    },

    /** Records that these organisations' pairs were ranked from the features with this hash. */
    markRanked(items: readonly { organizationId: number; textsHash: string }[]): void {
      db.transaction(() => {
        for (const item of items) markRanked.run({ id: item.organizationId, hash: item.textsHash });
      });
    },
  };
}

export type FeaturesRepository = ReturnType<typeof createFeaturesRepository>;
