import { useState } from 'preact/hooks';
import { api, download, get, patch, post } from '../api.ts';
import { LANGUAGE_NAMES, type MessageKey } from '../i18n.ts';
import { useSession, useT } from '../session.ts';
import type { AttendeeT, EventT, FiguresT, InterpreterT, IssuedTokenT, MatchT, MeetingT, OrganizationT, Page, ScheduleResultT } from '../types.ts';
import { Loading, Name, Notice, PersonName, pick, ProblemBox, ScrollBox, useAction, useLoad, usePersonText, zoneLabel } from '../ui.tsx';
import { readableNameText } from '../../../../matching/text/names.ts';
import { DayLinks } from './event-day.tsx';
import { ScheduleGrid } from './event-grid.tsx';
import { FiguresView } from './figures.tsx';
import { IssuedToken } from './organizations.tsx';
import { SendSignInLinks } from './messages.tsx';

async function everyPage<T>(path: string, query: Record<string, string | number> = {}): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await get<Page<T>>(path, { ...query, limit: 500, offset });
    out.push(...page.items);
    if (out.length >= page.total || page.items.length === 0) return out;
  }
}

const COUNTRY_ZONE: Record<string, string> = { JP: 'Asia/Tokyo', MN: 'Asia/Ulaanbaatar' };

