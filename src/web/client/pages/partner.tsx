import { get } from '../api.ts';
import { COUNTRY, KIND, LANGUAGE_NAMES } from '../i18n.ts';
import { useSession, useT } from '../session.ts';
import type { OrganizationT, PartnerT } from '../types.ts';
import { formatTime, Loading, LText, Name, Score, StrengthWord, useLoad } from '../ui.tsx';
import { Reasons } from './reasons.tsx';

/** What already stands with a partner: requested, request received, meeting booked (at a time). */
export function RelationBadges({ relation }: { relation: PartnerT['relation'] | undefined }) {
  const t = useT();
  const { lang } = useSession();
  if (!relation) return null;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <>
      {relation.meeting && <span class="badge approved relation">{t('relMeeting', { time: formatTime(relation.meeting.start, zone, lang) })}</span>}
      {!relation.meeting && relation.requested && <span class="badge relation">{t('relRequested')}</span>}
      {!relation.meeting && relation.received && <span class="badge pending relation">{t('relReceived')}</span>}
    </>
  );
}

/** The concepts behind a pair, in the reader's language. */
function Concepts({ concepts }: { concepts: PartnerT['concepts'] }) {
  const t = useT();
  const { lang } = useSession();
  if (!concepts.length) return null;
  return (
    <p class="concepts" aria-label={t('conceptsOfProfile')}>
      <strong>{t('conceptsOfProfile')}:</strong>{' '}
      {concepts.map((c) => (
        <span class="concept-chip" lang={lang}>
          {c.label[lang]}
        </span>
      ))}
    </p>
  );
}

/**
 * A partner's page, as an organisation (or its attendee) sees it: the profile in the reader's
 * language where the partner has it, otherwise the original with its Latin name and the concepts
 * behind the pair in the reader's language; the reasons for this pair; what already stands.
 */
export function PartnerPage({ selfId, partnerId }: { selfId: number; partnerId: number }) {
  const t = useT();
  const { lang } = useSession();
  const { data, error, loading } = useLoad(async () => {
    const [self, view] = await Promise.all([
      get<OrganizationT>(`/api/organizations/${selfId}`),
      get<PartnerT>(`/api/organizations/${selfId}/partners/${partnerId}`),
    ]);
    return { self, view };
  }, [selfId, partnerId]);
  if (!data) return <Loading when={loading} error={error} />;
  const o = data.view.organization;
  return (
    <section class="partner">
      <p>
        <button type="button" class="outline secondary small" onClick={() => history.back()}>
          ← {t('backToList')}
        </button>
      </p>
      <p class="muted">{t('partnerTitle')}</p>
      <h1>
        <Name text={o.name} latin={o.nameLatin} />
      </h1>
      <p class="muted">
        {COUNTRY[o.country]?.[lang] ?? o.country} · {o.city} · {KIND[o.kind]?.[lang] ?? o.kind} ·{' '}
        {o.languages.map((l) => LANGUAGE_NAMES[l]?.[lang] ?? l).join(', ')} · {t('score')} <Score value={data.view.score} />{' '}
        <StrengthWord strength={data.view.strength} /> <RelationBadges relation={data.view.relation} />
      </p>
      <Concepts concepts={data.view.concepts} />
      <h2>{t('description')}</h2>
      <p>
        <LText text={o.description} />
      </p>
      <div class="grid">
        <div>
          <h2>{t('offers')}</h2>
          <ul>
            {o.offers.map((x) => (
              <li>
                <LText text={x} />
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h2>{t('needs')}</h2>
          <ul>
            {o.needs.map((x) => (
              <li>
                <LText text={x} />
              </li>
            ))}
          </ul>
        </div>
      </div>
      {o.sectors.length > 0 && (
        <p>
          <strong>{t('sectors')}:</strong> {o.sectors.join(', ')}
        </p>
      )}
      {o.website && (
        <p>
          <strong>{t('website')}:</strong>{' '}
          <a href={o.website} rel="noopener noreferrer">
            {o.website}
          </a>
        </p>
      )}
      <h2>{t('whyThisPair')}</h2>
      <Reasons reasons={data.view.reasons} names={[data.self.name, o.name]} limit={8} />
    </section>
  );
}

/** Beside a request: who is asking, in a few lines (score, concepts, the first reasons), with a link to the full page. */
export function RequesterSummary({ organizationId, partnerId }: { organizationId: number; partnerId: number }) {
  const t = useT();
  const { data } = useLoad(() => get<PartnerT>(`/api/organizations/${organizationId}/partners/${partnerId}`), [organizationId, partnerId]);
  if (!data) return null;
  return (
    <details class="requester">
      <summary>
        {t('aboutRequester')} · {t('score')} <Score value={data.score} /> <StrengthWord strength={data.strength} />
      </summary>
      <Concepts concepts={data.concepts} />
      <p>
        <LText text={data.organization.description} />
      </p>
      <Reasons reasons={data.reasons} names={[{}, data.organization.name]} limit={2} />
      <p>
        <a href={`#/partner/${partnerId}`}>{t('partnerTitle')} →</a>
      </p>
    </details>
  );
}
