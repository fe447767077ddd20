import { useEffect } from 'preact/hooks';
import { get, post } from '../api.ts';
import type { MessageKey } from '../i18n.ts';
import { useSession, useT } from '../session.ts';
import type { AttendanceFiguresT, LiveT } from '../types.ts';
import { formatTime, Loading, Name, Notice, PersonName, ProblemBox, ScrollBox, useAction, useLoad, useNotice, say, type Said } from '../ui.tsx';

type LiveMeeting = NonNullable<LiveT['tables'][number]['now']>;
const REFRESH_MS = 30_000;

/** A person as a volunteer reads them out: the name in its script, in Latin, the organisation. */
function Who({ person, now }: { person: LiveMeeting['people'][number]; now: boolean }) {
  const t = useT();
  return (
    <div class="who-live">
      <strong>
        <PersonName name={person.name} latin={person.latin} />
      </strong>
      {person.checkIn !== 'present' && <span class="badge"> {t(now ? 'lateLabel' : 'statusNotYet')}</span>}
      <br />
      <small>
        <Name text={person.organization} latin={person.organizationLatin} />
      </small>
    </div>
  );
}

function MeetingCard({ m, label }: { m: LiveMeeting | null; label: MessageKey }) {
  const t = useT();
  return (
    <div class="live-slot">
      <h3>
        {t(label)}
        {m ? ` · ${m.local.slice(11)}` : ''}
      </h3>
      {m ? (
        <>
          {m.people.map((p) => (
            <Who person={p} now={label === 'nowLabel'} />
          ))}
          {m.interpreter && (
            <p class="interp">
              {t('interpreterMark')} <PersonName name={m.interpreter.name} latin={m.interpreter.latin} />
            </p>
          )}
        </>
      ) : (
        <p class="muted">{t('freeTable')}</p>
      )}
    </div>
  );
}

/** Held, partly, not held — marked by the table's volunteer once the meeting has started. */
function AttendanceButtons({ m, onDone }: { m: LiveMeeting; onDone: (text: Said) => void }) {
  const t = useT();
  const action = useAction();
  const send = (outcome: 'held' | 'partly' | 'not-held', missing: number[]) =>
    action.run(async () => {
      await post(`/api/meetings/${m.id}/attendance`, { outcome, missingAttendeeIds: missing });
      onDone(say('attendanceSaved'));
    });
  return (
    <fieldset>
      <legend>{t('heldQuestion')}</legend>
      <div class="row">
        <button type="button" class="small" aria-pressed={m.attendance === 'held'} onClick={() => void send('held', [])}>
          {t('outcome_held')}
        </button>
        {m.people.map((p) => (
          <button type="button" class="small secondary" onClick={() => void send('partly', [p.attendeeId])}>
            {t('outcome_partly')}: {t('missingWho', { name: p.name })}
          </button>
        ))}
        <button type="button" class="small secondary" aria-pressed={m.attendance === 'not-held'} onClick={() => void send('not-held', [])}>
          {t('outcome_not-held')}
        </button>
      </div>
      <ProblemBox error={action.error} />
    </fieldset>
  );
}

