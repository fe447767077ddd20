import { useState } from 'preact/hooks';
import { get, post } from '../api.ts';
import { useSession, useT } from '../session.ts';
import type { AttendeeT, CheckInListT, CheckInResultT, EventT, MeetingT, StandbyAppliedT, StandbyPreviewT } from '../types.ts';
import { formatTime, Loading, Notice, PersonName, ProblemBox, useAction, useLoad, useNotice, say } from '../ui.tsx';
import { CameraScan } from './camera-scan.tsx';
import { scriptLang } from './print-sheets.tsx';

/** The event day's pages, linked from a session's page. */
export function DayLinks({ eventId }: { eventId: number }) {
  const t = useT();
  return (
    <nav aria-label={t('eventDay')} class="row day-links">
      <strong>{t('eventDay')}:</strong>
      <a href={`#/events/${eventId}/check-in`}>{t('checkInTitle')}</a>
      <a href={`#/events/${eventId}/live`}>{t('liveTitle')}</a>
      <a href={`#/events/${eventId}/standby`}>{t('standbyTitle')}</a>
      <a href={`#/events/${eventId}/print/agendas`}>{t('printSheets')}</a>
    </nav>
  );
}

const STATUS_KEY = { present: 'statusPresent', absent: 'statusAbsent' } as const;

/**
 * Check-in at the door, made for a phone: scan (a scanner types the code) or type the code from the
 * agenda, or find the person in the list; mark someone absent, which cancels their meetings of the
 * day and frees their slots for the standby list.
 */
