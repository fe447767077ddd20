import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  apiTokens,
  attendees,
  events,
  eventTables,
  interpreters,
  type AttendeeRow,
  type EventRow,
  type EventTableRow,
  type InterpreterRow,
} from '../db/schema.ts';
import type { EventInput, EventPatch } from '../schemas/events.ts';

/** Events and what belongs to them: tables, attendees, interpreters. Returns rows or nothing; the rules are in sessions.ts. */
export function createEventsRepository(db: Db, now: () => Date) {
  const tablesOf = (eventId: number) => db.select().from(eventTables).where(eq(eventTables.eventId, eventId)).orderBy(asc(eventTables.id)).all();
  // Prepared once: every suggestions answer asks it.
  const approvedOnlyQuery = db
    .select({ id: events.id })
    .from(events)
    .innerJoin(attendees, eq(attendees.eventId, events.id))
    .where(and(eq(attendees.organizationId, sql.placeholder('organizationId')), eq(events.approvedPairsOnly, true)))
    .prepare();

  return {
    get: (id: number): EventRow | null => db.select().from(events).where(eq(events.id, id)).get() ?? null,
    list: (): EventRow[] => db.select().from(events).orderBy(asc(events.id)).all(),
    tables: tablesOf,

    /** Whether an organisation attends any event that shows organisations approved pairs only. */
    approvedOnlyFor: (organizationId: number): boolean => !!approvedOnlyQuery.get({ organizationId }),

    create(input: EventInput): EventRow {
      return db.transaction((tx) => {
        const { tables = [], ...fields } = input;
        const row = tx.insert(events).values(fields).returning().get();
        if (tables.length)
          tx.insert(eventTables)
            .values(tables.map((name) => ({ eventId: row.id, name })))
            .run();
        return row;
      });
    },

    update(id: number, patch: EventPatch): EventRow | null {
      return (
        db
          .update(events)
          .set({ ...patch, updatedAt: now().toISOString() })
          .where(eq(events.id, id))
          .returning()
          .get() ?? null
      );
    },

    /** Deletes a session with everything in it, its attendees' tokens included (they would point nowhere). */
    delete(id: number): boolean {
      return db.transaction((tx) => {
        const people = tx
          .select({ id: attendees.id })
          .from(attendees)
          .where(eq(attendees.eventId, id))
          .all()
          .map((a) => a.id);
        if (people.length) tx.delete(apiTokens).where(inArray(apiTokens.attendeeId, people)).run();
        return tx.delete(events).where(eq(events.id, id)).run().changes > 0;
      });
    },

    addTables: (eventId: number, names: readonly string[]): EventTableRow[] =>
      db
        .insert(eventTables)
        .values(names.map((name) => ({ eventId, name })))
        .returning()
        .all(),

    /** An attendee who has not been removed. */
    attendee: (id: number): AttendeeRow | null =>
      db
        .select()
        .from(attendees)
        .where(and(eq(attendees.id, id), isNull(attendees.removedAt)))
        .get() ?? null,
    /** The attendees of an event (of one organisation); removed ones only with `withRemoved`, for names in old meetings. */
    attendees: (eventId: number, organizationId?: number, { withRemoved = false } = {}): AttendeeRow[] =>
      db
        .select()
        .from(attendees)
        .where(
          and(
            eq(attendees.eventId, eventId),
            organizationId ? eq(attendees.organizationId, organizationId) : undefined,
            withRemoved ? undefined : isNull(attendees.removedAt),
          ),
        )
        .orderBy(asc(attendees.id))
        .all(),
    /** By id, removed ones included: meetings and requests name the people they were made with. */
    attendeesByIds: (ids: readonly number[]): AttendeeRow[] =>
      ids.length
        ? db
            .select()
            .from(attendees)
            .where(inArray(attendees.id, [...ids]))
            .all()
        : [],

    addAttendee: (values: typeof attendees.$inferInsert): AttendeeRow => db.insert(attendees).values(values).returning().get(),

    interpreter: (id: number): InterpreterRow | null => db.select().from(interpreters).where(eq(interpreters.id, id)).get() ?? null,
    interpreters: (eventId: number): InterpreterRow[] =>
      db.select().from(interpreters).where(eq(interpreters.eventId, eventId)).orderBy(asc(interpreters.id)).all(),

    addInterpreter: (values: typeof interpreters.$inferInsert): InterpreterRow => db.insert(interpreters).values(values).returning().get(),

    /**
     * Gives attendees and interpreters stored without a Latin name (seed data, older rows) their
     * romanised name; also those whose "Latin" name is the name itself in another script (the seed
     * stored that until December 2026).
     */
    fillLatinNames(romanize: (name: string) => string): void {
      db.transaction((tx) => {
        for (const table of [attendees, interpreters]) {
          const rows = tx
            .select({ id: table.id, name: table.name, nameLatin: table.nameLatin })
            .from(table)
            .where(or(eq(table.nameLatin, ''), eq(table.nameLatin, table.name)))
            .all();
          for (const row of rows) {
            const latin = romanize(row.name);
            if (latin === row.nameLatin) continue;
            tx.update(table).set({ nameLatin: latin }).where(eq(table.id, row.id)).run();
          }
        }
      });
    },
  };
}

export type EventsRepository = ReturnType<typeof createEventsRepository>;
