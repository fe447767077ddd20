import type { AttendeeRow, EventRow, MailAttachment, MeetingRequestRow, MeetingRow, MessageKind, OrganizationRow } from '../db/schema.ts';
import { invalid } from '../domain/errors.ts';
import { readableNameText, readablePerson, readablePersonName } from '../../matching/text/names.ts';
import { agendaContext, agendaIcs, meetingView } from '../events/agenda.ts';
import type { MeetingsRepository } from '../events/meetings-repository.ts';
import type { EventNotices, MeetingChange } from '../events/notices.ts';
import type { EventsRepository } from '../events/repository.ts';
import { compose, formatWhen, mailLang, word } from './composer.ts';
import type { NewMessage, Outbox } from './outbox.ts';
import { CATEGORY_OF, type MailLang } from './templates.ts';

/** Someone a message goes to: an attendee, or an organisation's contact when nobody with an address attends. */
export interface Recipient {
  email: string;
  name: string;
  lang: MailLang;
  timeZone: string;
  attendeeId: number | null;
  organizationId: number;
}

export interface MessagesDeps {
  outbox: Outbox;
  events: EventsRepository;
  meetings: MeetingsRepository;
  organization: (id: number) => OrganizationRow | null;
  /** The address links in messages point to (the web app). */
  publicUrl: string;
  transaction: <T>(work: () => T) => T;
}

export interface SignInLinks {
  sent: { attendeeId: number; messageId: number; tokenId: number }[];
  skipped: { attendeeId: number; name: string; reason: 'no-email' | 'opted-out' }[];
}

/**
 * An organisation's name in a message: the reader's language if the profile has it, else English, else
 * the original with its Latin form (names.ts). A subject line stays short where the profile gives an
 * English name; a person's name beside it gets its Latin form (see partnerLabel).
 */
export function nameFor(org: OrganizationRow | null | undefined, lang: MailLang): string {
  if (!org) return '';
  return org.name[lang] ?? org.name.en ?? readableNameText(org.name, org.nameLatin || null, lang);
}

/**
 * Turns changes into messages in the outbox: who is told, in which language, with which link and
 * attachment. Everything here runs inside the caller's transaction and only writes rows.
 */
