import { useState } from 'preact/hooks';
import { download, everyPage, get, patch, post } from '../api.ts';
import type { MessageKey } from '../i18n.ts';
import { useSession, useT } from '../session.ts';
import type { AttendeeT, EventT, FiguresT, InterpreterT, MeetingT, OrganizationT, ScheduleResultT } from '../types.ts';
import { Loading, Notice, ProblemBox, useAction, useLoad, zoneLabel, useNotice, say, type Said } from '../ui.tsx';
import { readableNameText } from '../../../../matching/text/names.ts';
import { DayLinks } from './event-day.tsx';
import { ScheduleGrid } from './event-grid.tsx';
import { FiguresView } from './figures.tsx';
import { Attendees, Interpreters } from './event-people.tsx';

/** A session for matchmakers: who attends, the scheduler and its grid, figures, agendas to export. */
export function EventPage({ id }: { id: number }) {
  const t = useT();
  const { lang } = useSession();
  const [notice, setNotice] = useNotice();
  const [result, setResult] = useState<ScheduleResultT | null>(null);
  const action = useAction();
  // The directory is read once; what an action changes (people, meetings, figures) is read again after it.
  const directory = useLoad(() => everyPage<OrganizationT>('/api/organizations'), []);
  const { data, error, loading, reload } = useLoad(async () => {
    const [event, attendees, interpreters, agenda, figures] = await Promise.all([
      get<EventT>(`/api/events/${id}`),
      get<{ items: AttendeeT[] }>(`/api/events/${id}/attendees`),
      get<{ items: InterpreterT[] }>(`/api/events/${id}/interpreters`),
      get<{ items: MeetingT[] }>(`/api/events/${id}/agenda`),
      get<FiguresT>(`/api/events/${id}/figures`),
    ]);
    return { event, attendees: attendees.items, interpreters: interpreters.items, meetings: agenda.items, figures };
  }, [id]);
  const organizations = directory.data;
  if (!data || !organizations) return <Loading when={loading || directory.loading} error={error ?? directory.error} />;
  const { event } = data;
  // Names the matchmaker can read: in their language, else the original with its Latin form.
  const orgName = new Map(organizations.map((o) => [o.id, readableNameText(o.name, o.nameLatin, lang)]));
  const done = (message: Said) => {
    setNotice(message);
    reload();
  };

  return (
    <section>
      <h1>{event.name}</h1>
      <p class="muted">
        {event.city} · {event.days.map((d) => `${d.date} ${d.open}–${d.close}`).join(', ')} · {zoneLabel(event.timeZone)} ·{' '}
        {t('tablesCount', { count: event.tables.length })} · {t('slotLength', { minutes: event.slotMinutes })}
      </p>
      <nav aria-label={t('onThisPage')} class="row">
        <a
          href={`#/events/${id}`}
          onClick={(e) => {
            e.preventDefault();
            document.getElementById('people')?.scrollIntoView();
          }}
        >
          {t('people')}
        </a>
        <a
          href={`#/events/${id}`}
          onClick={(e) => {
            e.preventDefault();
            document.getElementById('schedule')?.scrollIntoView();
          }}
        >
          {t('schedule')}
        </a>
        <a
          href={`#/events/${id}`}
          onClick={(e) => {
            e.preventDefault();
            document.getElementById('figures')?.scrollIntoView();
          }}
        >
          {t('figures')}
        </a>
        <a
          href={`#/events/${id}`}
          onClick={(e) => {
            e.preventDefault();
            document.getElementById('export')?.scrollIntoView();
          }}
        >
          {t('export')}
        </a>
      </nav>
      <DayLinks eventId={id} />
      <Notice text={notice} />
      <ProblemBox error={action.error} />
      <Settings event={event} onChange={done} />

      <h2 id="people">{t('people')}</h2>
      <Attendees event={event} attendees={data.attendees} organizations={organizations} orgName={orgName} onChange={done} />
      <Interpreters event={event} interpreters={data.interpreters} onChange={done} />

      <h2 id="schedule">{t('schedule')}</h2>
      <ScheduleForm
        busy={action.busy}
        onRun={(replan) =>
          void action.run(async () => {
            const r = await post<ScheduleResultT>(`/api/events/${id}/schedule`, { replan });
            setResult(r);
            done(say('scheduled', { placed: r.placed, kept: r.kept, unplaced: r.unplaced.length }));
            // The result is said where the matchmaker is looking: under the button, scrolled into view.
            requestAnimationFrame(() => document.getElementById('schedule-result')?.scrollIntoView?.({ block: 'nearest' }));
          })
        }
      />
      {result && (
        <p id="schedule-result" class="schedule-result" role="status">
          {t('scheduled', { placed: result.placed, kept: result.kept, unplaced: result.unplaced.length })}
          {result.pinned && result.pinned.total > 0 && <> · {t('pinnedPlaced', result.pinned)}</>}
          {!!result.metBefore && <> · {t('metBeforeSkipped', { count: result.metBefore })}</>}
        </p>
      )}
      {result && result.unplaced.length > 0 && (
        <details open>
          <summary>{t('unplacedPairs', { count: result.unplaced.length })}</summary>
          <ul>
            {result.unplaced.map((u) => (
              <li>
                {u.pinned && <span class="badge rule-pinned">{t('pinnedMark')}</span>} {u.organizations.map((o) => orgName.get(o) ?? o).join(' ⇄ ')}:{' '}
                {t(`unplaced_${u.reason}` as MessageKey)} <small class="muted">({u.detail})</small>
              </li>
            ))}
          </ul>
        </details>
      )}
      <ScheduleGrid event={event} meetings={data.meetings} interpreters={data.interpreters} onChange={done} />

      <h2 id="figures">{t('figures')}</h2>
      <FiguresView figures={data.figures} />

      <h2 id="export">{t('export')}</h2>
      <Exports event={event} attendees={data.attendees} orgName={orgName} onError={(e) => void action.run(() => Promise.reject(e))} />
    </section>
  );
}

