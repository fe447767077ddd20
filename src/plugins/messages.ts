import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createMeetingsRepository } from '../events/meetings-repository.ts';
import { createEventsRepository } from '../events/repository.ts';
import { createDuePlanner, type DuePlanner, type DueRound } from '../messages/due.ts';
import { createMessages, type Messages } from '../messages/notifier.ts';
import { createOutbox, type Outbox } from '../messages/outbox.ts';
import { createSender, smtpTransport, type DeliveryRound, type MailTransport, type Sender } from '../messages/sender.ts';
import { createFeedback, type Feedback } from '../outcomes/feedback.ts';
import { createReports, type Reports } from '../outcomes/reports.ts';
import { createOutcomesRepository, type OutcomesRepository } from '../outcomes/repository.ts';

export interface MailOptions {
  /** smtp://… or smtps://…; without it (and without `transport`) messages stay in the outbox. */
  smtpUrl?: string;
  /** A transport of one's own (tests); wins over smtpUrl. */
  transport?: MailTransport;
  from?: string;
  /** The address links in messages point to. */
  publicUrl?: string;
  /** Run due work and deliveries every this many ms in the background; none when absent (tests call `mail.tick()`). */
  intervalMs?: number;
  /** How long a claimed message stays this process's (default 2 minutes). */
  leaseMs?: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The outbox: other modules enqueue messages here inside their own transaction. */
    outbox: Outbox;
    /** Turns changes into messages (who, which language, which link). */
    messages: Messages;
    outcomes: OutcomesRepository;
    /** Feedback after meetings and follow-ups months later. */
    feedback: Feedback;
    /** Outcome reports, and the outcomes as labels for the matching's learning step (`reports.labels()`). */
    reports: Reports;
    mail: {
      sender: Sender;
      planner: DuePlanner;
      /** Writes what fell due to the outbox, then delivers what it can. */
      tick(): Promise<{ due: DueRound; delivered: DeliveryRound }>;
    };
  }
}

/**
 * Messages: the outbox, the composer, the scheduled messages and the sender. Registered before the
 * events plugin, whose rules call `messages.notices` inside their transactions.
 */
export default fp(
  async function messagesPlugin(app: FastifyInstance, opts: MailOptions) {
    const outbox = createOutbox(app.db, app.now);
    const events = createEventsRepository(app.db, app.now);
    const meetings = createMeetingsRepository(app.db, app.now);
    const outcomes = createOutcomesRepository(app.db);
    const messages = createMessages({
      outbox,
      events,
      meetings,
      organization: (id) => app.organizations.get(id),
      publicUrl: (opts.publicUrl ?? 'http://127.0.0.1:3000').replace(/\/+$/, ''),
      transaction: (work) => app.db.transaction(() => work()),
    });
    const transport = opts.transport ?? (opts.smtpUrl ? smtpTransport(opts.smtpUrl) : null);
    const sender = createSender({
      outbox,
      transport,
      from: opts.from ?? 'Musubi <no-reply@musubi.invalid>',
      now: app.now,
      ...(opts.leaseMs ? { leaseMs: opts.leaseMs } : {}),
    });
    const planner = createDuePlanner({ db: app.db, events, meetings, outbox, outcomes, messages }, app.now);
    const tick = async () => ({ due: planner.plan(), delivered: await sender.deliver() });

    app.decorate('outbox', outbox);
    app.decorate('messages', messages);
    app.decorate('outcomes', outcomes);
    app.decorate('mail', { sender, planner, tick });
    app.decorate(
      'reports',
      createReports({
        events,
        meetings,
        outbox,
        outcomes,
        now: app.now,
        organizations: (ids) => app.organizations.byIds(ids),
        pairs: (status) => app.matches.list({ status, limit: 1_000_000, offset: 0 }).rows,
      }),
    );
    app.decorate(
      'feedback',
      createFeedback({ outbox, events, meetings, outcomes, now: app.now, organizationName: (id) => app.organizations.get(id)?.name ?? {} }),
    );

    if (opts.intervalMs) {
      let current: Promise<unknown> = Promise.resolve();
      const timer = setInterval(() => {
        current = tick().catch((error: unknown) => app.log.error({ err: error }, 'messages round failed; the next round tries again'));
      }, opts.intervalMs);
      timer.unref();
      app.addHook('onClose', async () => {
        clearInterval(timer);
        await current;
      });
    }
    app.addHook('onClose', async () => sender.close());
  },
  { name: 'messages', dependencies: ['database', 'organizations', 'matching'] },
);
