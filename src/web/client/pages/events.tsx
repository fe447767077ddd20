import { useState } from 'preact/hooks';
import { get, post } from '../api.ts';
import { useT } from '../session.ts';
import type { EventT } from '../types.ts';
import { Loading, ProblemBox, useAction, useLoad, zoneLabel } from '../ui.tsx';

const ZONES = ['Asia/Ulaanbaatar', 'Asia/Tokyo', 'Asia/Hovd', 'Asia/Choibalsan'];

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function EventsPage() {
  const t = useT();
  const { data, error, loading } = useLoad(() => get<{ items: EventT[] }>('/api/events'), []);
  return (
    <section>
      <h1>{t('eventsTitle')}</h1>
      <Loading when={loading} error={error} />
      {data && (
        <ul class="events">
          {data.items.map((e) => (
            <li>
              <a href={`#/events/${e.id}`}>{e.name}</a>{' '}
              <small class="muted">
                {e.city} · {e.days.map((d) => d.date).join(', ')} · {zoneLabel(e.timeZone)} · {t('tablesCount', { count: e.tables.length })}
              </small>
            </li>
          ))}
        </ul>
      )}
      <NewEventForm />
    </section>
  );
}

function NewEventForm() {
  const t = useT();
  const action = useAction();
  const [form, setForm] = useState({
    name: '',
    city: 'Ulaanbaatar',
    timeZone: 'Asia/Ulaanbaatar',
    date: '',
    dayCount: 1,
    open: '09:00',
    close: '17:00',
    breakStart: '12:00',
    breakEnd: '13:00',
    slotMinutes: 30,
    tables: 10,
    allowOnline: true,
    approvedPairsOnly: false,
  });
  const set = (change: Partial<typeof form>) => setForm({ ...form, ...change });
  return (
    <details>
      <summary role="button" class="outline">
        {t('newEvent')}
      </summary>
      <form
        aria-label={t('newEvent')}
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(async () => {
            const breaks = form.breakStart && form.breakEnd ? [{ start: form.breakStart, end: form.breakEnd }] : [];
            const created = await post<EventT>('/api/events', {
              name: form.name.trim(),
              city: form.city.trim(),
              timeZone: form.timeZone,
              days: Array.from({ length: form.dayCount }, (_, i) => ({ date: addDays(form.date, i), open: form.open, close: form.close, breaks })),
              slotMinutes: form.slotMinutes,
              tables: Array.from({ length: form.tables }, (_, i) => `T${i + 1}`),
              allowOnline: form.allowOnline,
              approvedPairsOnly: form.approvedPairsOnly,
            });
            location.hash = `#/events/${created.id}`;
          });
        }}
      >
        <label>
          {t('eventName')}
          <input name="name" required maxLength={200} value={form.name} onInput={(e) => set({ name: e.currentTarget.value })} />
        </label>
        <div class="grid">
          <label>
            {t('city')}
            <input name="city" required maxLength={100} value={form.city} onInput={(e) => set({ city: e.currentTarget.value })} />
          </label>
          <label>
            {t('timeZone')}
            <select name="timeZone" value={form.timeZone} onChange={(e) => set({ timeZone: e.currentTarget.value })}>
              {ZONES.map((z) => (
                <option value={z}>{z}</option>
              ))}
            </select>
          </label>
        </div>
        <div class="grid">
          <label>
            {t('firstDay')}
            <input name="date" type="date" required value={form.date} onInput={(e) => set({ date: e.currentTarget.value })} />
          </label>
          <label>
            {t('dayCount')}
            <input
              name="dayCount"
              type="number"
              min={1}
              max={14}
              value={form.dayCount}
              onInput={(e) => set({ dayCount: Number(e.currentTarget.value) || 1 })}
            />
          </label>
        </div>
        <div class="grid">
          <label>
            {t('opens')}
            <input name="open" type="time" required value={form.open} onInput={(e) => set({ open: e.currentTarget.value })} />
          </label>
          <label>
            {t('closes')}
            <input name="close" type="time" required value={form.close} onInput={(e) => set({ close: e.currentTarget.value })} />
          </label>
          <label>
            {t('breakStart')}
            <input name="breakStart" type="time" value={form.breakStart} onInput={(e) => set({ breakStart: e.currentTarget.value })} />
          </label>
          <label>
            {t('breakEnd')}
            <input name="breakEnd" type="time" value={form.breakEnd} onInput={(e) => set({ breakEnd: e.currentTarget.value })} />
          </label>
        </div>
        <div class="grid">
          <label>
            {t('slotMinutes')}
            <input
              name="slotMinutes"
              type="number"
              min={10}
              max={240}
              step={5}
              value={form.slotMinutes}
              onInput={(e) => set({ slotMinutes: Number(e.currentTarget.value) })}
            />
          </label>
          <label>
            {t('tableCount')}
            <input name="tables" type="number" min={0} max={1000} value={form.tables} onInput={(e) => set({ tables: Number(e.currentTarget.value) || 0 })} />
          </label>
        </div>
        <label class="inline">
          <input type="checkbox" name="allowOnline" checked={form.allowOnline} onChange={(e) => set({ allowOnline: e.currentTarget.checked })} />
          {t('allowOnline')}
        </label>
        <label class="inline">
          <input
            type="checkbox"
            name="approvedPairsOnly"
            checked={form.approvedPairsOnly}
            onChange={(e) => set({ approvedPairsOnly: e.currentTarget.checked })}
          />
          {t('approvedPairsOnly')}
        </label>
        <ProblemBox error={action.error} />
        <button type="submit" aria-busy={action.busy} disabled={action.busy}>
          {t('createEvent')}
        </button>
      </form>
    </details>
  );
}