export function createMessages(d: MessagesDeps) {
  const { outbox, events, meetings } = d;
  const appUrl = (path = '') => `${d.publicUrl}/#/${path}`;

  const attendeeRecipient = (a: AttendeeRow): Recipient | null =>
    a.email ? { email: a.email, name: a.name, lang: mailLang(a.languages), timeZone: a.timeZone, attendeeId: a.id, organizationId: a.organizationId } : null;

  /** The people who speak for an organisation at an event: its attendees with an address, else its contact. */
  function organizationRecipients(event: EventRow, organizationId: number): Recipient[] {
    const people = events
      .attendees(event.id, organizationId)
      .map(attendeeRecipient)
      .filter((r): r is Recipient => r !== null);
    if (people.length) return people;
    const org = d.organization(organizationId);
    if (!org?.contactEmail) return [];
    return [
      {
        email: org.contactEmail,
        name: org.contactName ?? nameFor(org, mailLang(org.languages)),
        lang: mailLang(org.languages),
        timeZone: event.timeZone,
        attendeeId: null,
        organizationId,
      },
    ];
  }

  const who = (r: Recipient) => (r.attendeeId ? `a${r.attendeeId}` : `o${r.organizationId}:${r.email.toLowerCase()}`);

  /** "White Herd Cashmere LLC (Bat)": the partner as this reader reads it. */
  function partnerLabel(attendee: AttendeeRow | undefined, organizationId: number, lang: MailLang): string {
    const org = nameFor(d.organization(organizationId), lang);
    if (!attendee) return org;
    const person = readablePerson(attendee.name, attendee.nameLatin, lang);
    return `${org} (${person.latin ? `${person.text}, ${person.latin}` : person.text})`;
  }

  /** Stores one message to one person, with its unsubscribe link; suppressed if they turned the kind off. */
  function send(
    r: Recipient,
    m: {
      key: string;
      kind: MessageKind;
      eventId: number | null;
      vars: Record<string, string | number>;
      list?: string[];
      actionUrl?: string;
      attachments?: MailAttachment[];
    },
  ) {
    if (outbox.has(m.key)) return null;
    const category = CATEGORY_OF[m.kind];
    const token = outbox.createLink({
      purpose: 'unsubscribe',
      email: r.email,
      category,
      attendeeId: r.attendeeId,
      organizationId: r.organizationId,
      lang: r.lang,
    });
    const unsubscribeUrl = appUrl(`unsubscribe/${token}`);
    const body = compose({
      kind: m.kind,
      lang: r.lang,
      vars: { name: r.name, ...m.vars },
      ...(m.list ? { list: m.list } : {}),
      ...(m.actionUrl ? { actionUrl: m.actionUrl } : {}),
      unsubscribeUrl,
    });
    const message: NewMessage = {
      key: m.key,
      kind: m.kind,
      eventId: m.eventId,
      recipient: { email: r.email, name: r.name, lang: r.lang, attendeeId: r.attendeeId, organizationId: r.organizationId },
      ...body,
      attachments: m.attachments ?? [],
      // The one-click address (RFC 8058) takes a POST without the web app.
      unsubscribeUrl: `${d.publicUrl}/api/unsubscribe/${token}`,
      suppressed: outbox.optedOut(r.email, category),
    };
    return outbox.enqueue(message);
  }

  /** One meeting as a calendar file in the reader's language: same UID for life, SEQUENCE as stored. */
  function meetingIcs(event: EventRow, m: MeetingRow, lang: MailLang): MailAttachment {
    const ctx = agendaContext(events, meetings, event, [m.attendeeAId, m.attendeeBId]);
    for (const id of ctx.organizationNames.keys()) ctx.organizationNames.set(id, nameFor(d.organization(id), lang));
    return { filename: 'meeting.ics', contentType: 'text/calendar; charset=utf-8', content: agendaIcs([meetingView(m, ctx)], event, event.name, lang) };
  }

  function place(event: EventRow, m: MeetingRow, lang: MailLang): { place: string; interpreter: string } {
    const table = m.tableId ? (events.tables(event.id).find((t) => t.id === m.tableId)?.name ?? '') : '';
    const row = m.interpreterId ? events.interpreter(m.interpreterId) : null;
    // Written as the reader reads it: 佐藤 明子 (Satō Akiko) for a Mongolian reader (names.ts).
    const interpreter = row ? readablePersonName(row.name, row.nameLatin, lang) : '';
    return {
      place: m.online ? word('online', lang) : `${event.city}, ${word('table', lang, { table })}`,
      interpreter: interpreter ? word('interpreter', lang, { interpreter }) : '',
    };
  }

  /** A booked, moved or cancelled meeting, told to both attendees (or those `only` keeps), with `why` when the event day caused it. */
  function meetingMessage(
    m: MeetingRow,
    change: MeetingChange,
    o: { before?: MeetingRow; only?: (attendeeId: number) => boolean; why?: 'no-show' | 'standby' },
  ) {
    const event = events.get(m.eventId);
    if (!event) return;
    const people = events.attendeesByIds([m.attendeeAId, m.attendeeBId]);
    for (const person of people) {
      const r = attendeeRecipient(person);
      if (!r || (o.only && !o.only(person.id))) continue;
      const partner = people.find((p) => p.id !== person.id);
      const kind = `meeting-${change}` as const;
      send(r, {
        key: `${kind}:${m.id}:seq${m.sequence}:${who(r)}`,
        kind,
        eventId: event.id,
        actionUrl: appUrl(),
        vars: {
          event: event.name,
          partner: partner ? partnerLabel(partner, partner.organizationId, r.lang) : '',
          when: formatWhen(m.slotStart, r.timeZone, r.lang),
          before: o.before ? formatWhen(o.before.slotStart, r.timeZone, r.lang) : '',
          why: o.why ? word(o.why, r.lang) : '',
          ...place(event, m, r.lang),
        },
        attachments: [meetingIcs(event, m, r.lang)],
      });
    }
  }

  const notices: EventNotices = {
    requestMade(request: MeetingRequestRow) {
      const event = events.get(request.eventId);
      const from = events.attendeesByIds([request.fromAttendeeId])[0];
      if (!event || !from) return;
      for (const r of organizationRecipients(event, request.toOrganizationId)) {
        send(r, {
          key: `request-received:${request.id}:${who(r)}`,
          kind: 'request-received',
          eventId: event.id,
          actionUrl: appUrl(),
          vars: {
            event: event.name,
            partner: partnerLabel(from, from.organizationId, r.lang),
            message: request.message ?? '',
            when: formatWhen(request.expiresAt, r.timeZone, r.lang),
          },
        });
      }
    },

    requestAnswered(request: MeetingRequestRow) {
      const event = events.get(request.eventId);
      const from = events.attendeesByIds([request.fromAttendeeId])[0];
      const r = from ? attendeeRecipient(from) : null;
      if (!event || !r || (request.status !== 'accepted' && request.status !== 'declined')) return;
      const responder = request.respondedBy ? events.attendeesByIds([request.respondedBy])[0] : undefined;
      const kind = request.status === 'accepted' ? 'request-accepted' : 'request-declined';
      send(r, {
        key: `${kind}:${request.id}:${who(r)}`,
        kind,
        eventId: event.id,
        actionUrl: appUrl(),
        vars: { event: event.name, partner: partnerLabel(responder, request.toOrganizationId, r.lang) },
      });
    },

    meetingChanged(m: MeetingRow, change: MeetingChange, before?: MeetingRow) {
      // A meeting booked from the standby list on the event day says so.
      meetingMessage(m, change, { before, why: m.dayReason === 'standby' && change === 'booked' ? 'standby' : undefined });
    },

    noShow(m: MeetingRow, absentAttendeeId: number) {
      meetingMessage(m, 'cancelled', { only: (id) => id !== absentAttendeeId, why: 'no-show' });
    },
  };

  return {
    notices,
    send,

    /** Turns off the kind of message a link came in; null for an unknown link. Using it twice is harmless. */
    unsubscribe(token: string): { category: string; lang: string } | null {
      const link = outbox.link(token, 'unsubscribe');
      if (!link?.category) return null;
      outbox.optOut(link.email, link.category);
      return { category: link.category, lang: link.lang };
    },
    appUrl,
    attendeeRecipient,
    organizationRecipients,
    partnerLabel,
    place,
    who,

    /**
     * Sign-in links for attendees of a session, in one transaction: each with an address (and who did
     * not turn sign-in messages off) gets a fresh attendee token from `issue` in a message of its own.
     */
    signInLinks(event: EventRow, attendeeIds: readonly number[] | undefined, issue: (a: AttendeeRow) => { row: { id: number }; token: string }): SignInLinks {
      const present = events.attendees(event.id);
      const unknown = (attendeeIds ?? []).flatMap((id, i) =>
        present.some((a) => a.id === id)
          ? []
          : [{ field: `attendeeIds.${i}`, message: `attendee ${id} does not attend this session`, code: 'not-attending', params: { attendeeId: id } }],
      );
      if (unknown.length) throw invalid('Some attendees do not attend this session', unknown);
      const attendees = attendeeIds ? present.filter((a) => attendeeIds.includes(a.id)) : present;
      return d.transaction(() => {
        const result: SignInLinks = { sent: [], skipped: [] };
        for (const attendee of attendees) {
          const r = attendeeRecipient(attendee);
          if (!r) result.skipped.push({ attendeeId: attendee.id, name: attendee.name, reason: 'no-email' });
          else if (outbox.optedOut(r.email, 'sign-in')) result.skipped.push({ attendeeId: attendee.id, name: attendee.name, reason: 'opted-out' });
          else {
            const { row, token } = issue(attendee);
            const message = send(r, {
              key: `sign-in:${row.id}`,
              kind: 'sign-in',
              eventId: event.id,
              actionUrl: appUrl(`sign-in/${token}`),
              vars: { event: event.name },
            });
            result.sent.push({ attendeeId: attendee.id, messageId: message!.id, tokenId: row.id });
          }
        }
        return result;
      });
    },
  };
}

export type Messages = ReturnType<typeof createMessages>;
