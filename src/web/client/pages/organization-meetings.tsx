import { get } from '../api.ts';
import { useT } from '../session.ts';
import type { EventT } from '../types.ts';
import { Loading, useLoad } from '../ui.tsx';
import { MeetingsPanel } from './meetings-panel.tsx';

const here = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function OrganizationMeetingsPage({ organizationId }: { organizationId: number }) {
  const t = useT();
  const { data, error, loading } = useLoad(() => get<{ items: EventT[] }>('/api/events'), []);
  return (
    <section>
      <h1>{t('meetingsTitle')}</h1>
      <Loading when={loading} error={error} />
      {data?.items.map((event) => (
        <article>
          <h2>{event.name}</h2>
          <MeetingsPanel event={event} viewer={{ organizationId, timeZone: here() }} />
        </article>
      ))}
    </section>
  );
}
