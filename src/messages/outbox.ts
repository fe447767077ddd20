import { hash, randomBytes } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { hashToken } from '../tokens/repository.ts';
import {
  messageLinks,
  messageOptOuts,
  outbox,
  type MailAttachment,
  type MessageKind,
  type MessageLinkRow,
  type MessageStatus,
  type OutboxRow,
} from '../db/schema.ts';

/** A message ready to be stored: who gets it, in which language, and what it says. */
export interface NewMessage {
  /** Names the cause, e.g. `meeting-moved:12:attendee:3:seq:4`: the same key is stored once. */
  key: string;
  kind: MessageKind;
  recipient: { email: string; name: string; lang: string; attendeeId?: number | null; organizationId?: number | null };
  eventId?: number | null;
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
  unsubscribeUrl?: string | null;
  /** Stored as `suppressed` (kept for the record, never sent): the person turned this kind off. */
  suppressed?: boolean;
}

export interface MessageQuery {
  status?: MessageStatus;
  kind?: MessageKind;
  eventId?: number;
  limit: number;
  offset: number;
}

export type LinkPurpose = MessageLinkRow['purpose'];

/**
 * The outbox as stored: rows in, rows out. Every write is one statement on the caller's connection,
 * so a message enqueued inside a domain transaction commits or rolls back with it.
 */
