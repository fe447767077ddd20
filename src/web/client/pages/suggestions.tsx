import { useState } from 'preact/hooks';
import { get, post } from '../api.ts';
import { COUNTRY, KIND } from '../i18n.ts';
import { useSession, useT } from '../session.ts';
import type { AttendeeT, EventT, OrganizationT, RequestT, SuggestionT } from '../types.ts';
import { Loading, Name, Notice, ProblemBox, Score, useAction, useLoad } from '../ui.tsx';
import { RelationBadges } from './partner.tsx';
import { Reasons } from './reasons.tsx';
import { type PartOfDay, PartSelect } from './schedule-rules.tsx';

export interface Context {
  me: OrganizationT;
  events: EventT[];
  /** An attendee asks in their own name; an organisation picks which of its attendees asks. */
  fromAttendeeId?: number;
}

export function SuggestionsPage({ id }: { id: number }) {
  const t = useT();
  const { data, error, loading } = useLoad(async () => {
    const [me, suggestions, events] = await Promise.all([
      get<OrganizationT>(`/api/organizations/${id}`),
      get<{ items: SuggestionT[] }>(`/api/organizations/${id}/suggestions`, { limit: 20 }),
      get<{ items: EventT[] }>('/api/events'),
    ]);
    return { me, items: suggestions.items, events: events.items };
  }, [id]);
  return (
    <section>
      <h1>{t('suggestionsTitle')}</h1>
      <p>{t('suggestionsIntro')}</p>
      <Loading when={loading && !data} error={error} />
      {data && data.items.length === 0 && <p>{t('noSuggestions')}</p>}
      {data && (
        <ol class="cards">
          {data.items.map((s) => (
            <li>
              <SuggestionCard suggestion={s} context={{ me: data.me, events: data.events }} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** One suggested partner with its reasons; `canRequest` adds the request form (the organisation's own view). */
export function SuggestionCard({ suggestion, context, canRequest = true }: { suggestion: SuggestionT; context: Context; canRequest?: boolean }) {
  const t = useT();
  const { lang, me } = useSession();
  const [asking, setAsking] = useState(false);
  const o = suggestion.organization;
  const profileHref = me?.role === 'matchmaker' ? `#/organizations/${o.id}` : `#/partner/${o.id}`;
  return (
    <article class="suggestion" aria-labelledby={`org-${o.id}`}>
      <header>
        <h2 id={`org-${o.id}`}>
          <a href={profileHref}>
            <Name text={o.name} latin={o.nameLatin} />
          </a>
        </h2>
        <p class="muted">
          {COUNTRY[o.country]?.[lang] ?? o.country} · {o.city} · {KIND[o.kind]?.[lang] ?? o.kind} · {t('score')}{' '}
          <Score value={suggestion.score} strength={suggestion.strength} /> <RelationBadges relation={suggestion.relation} />
        </p>
      </header>
      <Reasons
        reasons={suggestion.reasons}
        names={[context.me.name, o.name]}
        total={suggestion.reasonCount}
        moreHref={me?.role === 'matchmaker' ? undefined : profileHref}
      />
      {canRequest && (
        <footer>
          {!asking && (
            <button type="button" onClick={() => setAsking(true)}>
              {t('requestMeeting')}
            </button>
          )}
          {asking && <RequestForm partnerId={o.id} context={context} onClose={() => setAsking(false)} />}
        </footer>
      )}
    </article>
  );
}

function RequestForm({ partnerId, context, onClose }: { partnerId: number; context: Context; onClose: () => void }) {
  const t = useT();
  const [eventId, setEventId] = useState(context.events[0]?.id ?? 0);
  const [from, setFrom] = useState(0);
  const [message, setMessage] = useState('');
  const [part, setPart] = useState<PartOfDay>('any');
  const [sent, setSent] = useState<RequestT | null>(null);
  const action = useAction();
  const attendees = useLoad(
    async () =>
      eventId
        ? (await get<{ items: AttendeeT[] }>(`/api/events/${eventId}/attendees`)).items.filter(
            (a) => a.organizationId === context.me.id && (!context.fromAttendeeId || a.id === context.fromAttendeeId),
          )
        : [],
    [eventId],
  );
  const mine = attendees.data ?? [];
  const fromId = from || mine[0]?.id || 0;
  if (sent) return <Notice text={t('requestSent')} />;
  return (
    <form
      class="request-form"
      onSubmit={(event) => {
        event.preventDefault();
        void action.run(async () => {
          setSent(
            await post<RequestT>(`/api/events/${eventId}/requests`, {
              fromAttendeeId: fromId,
              toOrganizationId: partnerId,
              ...(message.trim() ? { message: message.trim() } : {}),
              ...(part !== 'any' ? { part } : {}),
            }),
          );
        });
      }}
    >
      <label>
        {t('session')}
        <select value={eventId} onChange={(e) => setEventId(Number(e.currentTarget.value))} required>
          {context.events.map((ev) => (
            <option value={ev.id}>{ev.name}</option>
          ))}
        </select>
      </label>
      {attendees.data && mine.length === 0 && <p class="muted">{t('noAttendeeForSession')}</p>}
      {mine.length > 0 && (
        <label>
          {t('whoAttends')}
          <select value={fromId} onChange={(e) => setFrom(Number(e.currentTarget.value))}>
            {mine.map((a) => (
              <option value={a.id}>{a.name}</option>
            ))}
          </select>
        </label>
      )}
      <PartSelect name="part" value={part} onChange={setPart} />
      <label>
        {t('messageOptional')}
        <textarea rows={2} maxLength={2000} value={message} onInput={(e) => setMessage(e.currentTarget.value)} />
      </label>
      <ProblemBox error={action.error} />
      <div class="row">
        <button type="submit" disabled={!fromId || action.busy} aria-busy={action.busy}>
          {t('sendRequest')}
        </button>
        <button type="button" class="secondary outline" onClick={onClose}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
