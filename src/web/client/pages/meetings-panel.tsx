import { useState } from 'preact/hooks';
import { download, get, post, put } from '../api.ts';
import type { MessageKey } from '../i18n.ts';
import { useSession, useT } from '../session.ts';
import type { EventT, MeetingT, RequestT } from '../types.ts';
import { formatTime, Loading, Name, Notice, PersonName, ProblemBox, ScrollBox, useAction, useLoad, zoneLabel, useNotice, say } from '../ui.tsx';
import { readableNameText } from '../../../../matching/text/names.ts';
import { FeedbackForm } from './feedback.tsx';
import { RequesterSummary } from './partner.tsx';
import { IdleLine, type IdleT, type PartOfDay, PartSelect } from './schedule-rules.tsx';

export interface Viewer {
  organizationId: number;
  /** Set when an attendee signed in: the agenda is theirs, answers are given in their name. */
  attendeeId?: number;
  /** Where the reader is: times are shown there (and in the event's zone). */
  timeZone: string;
}

/**
 * Requests and meetings of one organisation (or one attendee) at one session: answer requests, book
 * a slot for an accepted one, see the agenda in one's own time zone, download it as .ics.
 */
export function MeetingsPanel({ event, viewer }: { event: EventT; viewer: Viewer }) {
  const t = useT();
  const { lang } = useSession();
  const [notice, setNotice] = useNotice();
  const action = useAction();
  const agendaQuery = viewer.attendeeId ? { attendeeId: viewer.attendeeId } : { organizationId: viewer.organizationId };
  const { data, error, loading, reload } = useLoad(async () => {
    const [requests, agenda] = await Promise.all([
      get<{ items: RequestT[] }>(`/api/events/${event.id}/requests`, { limit: 500 }),
      get<{ items: MeetingT[]; idle?: IdleT }>(`/api/events/${event.id}/agenda`, { ...agendaQuery, withCancelled: true }),
    ]);
    // A cancelled meeting stays in view, marked, below the booked ones.
    return {
      requests: requests.items,
      meetings: agenda.items.filter((m) => m.status === 'scheduled'),
      cancelled: agenda.items.filter((m) => m.status === 'cancelled'),
      idle: agenda.idle,
    };
  }, [event.id, viewer.attendeeId, viewer.organizationId]);

  const act = (work: () => Promise<unknown>, done: MessageKey, ask?: string) =>
    action.run(async () => {
      if (ask && !confirm(ask)) return;
      await work();
      setNotice(say(done));
      reload();
    });

  if (!data) return <Loading when={loading} error={error} />;
  const booked = new Set(data.meetings.map((m) => m.requestId).filter((id) => id !== null));
  const incoming = data.requests.filter((r) => r.toOrganizationId === viewer.organizationId);
  const outgoing = data.requests.filter((r) => r.toOrganizationId !== viewer.organizationId);
  const when = (iso: string) => formatTime(iso, viewer.timeZone, lang);
  // Either side may book an accepted request.
  const bookSlot = (r: RequestT) =>
    r.status === 'accepted' &&
    !booked.has(r.id) && (
      <BookSlot
        request={r}
        timeZone={viewer.timeZone}
        onBook={(slotStart) => act(() => post(`/api/events/${event.id}/meetings`, { requestId: r.id, slotStart }), 'meetingBooked')}
      />
    );
  const statusOf = (r: RequestT, mine: boolean): MessageKey => {
    if (booked.has(r.id)) return 'statusConfirmed';
    if (r.status === 'requested') return mine ? 'statusAwaitingAnswer' : 'statusPendingYou';
    return `status_${r.status}` as MessageKey;
  };

  return (
    <div class="meetings-panel">
      <Notice text={notice} />
      <ProblemBox error={action.error} zone={viewer.timeZone} />

      <h3>{t('myMeetings')}</h3>
      <p class="muted">{t('timesShownIn', { zone: zoneLabel(viewer.timeZone) })}</p>
      {data.meetings.length === 0 && <p>{t('noMeetingsYet')}</p>}
      {data.meetings.length > 0 && (
        <ScrollBox label={t('myMeetings')}>
          <table class="striped">
            <thead>
              <tr>
                <th scope="col">{t('time')}</th>
                <th scope="col">{t('with')}</th>
                <th scope="col">{t('place')}</th>
                <th scope="col">{t('interpreter')}</th>
                <th scope="col">{t('feedback')}</th>
              </tr>
            </thead>
            <tbody>
              {data.meetings.map((m) => {
                const others = m.attendees.filter((a) => a.organizationId !== viewer.organizationId);
                return (
                  <tr data-meeting={m.id}>
                    <td>
                      <strong>{when(m.start)}</strong>
                      {viewer.timeZone !== event.timeZone && (
                        <small class="muted">
                          {' '}
                          ({formatTime(m.start, event.timeZone, lang, false)} {zoneLabel(event.timeZone)})
                        </small>
                      )}
                    </td>
                    <td>
                      {others.map((a) => (
                        <span class="who">
                          <a href={`#/partner/${a.organizationId}`}>
                            <Name text={a.organizationName} latin={a.organizationLatin} />
                          </a>{' '}
                          (<PersonName name={a.name} latin={a.nameLatin} />)
                        </span>
                      ))}
                    </td>
                    <td>{m.online ? t('online') : (m.table?.name ?? '—')}</td>
                    <td>{m.interpreter ? <PersonName name={m.interpreter.name} latin={m.interpreter.nameLatin} /> : '—'}</td>
                    <td>{Date.parse(m.end) <= Date.now() ? <MeetingFeedback meeting={m} /> : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollBox>
      )}
      <IdleLine idle={data.idle} />
      {data.cancelled.length > 0 && (
        <details class="cancelled-meetings">
          <summary>
            {t('cancelledMeetings')} ({data.cancelled.length})
          </summary>
          <ul>
            {data.cancelled.map((m) => (
              <li data-meeting={m.id}>
                <s>{when(m.start)}</s> ·{' '}
                {m.attendees
                  .filter((a) => a.organizationId !== viewer.organizationId)
                  .map((a) => readableNameText(a.organizationName, a.organizationLatin, lang))
                  .join(', ')}{' '}
                · <span class="badge cancelled">{t('meetingStatusCancelled')}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      <button
        type="button"
        class="secondary"
        onClick={() => act(() => download(`/api/events/${event.id}/agenda`, { ...agendaQuery, format: 'ics' }, `musubi-${event.id}.ics`), 'downloaded')}
      >
        {t('downloadIcs')}
      </button>

      <h3>{t('requestsToYou')}</h3>
      {incoming.length === 0 && <p class="muted">{t('none')}</p>}
      <ul class="requests">
        {incoming.map((r) => (
          <li data-request={r.id}>
            <p>
              <strong>
                <a href={`#/partner/${r.from?.organizationId}`}>
                  <Name text={r.from?.organizationName ?? { en: r.from?.organization ?? '' }} latin={r.from?.organizationLatin} />
                </a>
              </strong>{' '}
              (<PersonName name={r.from?.name ?? ''} latin={r.from?.nameLatin} />) · <span class="badge">{t(statusOf(r, false))}</span>
              {r.part && r.part !== 'any' && <> · {t(`part_${r.part}` as MessageKey)}</>}
            </p>
            {r.message && <blockquote>{r.message}</blockquote>}
            {r.status === 'requested' && r.from && <RequesterSummary organizationId={viewer.organizationId} partnerId={r.from.organizationId} />}
            {r.status === 'requested' && (
              <div class="row">
                <button
                  type="button"
                  onClick={() => act(() => post(`/api/requests/${r.id}/accept`, viewer.attendeeId ? { attendeeId: viewer.attendeeId } : {}), 'requestAccepted')}
                >
                  {t('accept')}
                </button>
                <button
                  type="button"
                  class="secondary"
                  onClick={() =>
                    act(
                      () => post(`/api/requests/${r.id}/decline`, viewer.attendeeId ? { attendeeId: viewer.attendeeId } : {}),
                      'requestDeclined',
                      t('confirmDecline', { name: readableNameText(r.from?.organizationName, r.from?.organizationLatin, lang) }),
                    )
                  }
                >
                  {t('decline')}
                </button>
              </div>
            )}
            {bookSlot(r)}
          </li>
        ))}
      </ul>

      <h3>{t('requestsByYou')}</h3>
      {outgoing.length === 0 && <p class="muted">{t('none')}</p>}
      <ul class="requests">
        {outgoing.map((r) => (
          <li data-request={r.id}>
            <p>
              <strong>
                <a href={`#/partner/${r.toOrganizationId}`}>
                  <Name text={r.toOrganizationName ?? { en: r.toOrganization ?? '' }} latin={r.toOrganizationLatin} />
                </a>
              </strong>{' '}
              · <span class="badge">{t(statusOf(r, true))}</span>
            </p>
            {(r.status === 'requested' || r.status === 'accepted') && !booked.has(r.id) && (
              <PartSelect
                name={`part-${r.id}`}
                value={(r.part ?? 'any') as PartOfDay}
                disabled={action.busy}
                onChange={(part) => act(() => put(`/api/requests/${r.id}/part`, { part }), 'partChanged')}
              />
            )}
            {bookSlot(r)}
            {(r.status === 'requested' || r.status === 'accepted') && (
              <button
                type="button"
                class="outline secondary"
                onClick={() =>
                  act(
                    () => post(`/api/requests/${r.id}/cancel`, {}),
                    'requestCancelled',
                    t('confirmWithdraw', { name: readableNameText(r.toOrganizationName, r.toOrganizationLatin, lang) }),
                  )
                }
              >
                {t('withdraw')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The slots where both sides are free and a table (and interpreter) is too, from the service. */
function BookSlot({ request, timeZone, onBook }: { request: RequestT; timeZone: string; onBook: (slotStart: string) => void }) {
  const t = useT();
  const { lang } = useSession();
  const { data, error } = useLoad(() => get<{ items: { start: string }[] }>(`/api/requests/${request.id}/slots`), [request.id]);
  const slots = (data?.items ?? []).filter((s) => Date.parse(s.start) > Date.now());
  const [chosen, setChosen] = useState('');
  const slot = chosen || slots[0]?.start || '';
  if (!data) return <Loading when={!error} error={error} />;
  if (!slots.length) return <p class="muted">{t('noFreeSlots')}</p>;
  return (
    <form
      class="row book-slot"
      onSubmit={(e) => {
        e.preventDefault();
        onBook(slot);
      }}
    >
      <label>
        {t('freeSlot')}
        <select name={`slot-${request.id}`} value={slot} onChange={(e) => setChosen(e.currentTarget.value)}>
          {slots.map((s) => (
            <option value={s.start}>{formatTime(s.start, timeZone, lang)}</option>
          ))}
        </select>
      </label>
      <button type="submit">{t('bookSlot')}</button>
    </form>
  );
}

/** Feedback on a meeting that has ended, in the app (the same questions as the e-mailed link). */
function MeetingFeedback({ meeting }: { meeting: MeetingT }) {
  const t = useT();
  return (
    <details class="meeting-feedback">
      <summary>{t('giveFeedback')}</summary>
      <FeedbackForm save={(answer) => put(`/api/meetings/${meeting.id}/feedback`, answer)} answered={null} />
    </details>
  );
}