export function CheckInPage({ eventId }: { eventId: number }) {
  const t = useT();
  const [code, setCode] = useState('');
  const [filter, setFilter] = useState('');
  const [notice, setNotice] = useNotice();
  const action = useAction();
  const { data, error, loading, reload } = useLoad(() => get<CheckInListT>(`/api/events/${eventId}/check-ins`), [eventId]);
  const mark = (body: { code?: string; attendeeId?: number }, status: 'present' | 'absent') =>
    action.run(async () => {
      const r = await post<CheckInResultT>(`/api/events/${eventId}/check-ins`, { ...body, status });
      setNotice(status === 'present' ? say('checkedIn', { name: r.attendee.name }) : say('markedAbsent', { name: r.attendee.name, count: r.cancelled.length }));
      setCode('');
      reload();
    });
  const words = filter.trim().toLowerCase();
  const items = (data?.items ?? []).filter((i) => !words || `${i.attendee.name} ${i.attendee.nameLatin} ${i.organization}`.toLowerCase().includes(words));
  const count = (s: 'present' | 'absent' | null) => (data?.items ?? []).filter((i) => i.status === s).length;
  return (
    <section class="day-page">
      <h1>
        {t('checkInTitle')}
        {data ? ` · ${data.date}` : ''}
      </h1>
      <p>
        <a href={`#/events/${eventId}`}>← {t('session')}</a>
      </p>
      <form
        aria-label={t('checkInTitle')}
        onSubmit={(e) => {
          e.preventDefault();
          void mark({ code }, 'present');
        }}
      >
        <label>
          {t('checkInCode')}
          <input
            name="code"
            value={code}
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            required
            maxLength={20}
            aria-describedby="code-help"
            onInput={(e) => setCode(e.currentTarget.value)}
          />
        </label>
        <small id="code-help" class="muted">
          {t('checkInCodeHelp')}
        </small>
        <CameraScan onCode={(scanned) => void mark({ code: scanned }, 'present')} />
        <div class="row">
          <button type="submit" disabled={action.busy}>
            {t('checkInButton')}
          </button>
          <button type="button" class="secondary" disabled={action.busy || !code.trim()} onClick={() => void mark({ code }, 'absent')}>
            {t('markAbsent')}
          </button>
        </div>
      </form>
      <Notice text={notice} />
      <ProblemBox error={action.error} />
      <Loading when={loading && !data} error={error} />
      {data && (
        <>
          <p>{t('arrivals', { present: count('present'), absent: count('absent'), unknown: count(null) })}</p>
          <label>
            {t('findPerson')}
            <input type="search" name="filter" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
          </label>
          <ul class="check-in-list">
            {items.map((i) => (
              <li data-attendee={i.attendee.id}>
                <div>
                  <strong>
                    <PersonName name={i.attendee.name} latin={i.attendee.nameLatin} />
                  </strong>{' '}
                  <span class={`badge ${i.status ?? ''}`}>{t(i.status ? STATUS_KEY[i.status] : 'statusNotYet')}</span>
                  <br />
                  <small lang={scriptLang(i.organization)}>{i.organization}</small>
                </div>
                <div class="row">
                  <button
                    type="button"
                    class="small"
                    aria-label={`${t('checkInButton')}: ${i.attendee.name}`}
                    disabled={action.busy || i.status === 'present'}
                    onClick={() => void mark({ attendeeId: i.attendee.id }, 'present')}
                  >
                    {t('checkInButton')}
                  </button>
                  <button
                    type="button"
                    class="small secondary"
                    aria-label={`${t('markAbsent')}: ${i.attendee.name}`}
                    disabled={action.busy || i.status === 'absent'}
                    onClick={() => void mark({ attendeeId: i.attendee.id }, 'absent')}
                  >
                    {t('markAbsent')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The matchmaker's review of standby meetings for the slots no-shows freed: shown first, applied on a click. */
export function StandbyPage({ eventId }: { eventId: number }) {
  const t = useT();
  const { lang } = useSession();
  const [notice, setNotice] = useNotice();
  const action = useAction();
  const { data, error, loading, reload } = useLoad(async () => {
    const [event, preview, attendees] = await Promise.all([
      get<EventT>(`/api/events/${eventId}`),
      get<StandbyPreviewT>(`/api/events/${eventId}/standby`),
      get<{ items: AttendeeT[] }>(`/api/events/${eventId}/attendees`),
    ]);
    return { event, preview, names: new Map(attendees.items.map((a) => [a.id, a.name])) };
  }, [eventId]);
  if (!data) return <Loading when={loading} error={error} />;
  const { event, preview, names } = data;
  const when = (iso: string) => formatTime(iso, event.timeZone, lang);
  const table = (id: number | null) => (id ? (event.tables.find((tb) => tb.id === id)?.name ?? '') : t('online'));
  const name = (id: number) => names.get(id) ?? '';
  return (
    <section class="day-page">
      <h1>{t('standbyTitle')}</h1>
      <p>
        <a href={`#/events/${eventId}`}>← {event.name}</a>
      </p>
      <p class="muted">{t('standbyIntro')}</p>
      <p>{t('frozenUntil', { time: when(preview.frozenUntil) })}</p>
      <Notice text={notice} />
      <ProblemBox error={action.error} />
      <h2>{t('freedSlots', { count: preview.freed.length })}</h2>
      <ul>
        {preview.freed.map((m) => (
          <li data-meeting={m.id}>
            {when(m.start)} · {t('table')} {m.table?.name ?? t('online')} · <s>{m.attendees.map((a) => a.name).join(' ⇄ ')}</s>
          </li>
        ))}
      </ul>
      <h2>{t('proposalsHeading', { count: preview.proposals.length })}</h2>
      {preview.proposals.length === 0 ? (
        <p>{t('noProposals')}</p>
      ) : (
        <>
          <ul class="proposals">
            {preview.proposals.map((p) => {
              const replaced = preview.freed.find((m) => m.id === p.replaces);
              const gone = replaced?.attendees.find((a) => a.attendeeId !== p.attendeeIds[0])?.name ?? '';
              return (
                <li data-proposal={p.attendeeIds.join('-')}>
                  <strong>{when(p.slotStart)}</strong> · {table(p.online ? null : p.tableId)} · {name(p.attendeeIds[0]!)} ⇄ {name(p.attendeeIds[1]!)}
                  <br />
                  <small class="muted">{t('replacesMeeting', { name: gone })}</small>
                </li>
              );
            })}
          </ul>
          <button
            type="button"
            disabled={action.busy}
            onClick={() =>
              void action.run(async () => {
                const r = await post<StandbyAppliedT>(`/api/events/${eventId}/standby`, {
                  date: preview.date,
                  proposals: preview.proposals.map((p) => ({
                    attendeeIds: p.attendeeIds,
                    slotStart: p.slotStart,
                    tableId: p.tableId,
                    interpreterId: p.interpreterId,
                  })),
                });
                setNotice(say('proposalsApplied', { count: r.meetings.length }));
                reload();
              })
            }
          >
            {t('applyProposals')}
          </button>
        </>
      )}
    </section>
  );
}

/** What changed on the day for an attendee (a partner absent, a standby meeting): said in the app, as the calendar feed says it. */
export function DayChanges({ eventId, attendeeId, timeZone }: { eventId: number; attendeeId: number; timeZone: string }) {
  const t = useT();
  const { lang } = useSession();
  const { data } = useLoad(() => get<{ items: MeetingT[] }>(`/api/events/${eventId}/agenda`, { attendeeId, withCancelled: true }), [eventId, attendeeId]);
  const changes = (data?.items ?? []).filter((m) => m.dayReason);
  if (!changes.length) return null;
  return (
    <section class="day-changes" aria-labelledby="day-changes">
      <h2 id="day-changes">{t('dayChanges')}</h2>
      <ul>
        {changes.map((m) => (
          <li data-meeting={m.id}>
            <strong>{t(m.dayReason === 'no-show' ? 'cancelledNoShow' : 'newStandby')}</strong> · {formatTime(m.start, timeZone, lang)} ·{' '}
            {m.attendees
              .filter((a) => a.attendeeId !== attendeeId)
              .map((a) => `${a.name} (${a.organization})`)
              .join(', ')}
            {m.status === 'scheduled' && ` · ${m.online ? t('online') : `${t('table')} ${m.table?.name ?? ''}`}`}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Either side says whether its meetings took place, once they have started: held, partly (who was missing), or not. */
export function MyAttendance({ eventId, attendeeId, timeZone }: { eventId: number; attendeeId: number; timeZone: string }) {
  const t = useT();
  const { lang } = useSession();
  const [notice, setNotice] = useNotice();
  const action = useAction();
  const { data, reload } = useLoad(() => get<{ items: MeetingT[] }>(`/api/events/${eventId}/agenda`, { attendeeId }), [eventId, attendeeId]);
  const started = (data?.items ?? []).filter((m) => Date.parse(m.start) <= Date.now());
  if (!started.length) return null;
  const send = (m: MeetingT, outcome: 'held' | 'partly' | 'not-held', missing: number[]) =>
    action.run(async () => {
      await post(`/api/meetings/${m.id}/attendance`, { outcome, missingAttendeeIds: missing });
      setNotice(say('attendanceSaved'));
      reload();
    });
  return (
    <section aria-labelledby="my-attendance">
      <h2 id="my-attendance">{t('heldQuestion')}</h2>
      <Notice text={notice} />
      <ProblemBox error={action.error} />
      <ul class="requests">
        {started.map((m) => {
          const partner = m.attendees.find((a) => a.attendeeId !== attendeeId);
          return (
            <li data-meeting={m.id}>
              {formatTime(m.start, timeZone, lang)} · {partner?.name} ({partner?.organization})
              {m.attendance ? (
                <>
                  {' '}
                  · <strong>{t(`outcome_${m.attendance}` as const)}</strong>
                </>
              ) : (
                <div class="row">
                  <button type="button" class="small" onClick={() => void send(m, 'held', [])}>
                    {t('outcome_held')}
                  </button>
                  <button type="button" class="small secondary" onClick={() => void send(m, 'partly', partner ? [partner.attendeeId] : [])}>
                    {t('outcome_partly')}: {t('missingWho', { name: partner?.name ?? '' })}
                  </button>
                  <button type="button" class="small secondary" onClick={() => void send(m, 'not-held', partner ? [partner.attendeeId] : [])}>
                    {t('outcome_not-held')}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
