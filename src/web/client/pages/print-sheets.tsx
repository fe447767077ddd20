import { useSession, useT } from '../session.ts';
import type { SheetsT } from '../types.ts';
import { formatTime, Name, PersonName, ScrollBox, usePersonText, zoneLabel } from '../ui.tsx';

type Attendee = SheetsT['attendees'][number];
type Meeting = SheetsT['meetings'][number];

/** The script of a name, so the page draws it in the right font (and a reader hears it right). */
export function scriptLang(text: string): string | undefined {
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return 'ja';
  if (/\p{Script=Cyrillic}/u.test(text)) return 'mn';
  return undefined;
}

/** Look-ups over one answer of /sheets. */
export function sheetIndex(data: SheetsT) {
  const people = new Map(data.attendees.map((a) => [a.id, a]));
  const orgs = new Map(data.organizations.map((o) => [o.id, o]));
  const tables = new Map(data.event.tables.map((t) => [t.id, t.name]));
  const interpreters = new Map(data.interpreters.map((i) => [i.id, i]));
  const zone = data.event.timeZone;
  const dateOf = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
  const byStart = [...data.meetings].sort((a, b) => a.start.localeCompare(b.start) || Number(a.status !== 'scheduled') - Number(b.status !== 'scheduled'));
  return { people, orgs, tables, interpreters, zone, dateOf, byStart, days: data.event.days.map((d) => d.date) };
}
export type SheetIndex = ReturnType<typeof sheetIndex>;

/**
 * A person's name as written, and in Latin letters when the reader writes in another script; an
 * organisation's in the reader's language when it has one, else the original with its Latin form.
 * The rule of matching/text/names.ts, as on every page.
 */
export function SheetPersonName({ person }: { person: { name: string; latin: string | null } | undefined }) {
  return person ? <PersonName name={person.name} latin={person.latin} /> : null;
}
export function OrgName({ org }: { org: SheetsT['organizations'][number] | undefined }) {
  return org ? <Name text={org.name} latin={org.latin} /> : null;
}

/** Both people of a meeting, each with their organisation. */
function Pair({ m, ix }: { m: Meeting; ix: SheetIndex }) {
  return (
    <>
      {m.attendeeIds.map((id) => {
        const p = ix.people.get(id);
        return (
          <div class="pair-person">
            <SheetPersonName person={p} /> · <OrgName org={ix.orgs.get(p?.organizationId ?? 0)} />
          </div>
        );
      })}
    </>
  );
}

/** The date of a slot, in the reader's way, without its time. */
function dayLabel(iso: string, zone: string, lang: Parameters<typeof formatTime>[2]): string {
  return formatTime(iso, zone, lang).replace(/[,\s]*\d\d:\d\d$/, '');
}

function DayChange({ m }: { m: Meeting }) {
  const t = useT();
  if (m.status === 'cancelled') return <strong class="change">{t('cancelledNoShow')}</strong>;
  if (m.dayReason === 'standby') return <strong class="change">{t('newStandby')}</strong>;
  return null;
}

function Printed({ data }: { data: SheetsT }) {
  const t = useT();
  const { lang } = useSession();
  return <p class="muted printed">{t('printedAt', { time: formatTime(data.generatedAt, data.event.timeZone, lang) })}</p>;
}