/** A session for matchmakers: who attends, the scheduler and its grid, figures, agendas to export. */
export function EventPage({ id }: { id: number }) {
  const t = useT();
  const { lang } = useSession();
  const [notice, setNotice] = useState<string | null>(null);
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
  const done = (message: string) => {
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
            done(t('scheduled', { placed: r.placed, kept: r.kept, unplaced: r.unplaced.length }));
            // The result is said where the matchmaker is looking: under the button, scrolled into view.
            requestAnimationFrame(() => document.getElementById('schedule-result')?.scrollIntoView?.({ block: 'nearest' }));
          })
        }
      />
      {result && (
        <p id="schedule-result" class="schedule-result" role="status">
          {t('scheduled', { placed: result.placed, kept: result.kept, unplaced: result.unplaced.length })}
        </p>
      )}
      {result && result.unplaced.length > 0 && (
        <details open>
          <summary>{t('unplacedPairs', { count: result.unplaced.length })}</summary>
          <ul>
            {result.unplaced.map((u) => (
              <li>
                {u.organizations.map((o) => orgName.get(o) ?? o).join(' ⇄ ')}: {t(`unplaced_${u.reason}` as MessageKey)}{' '}
                <small class="muted">({u.detail})</small>
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
function Settings({ event, onChange }: { event: EventT; onChange: (m: string) => void }) {
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
            onChange(t('settingsSaved'));
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

function Attendees({
  event,
  attendees,
  organizations,
  orgName,
  onChange,
}: {
  event: EventT;
  attendees: AttendeeT[];
  organizations: OrganizationT[];
  orgName: Map<number, string>;
  onChange: (m: string) => void;
}) {
  const t = useT();
  const { lang } = useSession();
  const action = useAction();
  const [issued, setIssued] = useState<{ who: string; token: string } | null>(null);
  const [many, setMany] = useState<{ name: string; nameLatin: string; organization: OrganizationT | undefined; token: string }[]>([]);
  const orgById = new Map(organizations.map((o) => [o.id, o]));
  // One sign-in token per attendee listed, each with its link, on a sheet to print and hand out.
  const issueAll = () =>
    action.run(async () => {
      const out: typeof many = [];
      for (const a of attendees) {
        const issuedToken = await post<IssuedTokenT>(`/api/attendees/${a.id}/tokens`, { label: 'printed' });
        out.push({ name: a.name, nameLatin: a.nameLatin, organization: orgById.get(a.organizationId), token: issuedToken.token });
      }
      setMany(out);
    });
  const [adding, setAdding] = useState({ organizationId: 0, name: '', online: false, from: '', until: '' });
  const registered = new Set(attendees.map((a) => a.organizationId));

  const registerApproved = () =>
    action.run(async () => {
      const approved = await everyPage<MatchT>('/api/matches', { status: 'approved' });
      const wanted = new Set(approved.flatMap((m) => [m.a.id, m.b.id]));
      const byId = new Map(organizations.map((o) => [o.id, o]));
      let added = 0;
      for (const orgId of wanted) {
        const o = byId.get(orgId);
        if (!o || registered.has(orgId)) continue;
        await post(`/api/events/${event.id}/attendees`, attendeeFor(o, event, false));
        added++;
      }
      onChange(t('attendeesAdded', { count: added }));
    });

  return (
    <>
      <h3>{t('attendeesHeading', { count: attendees.length })}</h3>
      <ProblemBox error={action.error} />
      {issued && <IssuedToken who={issued.who} token={issued.token} />}
      <div class="row">
        <button type="button" class="outline" onClick={() => void registerApproved()} aria-busy={action.busy} disabled={action.busy}>
          {t('registerApproved')}
        </button>
        <button type="button" class="outline secondary" onClick={() => void issueAll()} disabled={action.busy || attendees.length === 0}>
          {t('tokensForAll')}
        </button>
      </div>
      <SendSignInLinks eventId={event.id} onDone={onChange} />
      {many.length > 0 && (
        <div class="token-sheet">
          <p class="row no-print">
            <button
              type="button"
              class="outline"
              onClick={() => {
                // Only the sheet goes to paper (style.css, html.print-tokens).
                document.documentElement.classList.add('print-tokens');
                addEventListener('afterprint', () => document.documentElement.classList.remove('print-tokens'), { once: true });
                print();
              }}
            >
              {t('printTokens')}
            </button>
          </p>
          <ScrollBox label={t('signInTokens')}>
            <table class="striped">
              <thead>
                <tr>
                  <th scope="col">{t('person')}</th>
                  <th scope="col">{t('organization')}</th>
                  <th scope="col">{t('signInLink')}</th>
                </tr>
              </thead>
              <tbody>
                {many.map((m) => (
                  <tr>
                    <td>
                      <PersonName name={m.name} latin={m.nameLatin} />
                    </td>
                    <td>{m.organization && <Name text={m.organization.name} latin={m.organization.nameLatin} />}</td>
                    <td>
                      <code class="secret">{`${location.origin}/#/sign-in/${m.token}`}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        </div>
      )}
      <details>
        <summary>{t('attendeeList')}</summary>
        <ScrollBox label={t('attendeeList')}>
          <table class="striped attendees">
            <thead>
              <tr>
                <th scope="col">{t('organization')}</th>
                <th scope="col">{t('person')}</th>
                <th scope="col">{t('languagesShort')}</th>
                <th scope="col">{t('whereFrom')}</th>
                <th scope="col">{t('signInTokens')}</th>
              </tr>
            </thead>
            <tbody>
              {attendees.map((a) => (
                <tr data-attendee={a.id}>
                  <td>{orgName.get(a.organizationId) ?? a.organizationId}</td>
                  <td>
                    <PersonName name={a.name} latin={a.nameLatin} />
                  </td>
                  <td>{a.languages.map((l) => LANGUAGE_NAMES[l]?.[lang] ?? l).join(', ')}</td>
                  <td>{a.online ? `${t('online')} (${zoneLabel(a.timeZone)})` : t('inPerson')}</td>
                  <td class="row">
                    <button
                      type="button"
                      class="outline small"
                      onClick={() =>
                        void action.run(async () => {
                          const issuedToken = await post<IssuedTokenT>(`/api/attendees/${a.id}/tokens`, { label: 'web' });
                          setIssued({ who: a.name, token: issuedToken.token });
                        })
                      }
                    >
                      {t('personToken')}
                    </button>
                    <button
                      type="button"
                      class="outline secondary small"
                      onClick={() =>
                        void action.run(async () => {
                          const issuedToken = await post<IssuedTokenT>(`/api/organizations/${a.organizationId}/tokens`, { label: 'web' });
                          setIssued({ who: orgName.get(a.organizationId) ?? '', token: issuedToken.token });
                        })
                      }
                    >
                      {t('organizationToken')}
                    </button>
                    <button
                      type="button"
                      class="outline secondary small"
                      onClick={() => {
                        if (!confirm(t('confirmRemoveAttendee', { name: a.name }))) return;
                        void action.run(async () => {
                          await api('DELETE', `/api/attendees/${a.id}`);
                          onChange(t('attendeeRemoved', { name: a.name }));
                        });
                      }}
                    >
                      {t('remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      </details>
      <form
        class="grid add-attendee"
        aria-label={t('addAttendee')}
        onSubmit={(e) => {
          e.preventDefault();
          const o = organizations.find((x) => x.id === adding.organizationId);
          if (!o) return;
          void action.run(async () => {
            const availability = adding.from || adding.until ? dailyWindow(event, adding.from || '00:00', adding.until || '23:59') : undefined;
            await post(`/api/events/${event.id}/attendees`, {
              ...attendeeFor(o, event, adding.online),
              ...(adding.name.trim() ? { name: adding.name.trim() } : {}),
              ...(availability ? { availability } : {}),
            });
            setAdding({ organizationId: 0, name: '', online: false, from: '', until: '' });
            onChange(t('attendeesAdded', { count: 1 }));
          });
        }}
      >
        <label>
          {t('organization')}
          <select
            name="organizationId"
            required
            value={adding.organizationId}
            onChange={(e) => setAdding({ ...adding, organizationId: Number(e.currentTarget.value) })}
          >
            <option value={0}>—</option>
            {organizations.map((o) => (
              <option value={o.id}>{pick(o.name, lang).text}</option>
            ))}
          </select>
        </label>
        <label>
          {t('person')}
          <input name="attendeeName" maxLength={200} value={adding.name} onInput={(e) => setAdding({ ...adding, name: e.currentTarget.value })} />
        </label>
        <label>
          {t('availableFrom', { zone: zoneLabel(event.timeZone) })}
          <input name="availableFrom" type="time" value={adding.from} onInput={(e) => setAdding({ ...adding, from: e.currentTarget.value })} />
        </label>
        <label>
          {t('availableUntil', { zone: zoneLabel(event.timeZone) })}
          <input name="availableUntil" type="time" value={adding.until} onInput={(e) => setAdding({ ...adding, until: e.currentTarget.value })} />
        </label>
        <label class="inline">
          <input type="checkbox" name="online" checked={adding.online} onChange={(e) => setAdding({ ...adding, online: e.currentTarget.checked })} />
          {t('joinsOnline')}
        </label>
        <button type="submit" disabled={!adding.organizationId}>
          {t('addAttendee')}
        </button>
      </form>
    </>
  );
}

/**
 * "Free from 09:00 until 11:00" on every day of the session, as instants: each day's offset is read
 * off that day's slots (UTC start beside local start), so the event's zone rules stay the service's.
 */
function dailyWindow(event: EventT, from: string, until: string): { start: string; end: string }[] {
  const out: { start: string; end: string }[] = [];
  for (const day of event.days) {
    const slot = event.slots.find((s) => s.local.startsWith(day.date));
    if (!slot) continue;
    const minutes = Math.round((Date.parse(`${slot.local}:00Z`) - Date.parse(slot.start)) / 60_000);
    const sign = minutes < 0 ? '-' : '+';
    const offset = `${sign}${String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0')}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`;
    out.push({ start: `${day.date}T${from}:00${offset}`, end: `${day.date}T${until}:00${offset}` });
  }
  return out;
}

function attendeeFor(o: OrganizationT, event: EventT, online: boolean) {
  return {
    organizationId: o.id,
    name: o.contact?.name || pick(o.name, 'en').text,
    languages: o.languages,
    online,
    timeZone: online ? (COUNTRY_ZONE[o.country] ?? event.timeZone) : event.timeZone,
  };
}

function Interpreters({ event, interpreters, onChange }: { event: EventT; interpreters: InterpreterT[]; onChange: (m: string) => void }) {
  const t = useT();
  const action = useAction();
  const [name, setName] = useState('');
  const [pairs, setPairs] = useState('ja-mn');
  const personText = usePersonText();
  return (
    <>
      <h3>{t('interpretersHeading', { count: interpreters.length })}</h3>
      <p>{interpreters.map((i) => `${personText(i.name, i.nameLatin)} (${i.pairs.map((p) => p.join('–')).join(', ')})`).join(' · ')}</p>
      <ProblemBox error={action.error} />
      <form
        class="grid"
        aria-label={t('addInterpreter')}
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(async () => {
            const list = pairs
              .split(/[,\s]+/)
              .filter(Boolean)
              .map((p) => p.split(/[-–]/));
            await post(`/api/events/${event.id}/interpreters`, { name: name.trim(), pairs: list });
            setName('');
            onChange(t('interpreterAdded'));
          });
        }}
      >
        <label>
          {t('interpreterName')}
          <input name="interpreterName" required maxLength={200} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label>
          {t('languagePairs')}
          <input name="pairs" required value={pairs} onInput={(e) => setPairs(e.currentTarget.value)} aria-describedby="pairs-help" />
          <small id="pairs-help">ja-mn, mn-en</small>
        </label>
        <button type="submit">{t('addInterpreter')}</button>
      </form>
    </>
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
