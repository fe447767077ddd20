import { useEffect, useRef, useState } from 'preact/hooks';
import { patch, post } from '../api.ts';
import { useSession, useT } from '../session.ts';
import type { EventT, InterpreterT, MeetingT } from '../types.ts';
import { formatTime, Name, PersonName, ProblemBox, ScrollBox, useAction, usePersonText, say, type Said } from '../ui.tsx';
import { readableNameText } from '../../../../matching/text/names.ts';

const ONLINE = 0;

/**
 * Slots × tables of one day. A meeting can be dragged to a free cell, or picked (click or Enter) and
 * moved with the form below the grid, which also works on a phone and from the keyboard.
 */
export function ScheduleGrid({
  event,
  meetings,
  interpreters,
  onChange,
}: {
  event: EventT;
  meetings: MeetingT[];
  interpreters: InterpreterT[];
  onChange: (message: Said) => void;
}) {
  const t = useT();
  const { lang } = useSession();
  const personText = usePersonText();
  const days = [...new Set(event.slots.map((s) => s.local.slice(0, 10)))];
  const [day, setDay] = useState(days[0] ?? '');
  const [picked, setPicked] = useState<MeetingT | null>(null);
  // The meeting under the pointer when it was pressed (see onDragStart).
  const pressed = useRef<number | null>(null);
  const action = useAction();
  const slots = event.slots.filter((s) => s.local.startsWith(day));
  const columns = [...event.tables.map((tb) => ({ id: tb.id, name: tb.name })), ...(event.allowOnline ? [{ id: ONLINE, name: t('online') }] : [])];
  const cell = new Map<string, MeetingT[]>();
  for (const m of meetings) {
    const key = `${m.start}|${m.online ? ONLINE : (m.table?.id ?? ONLINE)}`;
    cell.set(key, [...(cell.get(key) ?? []), m]);
  }
  const move = (meeting: MeetingT, change: { slotStart?: string; tableId?: number; interpreterId?: number | null }) =>
    action.run(async () => {
      const moved = await patch<MeetingT>(`/api/meetings/${meeting.id}`, change);
      setPicked(null);
      // The table stays unless it was taken at the new time: then say where the meeting went.
      const tableMoved = !change.tableId && meeting.table && moved.table && moved.table.id !== meeting.table.id;
      onChange(tableMoved ? t('tableChanged', { table: moved.table!.name }) : t('meetingMoved'));
    });
  // Whole names (they wrap): two names cut to the same first letters would look like one organisation.
  const nameOf = (a: MeetingT['attendees'][number]) => readableNameText(a.organizationName, a.organizationLatin, lang);

  return (
    <div>
      {days.length > 1 && (
        <div role="group" class="row" aria-label={t('day')}>
          {days.map((d) => (
            <button type="button" class={d === day ? '' : 'outline'} aria-pressed={d === day} onClick={() => setDay(d)}>
              {d}
            </button>
          ))}
        </div>
      )}
      <ProblemBox error={action.error} zone={event.timeZone} />
      <ScrollBox label={t('schedule')}>
        <table class="grid-table">
          <caption>{t('gridCaption', { day, zone: event.timeZone })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('time')}</th>
              {columns.map((c) => (
                <th scope="col">{c.name}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {slots.map((s) => (
              <tr>
                <th scope="row">{s.local.slice(11, 16)}</th>
                {columns.map((c) => {
                  const here = cell.get(`${s.start}|${c.id}`) ?? [];
                  return (
                    <td
                      data-slot={s.start}
                      data-table={c.id}
                      class={here.length ? 'busy' : 'free'}
                      onDragOver={(e) => {
                        if (c.id !== ONLINE && !here.length) e.preventDefault();
                      }}
                      onDrop={(e) => {
                        e.preventDefault();
                        const id = Number(e.dataTransfer?.getData('text/plain'));
                        const meeting = meetings.find((m) => m.id === id);
                        if (meeting && c.id !== ONLINE) void move(meeting, { ...(s.start !== meeting.start ? { slotStart: s.start } : {}), tableId: c.id });
                      }}
                    >
                      {c.id === ONLINE && here.length > 0 ? (
                        <details class="online-list">
                          <summary>{t('onlineCount', { count: here.length })}</summary>
                          {here.map((m) => (
                            <button type="button" class={`meeting${picked?.id === m.id ? ' picked' : ''}`} data-meeting={m.id} onClick={() => setPicked(m)}>
                              {m.attendees.map((a) => nameOf(a)).join(' ⇄ ')}
                              {m.interpreter && (
                                <span class="interp">
                                  {' '}
                                  {t('interpreterMark')} <PersonName name={m.interpreter.name} latin={m.interpreter.nameLatin} />
                                </span>
                              )}
                            </button>
                          ))}
                        </details>
                      ) : (
                        here.map((m) => (
                          <button
                            type="button"
                            class={`meeting${picked?.id === m.id ? ' picked' : ''}`}
                            draggable
                            data-meeting={m.id}
                            onPointerDown={() => {
                              pressed.current = m.id;
                            }}
                            onDragStart={(e) => {
                              // Chromium picks the dragged element where the mouse is when the drag starts,
                              // after any sideways scroll of the grid since the press: another meeting of the
                              // row may be there by then. Only the meeting that was pressed may be dragged.
                              if (pressed.current !== null && pressed.current !== m.id) {
                                e.preventDefault();
                                return;
                              }
                              e.dataTransfer?.setData('text/plain', String(m.id));
                            }}
                            onDragEnd={() => {
                              pressed.current = null;
                            }}
                            onClick={() => setPicked(m)}
                            title={m.attendees.map((a) => `${nameOf(a)} — ${a.name}`).join(' ⇄ ')}
                          >
                            {m.attendees.map((a) => (
                              <span class="who">
                                <Name text={a.organizationName} latin={a.organizationLatin} />
                              </span>
                            ))}
                            {m.interpreter && (
                              <span class="interp" title={`${t('interpreter')}: ${personText(m.interpreter.name, m.interpreter.nameLatin)}`}>
                                {t('interpreterMark')} <PersonName name={m.interpreter.name} latin={m.interpreter.nameLatin} />
                              </span>
                            )}
                          </button>
                        ))
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      {picked && (
        <MoveForm
          key={picked.id}
          meeting={picked}
          event={event}
          interpreters={interpreters}
          lang={lang}
          onMove={(change) => void move(picked, change)}
          onCancelMeeting={() =>
            void action.run(async () => {
              if (
                !confirm(
                  t('confirmCancelMeeting', { name: picked.attendees.map((a) => nameOf(a)).join(' ⇄ '), time: formatTime(picked.start, event.timeZone, lang) }),
                )
              )
                return;
              await post(`/api/meetings/${picked.id}/cancel`, {});
              setPicked(null);
              onChange(say('meetingCancelled'));
            })
          }
          onClose={() => setPicked(null)}
        />
      )}
    </div>
  );
}

function MoveForm({
  meeting,
  event,
  interpreters,
  lang,
  onMove,
  onCancelMeeting,
  onClose,
}: {
  meeting: MeetingT;
  event: EventT;
  interpreters: InterpreterT[];
  lang: 'ja' | 'mn' | 'en';
  onMove: (change: { slotStart?: string; tableId?: number; interpreterId?: number | null }) => void;
  onCancelMeeting: () => void;
  onClose: () => void;
}) {
  const t = useT();
  const personText = usePersonText();
  const first = useRef<HTMLSelectElement>(null);
  // Picked from the grid: the keyboard goes straight to the form.
  useEffect(() => first.current?.focus(), []);
  const [slot, setSlot] = useState(meeting.start);
  const [table, setTable] = useState(meeting.table?.id ?? 0);
  const [interpreter, setInterpreter] = useState(meeting.interpreter?.id ?? 0);
  return (
    <form
      class="move-form"
      aria-label={t('moveMeeting')}
      onSubmit={(e) => {
        e.preventDefault();
        const change: { slotStart?: string; tableId?: number; interpreterId?: number | null } = {};
        if (slot !== meeting.start) change.slotStart = slot;
        if (table && table !== meeting.table?.id) change.tableId = table;
        if (interpreter !== (meeting.interpreter?.id ?? 0)) change.interpreterId = interpreter || null;
        if (Object.keys(change).length) onMove(change);
        else onClose();
      }}
    >
      <h3>
        {t('moveMeeting')}:{' '}
        {meeting.attendees.map((a, i) => (
          <>
            {i > 0 && ' ⇄ '}
            <Name text={a.organizationName} latin={a.organizationLatin} /> (<PersonName name={a.name} latin={a.nameLatin} />)
          </>
        ))}
      </h3>
      <div class="grid">
        <label>
          {t('slot')}
          <select ref={first} name="slot" value={slot} onChange={(e) => setSlot(e.currentTarget.value)}>
            {event.slots.map((s) => (
              <option value={s.start}>{formatTime(s.start, event.timeZone, lang)}</option>
            ))}
          </select>
        </label>
        {!meeting.online && (
          <label>
            {t('table')}
            <select name="table" value={table} onChange={(e) => setTable(Number(e.currentTarget.value))}>
              {event.tables.map((tb) => (
                <option value={tb.id}>{tb.name}</option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('interpreter')}
          <select name="interpreter" value={interpreter} onChange={(e) => setInterpreter(Number(e.currentTarget.value))}>
            <option value={0}>—</option>
            {interpreters.map((i) => (
              <option value={i.id}>
                {personText(i.name, i.nameLatin)} ({i.pairs.map((p) => p.join('–')).join(', ')})
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="row">
        <button type="submit">{t('save')}</button>
        <button type="button" class="secondary" onClick={onCancelMeeting}>
          {t('cancelMeeting')}
        </button>
        <button type="button" class="outline secondary" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </form>
  );
}
