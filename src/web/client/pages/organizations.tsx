import { useState } from 'preact/hooks';
import { get, post } from '../api.ts';
import { COUNTRY, KIND, LANGUAGE_NAMES } from '../i18n.ts';
import { useSession, useT } from '../session.ts';
import type { IssuedTokenT, Localized, OrganizationT, Page, SuggestionT } from '../types.ts';
import { Loading, LText, Name, Pager, ProblemBox, ScrollBox, useAction, useLoad } from '../ui.tsx';
import { SuggestionCard } from './suggestions.tsx';

const PAGE = 50;

/** The matchmaker's directory: find an organisation by any word in any language, country or kind. */
export function OrganizationsPage() {
  const t = useT();
  const { lang } = useSession();
  const [filters, setFilters] = useState({ q: '', country: '', kind: '', offset: 0 });
  const [typed, setTyped] = useState('');
  const { data, error, loading } = useLoad(() => get<Page<OrganizationT>>('/api/organizations', { ...filters, limit: PAGE }), [JSON.stringify(filters)]);
  return (
    <section>
      <h1>{t('organizationsTitle')}</h1>
      <form
        class="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters({ ...filters, q: typed.trim(), offset: 0 });
        }}
      >
        <label>
          {t('searchWords')}
          <input name="q" type="search" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
        </label>
        <label>
          {t('country')}
          <select name="country" value={filters.country} onChange={(e) => setFilters({ ...filters, country: e.currentTarget.value, offset: 0 })}>
            <option value="">{t('all')}</option>
            {Object.keys(COUNTRY).map((c) => (
              <option value={c}>{COUNTRY[c]![lang]}</option>
            ))}
          </select>
        </label>
        <label>
          {t('kind')}
          <select name="kind" value={filters.kind} onChange={(e) => setFilters({ ...filters, kind: e.currentTarget.value, offset: 0 })}>
            <option value="">{t('all')}</option>
            {Object.keys(KIND).map((k) => (
              <option value={k}>{KIND[k]![lang]}</option>
            ))}
          </select>
        </label>
        <button type="submit">{t('search')}</button>
      </form>
      <Loading when={loading && !data} error={error} />
      {data && (
        <>
          <p class="muted">{t('organizationsFound', { count: data.total })}</p>
          <ScrollBox label={t('organizationsTitle')}>
            <table class="striped">
              <thead>
                <tr>
                  <th scope="col">{t('orgName')}</th>
                  <th scope="col">{t('country')}</th>
                  <th scope="col">{t('city')}</th>
                  <th scope="col">{t('kind')}</th>
                  <th scope="col">{t('meetingLanguages')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((o) => (
                  <tr>
                    <td>
                      <a href={`#/organizations/${o.id}`}>
                        <Name text={o.name} latin={o.nameLatin} />
                      </a>{' '}
                      <small class="muted">{o.externalId}</small>
                    </td>
                    <td>{COUNTRY[o.country]?.[lang] ?? o.country}</td>
                    <td>{o.city}</td>
                    <td>{KIND[o.kind]?.[lang] ?? o.kind}</td>
                    <td>{o.languages.map((l) => LANGUAGE_NAMES[l]?.[lang] ?? l).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
          <Pager offset={filters.offset} size={PAGE} total={data.total} onOffset={(offset) => setFilters({ ...filters, offset })} />
        </>
      )}
    </section>
  );
}

function Texts({ title, items }: { title: string; items: Localized[] }) {
  if (!items.length) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul>
        {items.map((item) => (
          <li>
            <LText text={item} />
          </li>
        ))}
      </ul>
    </>
  );
}

/** One organisation as a matchmaker sees it: its profile, its best partners, a sign-in token to hand over. */
export function OrganizationPage({ id }: { id: number }) {
  const t = useT();
  const { lang } = useSession();
  const action = useAction();
  const [issued, setIssued] = useState<string | null>(null);
  const { data, error, loading } = useLoad(async () => {
    const [o, suggestions] = await Promise.all([
      get<OrganizationT>(`/api/organizations/${id}`),
      get<{ items: SuggestionT[] }>(`/api/organizations/${id}/suggestions`, { limit: 10 }),
    ]);
    return { o, suggestions: suggestions.items };
  }, [id]);
  if (!data) return <Loading when={loading} error={error} />;
  const { o } = data;
  return (
    <section>
      <h1>
        <Name text={o.name} latin={o.nameLatin} />
      </h1>
      <p class="muted">
        {o.externalId} · {COUNTRY[o.country]?.[lang] ?? o.country} · {o.city} · {KIND[o.kind]?.[lang] ?? o.kind} ·{' '}
        {o.languages.map((l) => LANGUAGE_NAMES[l]?.[lang] ?? l).join(', ')}
        {o.website && (
          <>
            {' · '}
            <a href={o.website} rel="noopener noreferrer" target="_blank">
              {o.website}
            </a>
          </>
        )}
      </p>
      <p>
        <LText text={o.description} />
      </p>
      <Texts title={t('offers')} items={o.offers} />
      <Texts title={t('needs')} items={o.needs} />
      {o.contact && (
        <p class="muted">
          {t('contact')}: {[o.contact.name, o.contact.email, o.contact.phone].filter(Boolean).join(' · ')}
        </p>
      )}
      <div class="row">
        <a role="button" class="outline" href={`#/review/organization/${o.id}`}>
          {t('pairsOfThisOrganization')}
        </a>
        <a role="button" class="outline" href={`#/organizations/${o.id}/edit`}>
          {t('editProfile')}
        </a>
        <button
          type="button"
          class="outline secondary"
          onClick={() =>
            void action.run(async () => {
              setIssued((await post<IssuedTokenT>(`/api/organizations/${o.id}/tokens`, { label: 'web' })).token);
            })
          }
        >
          {t('issueOrganizationToken')}
        </button>
      </div>
      <ProblemBox error={action.error} />
      {issued && <IssuedToken who={o.name} token={issued} />}
      <h2>{t('suggestionsTitle')}</h2>
      <ol class="cards">
        {data.suggestions.map((s) => (
          <li>
            <SuggestionCard suggestion={s} context={{ me: o, events: [] }} canRequest={false} />
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A token shown once, with a link that signs in by itself (the token stays in the part after #, which is never sent to a server). */
export function IssuedToken({ who, token }: { who: Localized | string; token: string }) {
  const t = useT();
  const { lang } = useSession();
  const name = typeof who === 'string' ? who : (who[lang] ?? Object.values(who)[0] ?? '');
  const link = `${location.origin}/#/sign-in/${token}`;
  return (
    <div class="token notice" role="status">
      <p>{t('tokenIssued', { who: name })}</p>
      <code class="secret">{token}</code>
      <p>
        {t('signInLink')}: <code class="secret">{link}</code>
      </p>
    </div>
  );
}
