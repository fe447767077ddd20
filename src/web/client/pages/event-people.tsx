import { useState } from 'preact/hooks';
import { api, everyPage, post } from '../api.ts';
import { LANGUAGE_NAMES } from '../i18n.ts';
import { useSession, useT } from '../session.ts';
import type { AttendeeT, EventT, InterpreterT, IssuedTokenT, MatchT, OrganizationT } from '../types.ts';
import { Name, PersonName, pick, ProblemBox, ScrollBox, useAction, usePersonText, zoneLabel, say, type Said } from '../ui.tsx';
import { IssuedToken } from './organizations.tsx';
import { UnavailableEditor } from './schedule-rules.tsx';
import { SendSignInLinks } from './messages.tsx';

/** Where an online attendee sits: their country's zone (else the session's). */
const COUNTRY_ZONE: Record<string, string> = { JP: 'Asia/Tokyo', MN: 'Asia/Ulaanbaatar' };

export function Attendees({
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
  onChange: (m: Said) => void;
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
  const [editing, setEditing] = useState<AttendeeT | null>(null);
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
      onChange(say('attendeesAdded', { count: added }));
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
                      aria-expanded={editing?.id === a.id}
                      onClick={() => setEditing(editing?.id === a.id ? null : a)}
                    >
                      {t('editAvailability')}
                    </button>
                    <button
                      type="button"
                      class="outline secondary small"
                      onClick={() => {
                        if (!confirm(t('confirmRemoveAttendee', { name: a.name }))) return;
                        void action.run(async () => {
                          await api('DELETE', `/api/attendees/${a.id}`);
                          onChange(say('attendeeRemoved', { name: a.name }));
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
      {editing && <UnavailableEditor key={editing.id} event={event} attendee={editing} timeZone={event.timeZone} />}
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
            onChange(say('attendeesAdded', { count: 1 }));
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

export function Interpreters({ event, interpreters, onChange }: { event: EventT; interpreters: InterpreterT[]; onChange: (m: Said) => void }) {
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
            onChange(say('interpreterAdded'));
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
