import { randomUUID } from 'node:crypto';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { OutboxRow } from '../db/schema.ts';
import { CATEGORY_OF } from './templates.ts';
import type { Outbox } from './outbox.ts';

/** What the sender needs of a mail transport: nodemailer's SMTP transport, or a test's stand-in. */
export interface MailTransport {
  sendMail(mail: SendMailOptions): Promise<unknown>;
  close?(): void;
}

export interface SenderOptions {
  outbox: Outbox;
  /** Null: no mail server configured; messages stay in the outbox for matchmakers to read. */
  transport: MailTransport | null;
  from: string;
  now: () => Date;
  /** How long a claimed message is this sender's (a sender that dies lets go when it runs out). */
  leaseMs?: number;
  /** Tries before a message is given up as failed. */
  maxAttempts?: number;
  /** Messages claimed per round. */
  batch?: number;
}

export interface DeliveryRound {
  sent: number;
  retrying: number;
  failed: number;
  suppressed: number;
}

/** Wait before try n + 1: 30 s, 1 min, 2 min, 4 min … at most 6 h. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

/** Sign-in links are secrets: once delivered, the stored copy keeps only a stub of the token. */
function redacted(row: OutboxRow): Partial<Pick<OutboxRow, 'text' | 'html'>> {
  if (row.kind !== 'sign-in') return {};
  const hide = (s: string) => s.replace(/(#\/sign-in\/)[A-Za-z0-9_-]+/g, '$1…');
  return { text: hide(row.text), html: hide(row.html) };
}

export function smtpTransport(url: string): MailTransport {
  return nodemailer.createTransport(url);
}

/**
 * Delivers the outbox. Each round claims due messages with a lease in the database (so two
 * processes never send one message at once, and one that dies mid-round lets go when the lease
 * runs out), sends each through SMTP and records the answer: sent, or tried again later with
 * backoff, or failed after the last try. Delivery is at least once: if the process dies after the
 * server said yes but before the row says sent, the message goes again after the lease, with the
 * same Message-ID (derived from its idempotency key), which mail clients show once.
 */
export function createSender(o: SenderOptions) {
  const owner = `sender-${randomUUID()}`;
  const leaseMs = o.leaseMs ?? 120_000;
  const maxAttempts = o.maxAttempts ?? 8;
  let running: Promise<DeliveryRound> | null = null;

  async function round(): Promise<DeliveryRound> {
    const result: DeliveryRound = { sent: 0, retrying: 0, failed: 0, suppressed: 0 };
    if (!o.transport) return result;
    const claimed = o.outbox.claim(owner, new Date(o.now().getTime() + leaseMs).toISOString(), o.batch ?? 50);
    for (const row of claimed) {
      // Turned off after the message was written: kept for the record, not sent.
      if (o.outbox.optedOut(row.recipientEmail, CATEGORY_OF[row.kind])) {
        o.outbox.markSuppressed(row.id, owner);
        result.suppressed++;
        continue;
      }
      try {
        await o.transport.sendMail({
          from: o.from,
          to: { name: row.recipientName, address: row.recipientEmail },
          subject: row.subject,
          text: row.text,
          html: row.html,
          messageId: row.messageId,
          headers: {
            'Content-Language': row.lang,
            'X-Musubi-Kind': row.kind,
            ...(row.unsubscribeUrl ? { 'List-Unsubscribe': `<${row.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
          },
          attachments: row.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
        });
        o.outbox.markSent(row.id, owner, redacted(row));
        result.sent++;
      } catch (error) {
        const attempts = row.attempts + 1;
        const retryAt = attempts >= maxAttempts ? null : new Date(o.now().getTime() + backoffMs(attempts)).toISOString();
        o.outbox.markFailed(row.id, owner, String((error as Error).message ?? error), retryAt);
        if (retryAt) result.retrying++;
        else result.failed++;
      }
    }
    return result;
  }

  return {
    owner,
    enabled: o.transport !== null,
    /** One delivery round; rounds never overlap within a process. */
    deliver(): Promise<DeliveryRound> {
      if (!running) running = round().finally(() => (running = null));
      return running;
    },
    close(): void {
      o.transport?.close?.();
    },
  };
}

export type Sender = ReturnType<typeof createSender>;