/** What can change once a session is set up: its name, the request deadline, who sees what, more tables. */
function Settings({ event, onChange }: { event: EventT; onChange: (m: Said) => void }) {
  const t = useT();
  const action = useAction();
  const [form, setForm] = useState({
    name: event.name,
    requestTtlHours: event.requestTtlHours,
    allowOnline: event.allowOnline,
    approvedPairsOnly: event.approvedPairsOnly,
  });
  const [moreTables, setMoreTables] = useState(0);
  return (
    <details>
      <summary>{t('sessionSettings')}</summary>
      <form
        aria-label={t('sessionSettings')}
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(async () => {
            await patch(`/api/events/${event.id}`, { ...form, name: form.name.trim() });
            if (moreTables > 0) {
              const taken = new Set(event.tables.map((tb) => tb.name));
              const names: string[] = [];
              for (let n = event.tables.length + 1; names.length < moreTables; n++) if (!taken.has(`T${n}`)) names.push(`T${n}`);
              await post(`/api/events/${event.id}/tables`, { names });
            }
            setMoreTables(0);
            onChange(say('settingsSaved'));
          });
        }}
      >
        <label>
          {t('eventName')}
          <input name="settingsName" required maxLength={200} value={form.name} onInput={(e) => setForm({ ...form, name: e.currentTarget.value })} />
        </label>
        <div class="grid">
          <label>
            {t('requestTtlHours')}
            <input
              name="requestTtlHours"
              type="number"
              min={1}
              max={720}
              value={form.requestTtlHours}
              onInput={(e) => setForm({ ...form, requestTtlHours: Number(e.currentTarget.value) || 1 })}
            />
          </label>
          <label>
            {t('addTables')}
            <input name="moreTables" type="number" min={0} max={500} value={moreTables} onInput={(e) => setMoreTables(Number(e.currentTarget.value) || 0)} />
          </label>
        </div>
        <label class="inline">
          <input
            type="checkbox"
            name="settingsAllowOnline"
            checked={form.allowOnline}
            onChange={(e) => setForm({ ...form, allowOnline: e.currentTarget.checked })}
          />
          {t('allowOnline')}
        </label>
        <label class="inline">
          <input
            type="checkbox"
            name="settingsApprovedOnly"
            checked={form.approvedPairsOnly}
            onChange={(e) => setForm({ ...form, approvedPairsOnly: e.currentTarget.checked })}
          />
          {t('approvedPairsOnly')}
        </label>
        <ProblemBox error={action.error} />
        <button type="submit" aria-busy={action.busy} disabled={action.busy}>
          {t('save')}
        </button>
      </form>
    </details>
  );
}

function ScheduleForm({ busy, onRun }: { busy: boolean; onRun: (replan: boolean) => void }) {
  const t = useT();
  const [replan, setReplan] = useState(false);
  return (
    <form
      class="row"
      onSubmit={(e) => {
        e.preventDefault();
        onRun(replan);
      }}
    >
      <label class="inline">
        <input type="checkbox" name="replan" checked={replan} onChange={(e) => setReplan(e.currentTarget.checked)} />
        {t('replan')}
      </label>
      <button type="submit" aria-busy={busy} disabled={busy}>
        {t('runScheduler')}
      </button>
    </form>
  );
}

function Exports({
  event,
  attendees,
  orgName,
  onError,
}: {
  event: EventT;
  attendees: AttendeeT[];
  orgName: Map<number, string>;
  onError: (e: unknown) => void;
}) {
  const t = useT();
  const [organizationId, setOrganizationId] = useState(0);
  const orgs = [...new Set(attendees.map((a) => a.organizationId))];
  const get = (query: Record<string, string | number>, name: string) => download(`/api/events/${event.id}/agenda`, query, name).catch(onError);
  return (
    <div>
      <div class="row">
        <button type="button" class="outline" onClick={() => get({ format: 'csv' }, `musubi-event-${event.id}.csv`)}>
          {t('exportCsv')}
        </button>
        <button type="button" class="outline" onClick={() => get({ format: 'ics' }, `musubi-event-${event.id}.ics`)}>
          {t('exportIcs')}
        </button>
      </div>
      <div class="row">
        <label>
          {t('organizationAgenda')}
          <select name="agendaOrganization" value={organizationId} onChange={(e) => setOrganizationId(Number(e.currentTarget.value))}>
            <option value={0}>—</option>
            {orgs.map((o) => (
              <option value={o}>{orgName.get(o) ?? o}</option>
            ))}
          </select>
        </label>
        <button
          type="button"
          class="outline"
          disabled={!organizationId}
          onClick={() => get({ format: 'csv', organizationId }, `musubi-${event.id}-org-${organizationId}.csv`)}
        >
          CSV
        </button>
        <button
          type="button"
          class="outline"
          disabled={!organizationId}
          onClick={() => get({ format: 'ics', organizationId }, `musubi-${event.id}-org-${organizationId}.ics`)}
        >
          .ics
        </button>
      </div>
    </div>
  );
}