/** One attendee's agenda: QR check-in code, times in their zone (and the session's), partners readable to them. */
export function AgendaSheet({ data, ix, person }: { data: SheetsT; ix: SheetIndex; person: Attendee }) {
  const t = useT();
  const { lang } = useSession();
  const personText = usePersonText();
  const mine = ix.byStart.filter((m) => m.attendeeIds.includes(person.id));
  const elsewhere = person.timeZone !== ix.zone;
  return (
    <article class="sheet" data-attendee={person.id}>
      <header class="sheet-head">
        <div>
          <p class="muted">
            {data.event.name} · {data.event.city}
          </p>
          <h2>{t('agendaOf', { name: personText(person.name, person.latin) })}</h2>
          <p>
            <SheetPersonName person={person} /> · <OrgName org={ix.orgs.get(person.organizationId)} />
          </p>
          <p class="muted">{t('timesShownIn', { zone: zoneLabel(person.timeZone) })}</p>
        </div>
        {person.qr && person.checkInCode && (
          <figure class="qr">
            <img src={person.qr} alt={t('qrAlt', { code: person.checkInCode })} width={112} height={112} />
            <figcaption>
              {t('checkInCode')} <strong class="code">{person.checkInCode}</strong>
            </figcaption>
          </figure>
        )}
      </header>
      {mine.length === 0 ? (
        <p>{t('noMeetingsYet')}</p>
      ) : (
        <ScrollBox label={t('agendaOf', { name: personText(person.name, person.latin) })}>
          <table class="sheet-table">
            <thead>
              <tr>
                <th scope="col">{elsewhere ? t('yourTime') : t('time')}</th>
                {elsewhere && <th scope="col">{t('sessionTime')}</th>}
                <th scope="col">{t('with')}</th>
                <th scope="col">{t('place')}</th>
                <th scope="col">{t('interpreter')}</th>
              </tr>
            </thead>
            <tbody>
              {mine.map((m) => {
                const partner = ix.people.get(m.attendeeIds.find((id) => id !== person.id) ?? 0);
                const interpreter = m.interpreterId ? ix.interpreters.get(m.interpreterId) : undefined;
                return (
                  <tr class={m.status === 'cancelled' ? 'cancelled' : m.dayReason === 'standby' ? 'standby' : ''} data-meeting={m.id}>
                    <td>{formatTime(m.start, person.timeZone, lang)}</td>
                    {elsewhere && <td>{formatTime(m.start, ix.zone, lang, false)}</td>}
                    <td>
                      <SheetPersonName person={partner} />
                      <br />
                      <OrgName org={ix.orgs.get(partner?.organizationId ?? 0)} /> <DayChange m={m} />
                    </td>
                    <td>{m.online ? t('online') : `${t('table')} ${ix.tables.get(m.tableId ?? 0) ?? ''}`}</td>
                    <td>{interpreter ? <SheetPersonName person={interpreter} /> : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollBox>
      )}
      <Printed data={data} />
    </article>
  );
}

/** A table's day (every slot, free ones too) or an interpreter's (their meetings). */
export function ResourceSheet({
  data,
  ix,
  title,
  keep,
  showTable,
  allSlots,
}: {
  data: SheetsT;
  ix: SheetIndex;
  title: string;
  keep: (m: Meeting) => boolean;
  showTable: boolean;
  allSlots: boolean;
}) {
  const t = useT();
  const { lang } = useSession();
  return (
    <article class="sheet">
      <p class="muted">
        {data.event.name} · {data.event.city} · {t('timesShownIn', { zone: zoneLabel(ix.zone) })}
      </p>
      <h2>{title}</h2>
      {ix.days.map((date) => {
        const slots = data.event.slots.filter((s) => ix.dateOf(s.start) === date);
        const rows = slots
          .map((s) => ({ slot: s, meeting: ix.byStart.find((m) => m.start === s.start && m.status === 'scheduled' && keep(m)) }))
          .filter((r) => allSlots || r.meeting);
        if (!rows.length) return null;
        return (
          <table class="sheet-table">
            <caption>{dayLabel(slots[0]!.start, ix.zone, lang)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('time')}</th>
                {showTable && <th scope="col">{t('table')}</th>}
                <th scope="col">{t('with')}</th>
                <th scope="col">{t('interpreter')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ slot, meeting }) => (
                <tr data-meeting={meeting?.id}>
                  <td>{formatTime(slot.start, ix.zone, lang, false)}</td>
                  {showTable && <td>{meeting?.online ? t('online') : (ix.tables.get(meeting?.tableId ?? 0) ?? '')}</td>}
                  <td>{meeting ? <Pair m={meeting} ix={ix} /> : <span class="muted">{t('freeTable')}</span>}</td>
                  <td>{meeting?.interpreterId ? <SheetPersonName person={ix.interpreters.get(meeting.interpreterId)} /> : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
      <Printed data={data} />
    </article>
  );
}

/** The whole grid of a day: slots down, tables across (printed landscape). */
export function GridSheet({ data, ix, date }: { data: SheetsT; ix: SheetIndex; date: string }) {
  const t = useT();
  const { lang } = useSession();
  const slots = data.event.slots.filter((s) => ix.dateOf(s.start) === date);
  const cell = (m: Meeting | undefined) =>
    m && (
      <>
        {m.attendeeIds.map((id) => (
          <div>
            <SheetPersonName person={ix.people.get(id)} />
          </div>
        ))}
        {m.interpreterId && (
          <div class="interp">
            {t('interpreterMark')} <SheetPersonName person={ix.interpreters.get(m.interpreterId)} />
          </div>
        )}
      </>
    );
  return (
    <article class="sheet landscape">
      <h2>
        {data.event.name} · {dayLabel(slots[0]?.start ?? data.generatedAt, ix.zone, lang)}
      </h2>
      <table class="sheet-table grid-print">
        <thead>
          <tr>
            <th scope="col">{t('time')}</th>
            {data.event.tables.map((tb) => (
              <th scope="col">{tb.name}</th>
            ))}
            <th scope="col">{t('online')}</th>
          </tr>
        </thead>
        <tbody>
          {slots.map((s) => {
            const here = ix.byStart.filter((m) => m.start === s.start && m.status === 'scheduled');
            return (
              <tr>
                <th scope="row">{formatTime(s.start, ix.zone, lang, false)}</th>
                {data.event.tables.map((tb) => (
                  <td>{cell(here.find((m) => m.tableId === tb.id))}</td>
                ))}
                <td>{here.filter((m) => m.online).map((m) => cell(m))}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Printed data={data} />
    </article>
  );
}

/** The list at the door for one day: organisation, person, code, a box to tick. */
export function CheckInSheet({ data, ix, date }: { data: SheetsT; ix: SheetIndex; date: string }) {
  const t = useT();
  const marks = new Map(data.checkIns.filter((c) => c.date === date).map((c) => [c.attendeeId, c.status]));
  const orgText = (id: number) => Object.values(ix.orgs.get(id)?.name ?? {})[0] ?? '';
  const people = data.attendees
    .filter((a) => a.checkInCode)
    .sort((a, b) => orgText(a.organizationId).localeCompare(orgText(b.organizationId)) || a.name.localeCompare(b.name));
  return (
    <article class="sheet">
      <p class="muted">
        {data.event.name} · {data.event.city}
      </p>
      <h2>
        {t('printCheckIns')} · {date}
      </h2>
      <table class="sheet-table">
        <thead>
          <tr>
            <th scope="col">{t('organization')}</th>
            <th scope="col">{t('person')}</th>
            <th scope="col">{t('checkInCode')}</th>
            <th scope="col">{t('tick')}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((a) => (
            <tr>
              <td>
                <OrgName org={ix.orgs.get(a.organizationId)} />
              </td>
              <td>
                <SheetPersonName person={a} />
              </td>
              <td class="code">{a.checkInCode}</td>
              <td>{marks.get(a.id) === 'present' ? `☑ ${t('statusPresent')}` : marks.get(a.id) === 'absent' ? `☒ ${t('statusAbsent')}` : '☐'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Printed data={data} />
    </article>
  );
}