/** Held, partly, not held, lost to no-shows and re-used, no-shows by side, per hour. */
function DayFigures({ eventId, round }: { eventId: number; round: string }) {
  const t = useT();
  const { data } = useLoad(() => get<AttendanceFiguresT>(`/api/events/${eventId}/attendance`), [eventId, round]);
  if (!data) return null;
  const numbers: [MessageKey, number][] = [
    ['outcome_held', data.held],
    ['outcome_partly', data.partly],
    ['outcome_not-held', data.notHeld],
    ['figUnmarked', data.unmarked],
    ['figLostNoShow', data.noShowMeetings],
    ['figStandby', data.standbyMeetings],
  ];
  const sides =
    Object.entries(data.noShowsBySide)
      .map(([side, n]) => `${side} ${n}`)
      .join(' · ') || '0';
  return (
    <>
      <h2>{t('attendanceFigures')}</h2>
      <dl class="numbers">
        {numbers.map(([label, n]) => (
          <div>
            <dt>{t(label)}</dt>
            <dd>{n}</dd>
          </div>
        ))}
      </dl>
      <p>{t('noShowsBySide', { sides })}</p>
      {data.byHour.length > 0 && (
        <ScrollBox label={t('attendanceFigures')}>
          <table class="sheet-table">
            <thead>
              <tr>
                <th scope="col">{t('hourLabel')}</th>
                {numbers.slice(0, 5).map(([label]) => (
                  <th scope="col">{t(label)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.byHour.map((h) => (
                <tr>
                  <th scope="row">{h.hour.replace('T', ' ')}:00</th>
                  <td>{h.held}</td>
                  <td>{h.partly}</td>
                  <td>{h.notHeld}</td>
                  <td>{h.unmarked}</td>
                  <td>{h.noShow}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </>
  );
}

/**
 * "Now and next" for the room, refreshing itself every 30 seconds: per table (a volunteer's phone
 * shows one table large, with attendance buttons) and per interpreter; which tables stand empty and
 * who is late in the current slot.
 */
export function LivePage({ eventId, tableId }: { eventId: number; tableId?: number }) {
  const t = useT();
  const { lang } = useSession();
  const [notice, setNotice] = useNotice();
  const { data, error, loading, reload } = useLoad(() => get<LiveT>(`/api/events/${eventId}/live`), [eventId]);
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  if (!data) return <Loading when={loading} error={error} />;
  const updated = formatTime(data.at, data.timeZone, lang, false);
  const one = tableId ? data.tables.find((tb) => tb.id === tableId) : undefined;
  return (
    <section class="day-page live">
      <h1>{one ? t('tableSheet', { name: one.name }) : t('liveTitle')}</h1>
      <p>
        <a href={one ? `#/events/${eventId}/live` : `#/events/${eventId}`}>← {one ? t('liveTitle') : t('session')}</a>
      </p>
      <p class="muted" aria-live="polite">
        {t('updatedAt', { time: updated })}
        {data.current ? '' : ` · ${t('noSlotNow')}`}
      </p>
      <Notice text={notice} />
      {one ? (
        <div class="live-table" data-table={one.id}>
          <MeetingCard m={one.now} label="nowLabel" />
          {one.now && (
            <AttendanceButtons
              m={one.now}
              onDone={(text) => {
                setNotice(text);
                reload();
              }}
            />
          )}
          <MeetingCard m={one.next} label="nextLabel" />
        </div>
      ) : (
        <>
          {data.emptyTables.length > 0 && <p>{t('emptyTables', { names: data.emptyTables.join(', ') })}</p>}
          {data.late.length > 0 && (
            <>
              <h2>{t('lateLabel')}</h2>
              <ul>
                {data.late.map((l) => (
                  <li>
                    <PersonName name={l.name} latin={l.latin} /> · {t('table')} {l.table ?? t('online')}
                  </li>
                ))}
              </ul>
            </>
          )}
          <h2>{t('byTable')}</h2>
          <div class="live-grid">
            {data.tables.map((tb) => (
              <article data-table={tb.id}>
                <h3>
                  <a href={`#/events/${eventId}/live/table/${tb.id}`}>{t('tableSheet', { name: tb.name })}</a>
                </h3>
                <MeetingCard m={tb.now} label="nowLabel" />
                <MeetingCard m={tb.next} label="nextLabel" />
              </article>
            ))}
          </div>
          <h2>{t('byInterpreter')}</h2>
          <div class="live-grid">
            {data.interpreters.map((i) => (
              <article>
                <h3>
                  <PersonName name={i.name} latin={i.latin} />
                </h3>
                <MeetingCard m={i.now} label="nowLabel" />
                <MeetingCard m={i.next} label="nextLabel" />
              </article>
            ))}
          </div>
          <DayFigures eventId={eventId} round={data.at} />
        </>
      )}
    </section>
  );
}
