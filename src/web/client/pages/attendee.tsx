import { get } from '../api.ts';
import { useT } from '../session.ts';
import type { EventT, MeT } from '../types.ts';
import { Loading, useLoad } from '../ui.tsx';
import { MeetingsPanel } from './meetings-panel.tsx';

export function AttendeePage({ me }: { me: MeT }) {
  const t = useT();
  const { data, error, loading } = useLoad(async () => {
    const event = await get<EventT>(`/api/events/${me.eventId}`);
    const attendees = await get<{ items: { id: number; timeZone: string }[] }>(`/api/events/${me.eventId}/attendees`);
    return { event, timeZone: attendees.items.find((a) => a.id === me.attendeeId)?.timeZone ?? event.timeZone };
  }, [me.eventId, me.attendeeId]);
  return (
    <section>
      <h1>{t('attendeeTitle', { name: me.name ?? '' })}</h1>
      <Loading when={loading} error={error} />
      {data && (
        <>
          <p>{data.event.name}</p>
          <MeetingsPanel event={data.event} viewer={{ organizationId: me.organizationId!, attendeeId: me.attendeeId!, timeZone: data.timeZone }} />
        </>
      )}
    </section>
  );
}
