import { get } from '../api.ts';
import { useT } from '../session.ts';
import type { AttendeeT, EventT, MeT, OrganizationT, SuggestionT } from '../types.ts';
import { isOffline } from '../offline.ts';
import { Loading, useLoad } from '../ui.tsx';
import { DayChanges, MyAttendance } from './event-day.tsx';
import { MeetingsPanel } from './meetings-panel.tsx';
import { UnavailableEditor } from './schedule-rules.tsx';
import { PrintPage } from './print.tsx';
import { SuggestionCard } from './suggestions.tsx';

/** An attendee's page: their meetings and requests at their session, then partners to ask for. */
export function AttendeePage({ me }: { me: MeT }) {
  const t = useT();
  const { data, error, loading } = useLoad(async () => {
    const [event, attendees, organization, suggestions] = await Promise.all([
      get<EventT>(`/api/events/${me.eventId}`),
      get<{ items: AttendeeT[] }>(`/api/events/${me.eventId}/attendees`),
      get<OrganizationT>(`/api/organizations/${me.organizationId}`),
      get<{ items: SuggestionT[] }>(`/api/organizations/${me.organizationId}/suggestions`, { limit: 10 }),
    ]);
    const self = attendees.items.find((a) => a.id === me.attendeeId);
    return { event, self, timeZone: self?.timeZone ?? event.timeZone, organization, suggestions: suggestions.items };
  }, [me.eventId, me.attendeeId]);
  // The venue's network is gone: the agenda from its last kept copy, marked as possibly outdated.
  if (isOffline(error)) return <PrintPage eventId={me.eventId!} kind="agenda" attendeeId={me.attendeeId!} />;
  return (
    <section>
      <h1>{t('attendeeTitle', { name: me.name ?? '' })}</h1>
      <Loading when={loading} error={error} />
      {data && (
        <>
          <p>
            {data.event.name} · <a href="#/print">{t('printMyAgenda')}</a>
          </p>
          <DayChanges eventId={data.event.id} attendeeId={me.attendeeId!} timeZone={data.timeZone} />
          <MyAttendance eventId={data.event.id} attendeeId={me.attendeeId!} timeZone={data.timeZone} />
          <MeetingsPanel event={data.event} viewer={{ organizationId: me.organizationId!, attendeeId: me.attendeeId!, timeZone: data.timeZone }} />
          {data.self && (
            <details class="my-unavailable">
              <summary>{t('unavailableSlots')}</summary>
              <UnavailableEditor event={data.event} attendee={data.self} timeZone={data.timeZone} />
            </details>
          )}
          <h2>{t('suggestionsTitle')}</h2>
          <p class="muted">{t('attendeeSuggestionsIntro')}</p>
          <ol class="cards">
            {data.suggestions.map((s) => (
              <li>
                <SuggestionCard suggestion={s} context={{ me: data.organization, events: [data.event], fromAttendeeId: me.attendeeId! }} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
