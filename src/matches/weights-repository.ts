import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { matchingWeights, type MatchingWeightsRow } from '../db/schema.ts';

export type NewFit = Omit<typeof matchingWeights.$inferInsert, 'id' | 'adoptedAt' | 'adoptedBy' | 'retiredAt' | 'retiredBy'>;

/** Fitted score weights (matching_weights): which one is in use, the history of fits. */
export function createWeightsRepository(db: Db) {
  const inUse = (tx: Pick<Db, 'select'> = db): MatchingWeightsRow | null =>
    tx
      .select()
      .from(matchingWeights)
      .where(and(isNotNull(matchingWeights.adoptedAt), isNull(matchingWeights.retiredAt)))
      .orderBy(desc(matchingWeights.adoptedAt), desc(matchingWeights.id))
      .get() ?? null;
  const retire = (tx: Pick<Db, 'update'>, by: string, at: string) =>
    tx
      .update(matchingWeights)
      .set({ retiredAt: at, retiredBy: by })
      .where(and(isNotNull(matchingWeights.adoptedAt), isNull(matchingWeights.retiredAt)))
      .run();

  return {
    /** The adopted fit the engine scores with; null: the defaults. */
    inUse: () => inUse(),

    get: (id: number) => db.select().from(matchingWeights).where(eq(matchingWeights.id, id)).get() ?? null,

    /** The latest fits, newest first. */
    recent: (limit: number) => db.select().from(matchingWeights).orderBy(desc(matchingWeights.id)).limit(limit).all(),

    insert: (fit: NewFit): MatchingWeightsRow => db.insert(matchingWeights).values(fit).returning().get(),

    /** Puts fit `id` in use, retiring the one in use before (one transaction). */
    adopt(id: number, by: string, at: string): MatchingWeightsRow {
      return db.transaction((tx) => {
        retire(tx, by, at);
        return tx
          .update(matchingWeights)
          .set({ adoptedAt: at, adoptedBy: by, retiredAt: null, retiredBy: null })
          .where(eq(matchingWeights.id, id))
          .returning()
          .get()!;
      });
    },

    /** Back to the defaults: the fit in use, if any, is retired. */
    reset(by: string, at: string): void {
      db.transaction((tx) => {
        retire(tx, by, at);
      });
    },
  };
}

export type WeightsRepository = ReturnType<typeof createWeightsRepository>;
