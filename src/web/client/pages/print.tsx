import { get } from '../api.ts';
import type { MessageKey } from '../i18n.ts';
import { getKept } from '../offline.ts';
import { useSession, useT } from '../session.ts';
import type { SheetsT } from '../types.ts';
import { formatTime, Loading, useLoad, usePersonText } from '../ui.tsx';
import { AgendaSheet, CheckInSheet, GridSheet, ResourceSheet, sheetIndex } from './print-sheets.tsx';

export type SheetKind = 'agenda' | 'agendas' | 'table' | 'interpreter' | 'grid' | 'check-in';

const KINDS: { kind: SheetKind; label: MessageKey }[] = [
  { kind: 'agendas', label: 'printAgendas' },
  { kind: 'table', label: 'printTables' },
  { kind: 'interpreter', label: 'printInterpreters' },
  { kind: 'grid', label: 'printGrid' },
  { kind: 'check-in', label: 'printCheckIns' },
];

/**
 * Print-ready sheets (A4; the grid landscape; a meeting never split across pages): an attendee's
 * agenda with its QR check-in code, every agenda in one document, table and interpreter sheets, the
 * whole grid and the check-in list. On screen a toolbar offers the print dialog; on paper only the
 * sheets remain. Labels follow the page's language; names as the reader reads them (matching/text/names.ts):
 * in their own script, with the Latin form when the reader writes in another.
 */
export function PrintPage({ eventId, kind, itemId, attendeeId }: { eventId: number; kind: SheetKind; itemId?: number; attendeeId?: number }) {
  const t = useT();
  const { lang } = useSession();
  // An attendee's own agenda is kept for when the network drops; the matchmaker's sheets are not.
  const {
    data: kept,
    error,
    loading,
  } = useLoad(
    () =>
      attendeeId
        ? getKept<SheetsT>(`sheets.${eventId}.${attendeeId}`, `/api/events/${eventId}/sheets`, { attendeeId })
        : get<SheetsT>(`/api/events/${eventId}/sheets`).then((data) => ({ data, savedAt: null })),
    [eventId, attendeeId],
  );
  const data = kept?.data;
  return (
    <section class="print-page">
      <nav class="row no-print" aria-label={t('printSheets')}>
        <button type="button" onClick={() => print()}>
          {t('printButton')}
        </button>
        {!attendeeId &&
          KINDS.map((k) => (
            <a href={`#/events/${eventId}/print/${k.kind}`} aria-current={k.kind === kind ? 'page' : undefined}>
              {t(k.label)}
            </a>
          ))}
        {!attendeeId && <a href={`#/events/${eventId}`}>{t('close')}</a>}
      </nav>
      <h1 class="no-print">{t('printSheets')}</h1>
      {kept?.savedAt && (
        <p class="offline-banner" role="status">
          {t('offlineCopy', { time: formatTime(kept.savedAt, Intl.DateTimeFormat().resolvedOptions().timeZone, lang) })}
        </p>
      )}
      <Loading when={loading} error={error} />
      {data && <Sheets data={data} kind={kind} itemId={itemId ?? attendeeId} />}
    </section>
  );
}

function Sheets({ data, kind, itemId }: { data: SheetsT; kind: SheetKind; itemId: number | undefined }) {
  const t = useT();
  const personText = usePersonText();
  const ix = sheetIndex(data);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  switch (kind) {
    case 'agenda': {
      const person = ix.people.get(itemId ?? 0);
      return person ? <AgendaSheet data={data} ix={ix} person={person} /> : null;
    }
    case 'agendas':
      return (
        <>
          {data.attendees
            .filter((a) => a.checkInCode)
            .sort((a, b) => a.organizationId - b.organizationId || byName(a, b))
            .map((a) => (
              <AgendaSheet data={data} ix={ix} person={a} />
            ))}
        </>
      );
    case 'table':
      return (
        <>
          {data.event.tables
            .filter((tb) => !itemId || tb.id === itemId)
            .map((tb) => (
              <ResourceSheet data={data} ix={ix} title={t('tableSheet', { name: tb.name })} keep={(m) => m.tableId === tb.id} showTable={false} allSlots />
            ))}
        </>
      );
    case 'interpreter':
      return (
        <>
          {data.interpreters
            .filter((i) => !itemId || i.id === itemId)
            .map((i) => (
              <ResourceSheet
                data={data}
                ix={ix}
                title={t('interpreterSheet', { name: personText(i.name, i.latin) })}
                keep={(m) => m.interpreterId === i.id}
                showTable
                allSlots={false}
              />
            ))}
        </>
      );
    case 'grid':
      return (
        <>
          {ix.days.map((date) => (
            <GridSheet data={data} ix={ix} date={date} />
          ))}
        </>
      );
    case 'check-in':
      return (
        <>
          {ix.days.map((date) => (
            <CheckInSheet data={data} ix={ix} date={date} />
          ))}
        </>
      );
  }
}
