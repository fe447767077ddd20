import type { Static } from 'typebox';
import { useState } from 'preact/hooks';
import { put } from '../api.ts';
import type { MessageKey } from '../i18n.ts';
import type { Idle } from '../../../schemas/rules.ts';
import { useSession, useT } from '../session.ts';
import type { AttendeeT, EventT, MatchT } from '../types.ts';
import { formatTime, Notice, ProblemBox, useAction, useNotice, say, type Said } from '../ui.tsx';

/** The scheduling rules in the web app: a part of the day, a pair's pin or veto, unavailable slots, idle time. */

export type PartOfDay = 'morning' | 'afternoon' | 'any';
const PARTS: PartOfDay[] = ['any', 'morning', 'afternoon'];
export type IdleT = Static<typeof Idle>;

/** Morning / afternoon / any, by the session's own hours (its lunch break). */
export function PartSelect({ value, name, onChange, disabled }: { value: PartOfDay; name: string; onChange: (part: PartOfDay) => void; disabled?: boolean }) {
  const t = useT();
  return (
    <label>
      {t('partOfDay')}
      <select name={name} value={value} disabled={disabled} onChange={(e) => onChange(e.currentTarget.value as PartOfDay)}>
        {PARTS.map((p) => (
          <option value={p}>{t(`part_${p}` as MessageKey)}</option>
        ))}
      </select>
    </label>
  );
}

/** A pair's rules in the review queue: its part of the day, and pin (must meet) or veto (never). */
export function PairRules({ pair, onChange }: { pair: MatchT; onChange: (changed: Pick<MatchT, 'id' | 'status' | 'part' | 'rule'>, notice: Said) => void }) {
  const t = useT();
  const { lang } = useSession();
  const action = useAction();
  const names = { a: pair.a.nameLatin || Object.values(pair.a.name)[0] || '', b: pair.b.nameLatin || Object.values(pair.b.name)[0] || '' };
  const name = (side: Record<string, string>, latin: string) => side[lang] ?? latin;
  const words = { a: name(pair.a.name, names.a), b: name(pair.b.name, names.b) };
  const set = (change: { part?: PartOfDay; rule?: 'pinned' | 'vetoed' | null }, done: MessageKey) =>
    void action.run(async () => {
      const changed = await put<Pick<MatchT, 'id' | 'status' | 'part' | 'rule'>>(`/api/matches/${pair.id}/rules`, change);
      onChange(changed, done === 'partSaved' ? say(done, { part: t(`part_${changed.part ?? 'any'}` as MessageKey) }) : say(done, words));
    });
  return (
    <fieldset class="pair-rules">
      <legend>{t('schedulingRules')}</legend>
      <PartSelect name="pairPart" value={(pair.part ?? 'any') as PartOfDay} disabled={action.busy} onChange={(part) => set({ part }, 'partSaved')} />
      <div class="row">
        <button type="button" class="outline" disabled={action.busy || pair.rule === 'pinned'} onClick={() => set({ rule: 'pinned' }, 'pinned')}>
          {t('pinPair')}
        </button>
        <button type="button" class="outline secondary" disabled={action.busy || pair.rule === 'vetoed'} onClick={() => set({ rule: 'vetoed' }, 'vetoed')}>
          {t('vetoPair')}
        </button>
        {pair.rule && (
          <button type="button" class="outline secondary" disabled={action.busy} onClick={() => set({ rule: null }, 'ruleCleared')}>
            {t('clearRule')}
          </button>
        )}
      </div>
      <ProblemBox error={action.error} />
    </fieldset>
  );
}

/** The badge of a pinned or vetoed pair. */
export function RuleBadge({ rule }: { rule: MatchT['rule'] }) {
  const t = useT();
  return rule ? <span class={`badge rule-${rule}`}>{t(`rule_${rule}` as MessageKey)}</span> : null;
}

/**
 * The slots a person cannot attend, one checkbox per slot, by day, in the person's own zone. Saving
 * a slot that holds a meeting is refused with the meeting named unless "cancel the meetings" is ticked.
 */
export function UnavailableEditor({ event, attendee, timeZone, onSaved }: { event: EventT; attendee: AttendeeT; timeZone: string; onSaved?: () => void }) {
  const t = useT();
  const { lang } = useSession();
  const action = useAction();
  const [chosen, setChosen] = useState<Set<string>>(new Set(attendee.unavailable ?? []));
  const [cancelMeetings, setCancelMeetings] = useState(false);
  const [notice, setNotice] = useNotice();
  const days = new Map<string, EventT['slots']>();
  for (const s of event.slots) {
    const day = s.local.slice(0, 10);
    days.set(day, [...(days.get(day) ?? []), s]);
  }
  const toggle = (start: string) =>
    setChosen((all) => {
      const next = new Set(all);
      if (next.has(start)) next.delete(start);
      else next.add(start);
      return next;
    });
  return (
    <form
      class="unavailable"
      aria-label={`${t('unavailableSlots')} – ${attendee.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(async () => {
          const r = await put<{ unavailable: string[]; cancelled: number[] }>(`/api/attendees/${attendee.id}/unavailable`, {
            slots: [...chosen].sort(),
            ...(cancelMeetings ? { cancelMeetings: true } : {}),
          });
          setChosen(new Set(r.unavailable));
          setNotice(say('unavailableSaved', { count: r.unavailable.length, cancelled: r.cancelled.length }));
          onSaved?.();
        });
      }}
    >
      <p class="muted">{t('unavailableHelp')}</p>
      {[...days].map(([day, slots]) => (
        <fieldset class="slot-boxes">
          <legend>{day}</legend>
          {slots.map((s) => (
            <label class="inline">
              <input type="checkbox" name={`unavailable-${s.start}`} checked={chosen.has(s.start)} onChange={() => toggle(s.start)} />
              {formatTime(s.start, timeZone, lang, false)}
            </label>
          ))}
        </fieldset>
      ))}
      <label class="inline">
        <input type="checkbox" name="cancelMeetings" checked={cancelMeetings} onChange={(e) => setCancelMeetings(e.currentTarget.checked)} />
        {t('cancelMeetingsInWay')}
      </label>
      <ProblemBox error={action.error} zone={timeZone} />
      <Notice text={notice} />
      <button type="submit" disabled={action.busy} aria-busy={action.busy}>
        {t('saveUnavailable')}
      </button>
    </form>
  );
}

/** Breaks and idle minutes per day of one person's agenda. */
export function IdleLine({ idle }: { idle: IdleT | undefined }) {
  const t = useT();
  if (!idle || idle.days.length === 0) return null;
  return (
    <p class="idle muted" data-idle-breaks={idle.breaks}>
      {t('idleTime')}: {idle.days.map((d) => t('idleSummary', { day: d.day, breaks: d.breaks, minutes: d.idleMinutes })).join(' · ')}
    </p>
  );
}