export function createOutbox(db: Db, now: () => Date) {
  const stamp = () => now().toISOString();
  return {
    /** Stores a message unless its key is known; the row, or null when the key was already there. */
    enqueue(m: NewMessage): OutboxRow | null {
      const at = stamp();
      return (
        db
          .insert(outbox)
          .values({
            idempotencyKey: m.key,
            kind: m.kind,
            eventId: m.eventId ?? null,
            attendeeId: m.recipient.attendeeId ?? null,
            organizationId: m.recipient.organizationId ?? null,
            recipientEmail: m.recipient.email,
            recipientName: m.recipient.name,
            lang: m.recipient.lang,
            subject: m.subject,
            text: m.text,
            html: m.html,
            attachments: m.attachments ?? [],
            unsubscribeUrl: m.unsubscribeUrl ?? null,
            status: m.suppressed ? 'suppressed' : 'pending',
            nextAttemptAt: at,
            // Derived from the cause, so a message delivered twice (a crash between the server's yes and
            // our note of it) carries the same Message-ID and a mail client shows it once.
            messageId: `<${hash('sha256', m.key, 'hex').slice(0, 32)}@musubi>`,
            createdAt: at,
          })
          .onConflictDoNothing({ target: outbox.idempotencyKey })
          .returning()
          .get() ?? null
      );
    },

    has: (key: string): boolean => !!db.select({ id: outbox.id }).from(outbox).where(eq(outbox.idempotencyKey, key)).get(),
    get: (id: number): OutboxRow | null => db.select().from(outbox).where(eq(outbox.id, id)).get() ?? null,
    byKey: (key: string): OutboxRow | null => db.select().from(outbox).where(eq(outbox.idempotencyKey, key)).get() ?? null,

    list(q: MessageQuery): { rows: OutboxRow[]; total: number } {
      const where: SQL[] = [];
      if (q.status) where.push(eq(outbox.status, q.status));
      if (q.kind) where.push(eq(outbox.kind, q.kind));
      if (q.eventId !== undefined) where.push(eq(outbox.eventId, q.eventId));
      const rows = db
        .select()
        .from(outbox)
        .where(and(...where))
        .orderBy(desc(outbox.id))
        .limit(q.limit)
        .offset(q.offset)
        .all();
      const total =
        db
          .select({ n: sql<number>`count(*)` })
          .from(outbox)
          .where(and(...where))
          .get()?.n ?? 0;
      return { rows, total };
    },

    counts(): Record<MessageStatus, number> {
      const out: Record<MessageStatus, number> = { pending: 0, sent: 0, failed: 0, suppressed: 0 };
      for (const r of db.select({ status: outbox.status, n: sql<number>`count(*)` }).from(outbox).groupBy(outbox.status).all()) out[r.status] = r.n;
      return out;
    },

    /** Messages of one kind per organisation, for some sessions (not counting suppressed ones). */
    countByOrganization(kind: MessageKind, eventIds: readonly number[]): Map<number, number> {
      if (!eventIds.length) return new Map();
      const rows = db
        .select({ organizationId: outbox.organizationId, n: sql<number>`count(*)` })
        .from(outbox)
        .where(and(eq(outbox.kind, kind), inArray(outbox.eventId, [...eventIds]), sql`${outbox.status} <> 'suppressed'`))
        .groupBy(outbox.organizationId)
        .all();
      return new Map(rows.filter((r) => r.organizationId !== null).map((r) => [r.organizationId!, r.n]));
    },

    /**
     * Claims up to `limit` due messages for `owner` until `leaseUntil`: pending, due, and not leased
     * by anyone else (or their lease ran out: that sender died). One UPDATE, so two senders never
     * claim the same row.
     */
    claim(owner: string, leaseUntil: string, limit: number): OutboxRow[] {
      const at = stamp();
      const due = db
        .select({ id: outbox.id })
        .from(outbox)
        .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, at), or(isNull(outbox.leaseUntil), lt(outbox.leaseUntil, at))))
        .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
        .limit(limit);
      return db
        .update(outbox)
        .set({ leaseOwner: owner, leaseUntil })
        .where(and(inArray(outbox.id, due), eq(outbox.status, 'pending'), or(isNull(outbox.leaseUntil), lt(outbox.leaseUntil, at))))
        .returning()
        .all();
    },

    /** Records a delivery, if this sender still holds the lease. */
    markSent(id: number, owner: string, changes: Partial<Pick<OutboxRow, 'text' | 'html'>> = {}): boolean {
      return (
        db
          .update(outbox)
          .set({ status: 'sent', sentAt: stamp(), attempts: sql`${outbox.attempts} + 1`, leaseOwner: null, leaseUntil: null, lastError: null, ...changes })
          .where(and(eq(outbox.id, id), eq(outbox.leaseOwner, owner)))
          .run().changes > 0
      );
    },

    /** Records a failed try: again at `retryAt`, or given up (`failed`) when null. */
    markFailed(id: number, owner: string, error: string, retryAt: string | null): void {
      db.update(outbox)
        .set({
          status: retryAt ? 'pending' : 'failed',
          attempts: sql`${outbox.attempts} + 1`,
          lastError: error.slice(0, 500),
          nextAttemptAt: retryAt ?? stamp(),
          leaseOwner: null,
          leaseUntil: null,
        })
        .where(and(eq(outbox.id, id), eq(outbox.leaseOwner, owner)))
        .run();
    },

    /** A message not to send after all (its recipient turned the kind off meanwhile). */
    markSuppressed(id: number, owner: string): void {
      db.update(outbox)
        .set({ status: 'suppressed', leaseOwner: null, leaseUntil: null })
        .where(and(eq(outbox.id, id), eq(outbox.leaseOwner, owner)))
        .run();
    },

    optOut(email: string, category: string): void {
      db.insert(messageOptOuts).values({ email: email.toLowerCase(), category, at: stamp() }).onConflictDoNothing().run();
    },
    optedOut: (email: string, category: string): boolean =>
      !!db
        .select({ e: messageOptOuts.email })
        .from(messageOptOuts)
        .where(and(eq(messageOptOuts.email, email.toLowerCase()), eq(messageOptOuts.category, category)))
        .get(),

    /** A new link token (returned once; only its hash is stored). */
    createLink(values: Omit<typeof messageLinks.$inferInsert, 'tokenHash' | 'createdAt'>): string {
      const token = randomBytes(32).toString('base64url');
      db.insert(messageLinks)
        .values({ ...values, tokenHash: hashToken(token), createdAt: stamp() })
        .run();
      return token;
    },
    link: (token: string, purpose?: LinkPurpose): MessageLinkRow | null =>
      db
        .select()
        .from(messageLinks)
        .where(and(eq(messageLinks.tokenHash, hashToken(token)), purpose ? eq(messageLinks.purpose, purpose) : undefined))
        .get() ?? null,
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
