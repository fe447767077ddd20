import '@picocss/pico/css/pico.min.css';
import './style.css';
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, setToken } from './api.ts';
import { forgetKept, getKept, registerServiceWorker } from './offline.ts';
import { LANGS, LANGUAGE_NAMES, translate } from './i18n.ts';
import { SessionContext, type Session } from './session.ts';
import type { Lang, MeT } from './types.ts';
import { Loading, ProblemBox } from './ui.tsx';
import { SignIn } from './pages/sign-in.tsx';
import { ProfilePage } from './pages/profile.tsx';
import { SuggestionsPage } from './pages/suggestions.tsx';
import { OrganizationMeetingsPage } from './pages/organization-meetings.tsx';
import { ReviewPage } from './pages/review.tsx';
import { ImportPage } from './pages/import.tsx';
import { EventsPage } from './pages/events.tsx';
import { EventPage } from './pages/event.tsx';
import { AttendeePage } from './pages/attendee.tsx';
import { OrganizationPage, OrganizationsPage } from './pages/organizations.tsx';
import { MessagesPage } from './pages/messages.tsx';
import { OutcomesPage } from './pages/outcomes.tsx';
import { FeedbackPage, UnsubscribePage } from './pages/feedback.tsx';
import { PartnerPage } from './pages/partner.tsx';
import { PrintPage, type SheetKind } from './pages/print.tsx';
import { CheckInPage, StandbyPage } from './pages/event-day.tsx';
import { LivePage } from './pages/live.tsx';
import { LearningPage } from './pages/learning.tsx';

const TOKEN_KEY = 'musubi.token';
const LANG_KEY = 'musubi.lang';

function initialLang(): Lang {
  const saved = localStorage.getItem(LANG_KEY);
  if (saved && (LANGS as string[]).includes(saved)) return saved as Lang;
  for (const wanted of navigator.languages ?? []) {
    const base = wanted.slice(0, 2).toLowerCase();
    if ((LANGS as string[]).includes(base)) return base as Lang;
  }
  return 'en';
}

/** The route is the part of the URL after #, e.g. #/events/2. */
function useRoute(): string[] {
  const read = () => location.hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = () => setRoute(read());
    addEventListener('hashchange', onChange);
    // The address may have changed between the first render and now.
    onChange();
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

interface NavItem {
  href: string;
  label: Parameters<typeof translate>[1];
}

const NAV: Record<string, NavItem[]> = {
  matchmaker: [
    { href: '#/review', label: 'navReview' },
    { href: '#/organizations', label: 'navOrganizations' },
    { href: '#/import', label: 'navImport' },
    { href: '#/events', label: 'navEvents' },
    { href: '#/messages', label: 'navMessages' },
    { href: '#/outcomes', label: 'navOutcomes' },
    { href: '#/learning', label: 'navLearning' },
  ],
  organization: [
    { href: '#/suggestions', label: 'navSuggestions' },
    { href: '#/meetings', label: 'navMeetings' },
    { href: '#/profile', label: 'navProfile' },
  ],
  attendee: [{ href: '#/my', label: 'navMyMeetings' }],
};

function LanguageSwitch({ lang, setLang }: { lang: Lang; setLang: (l: Lang) => void }) {
  return (
    <div role="group" aria-label="Language / 言語 / Хэл" class="lang-switch">
      {LANGS.map((l) => (
        <button type="button" lang={l} class={l === lang ? '' : 'outline secondary'} aria-pressed={l === lang} onClick={() => setLang(l)}>
          {LANGUAGE_NAMES[l]![l]}
        </button>
      ))}
    </div>
  );
}

function Pages({ me, route }: { me: MeT; route: string[] }) {
  const [first = '', second] = route;
  if (me.role === 'matchmaker') {
    if (first === 'import') return <ImportPage />;
    if (first === 'messages') return <MessagesPage />;
    if (first === 'outcomes') return <OutcomesPage />;
    if (first === 'learning') return <LearningPage />;
    if (first === 'events' && second && route[2] === 'check-in') return <CheckInPage key={second} eventId={Number(second)} />;
    if (first === 'events' && second && route[2] === 'standby') return <StandbyPage key={second} eventId={Number(second)} />;
    if (first === 'events' && second && route[2] === 'live')
      return <LivePage key={route.join('/')} eventId={Number(second)} tableId={route[4] ? Number(route[4]) : undefined} />;
    if (first === 'events' && second && route[2] === 'print')
      return (
        <PrintPage
          key={route.join('/')}
          eventId={Number(second)}
          kind={(route[3] ?? 'agendas') as SheetKind}
          itemId={route[4] ? Number(route[4]) : undefined}
        />
      );
    if (first === 'events' && second) return <EventPage key={second} id={Number(second)} />;
    if (first === 'events') return <EventsPage />;
    if (first === 'organizations' && second && route[2] === 'edit') return <ProfilePage id={Number(second)} />;
    if (first === 'organizations' && second) return <OrganizationPage key={second} id={Number(second)} />;
    if (first === 'organizations') return <OrganizationsPage />;
    if (first === 'review' && second === 'organization' && route[2]) return <ReviewPage key={route[2]} organizationId={Number(route[2])} />;
    return <ReviewPage />;
  }
  // A partner's page: from a suggestion, a request or a meeting.
  if (first === 'partner' && second) return <PartnerPage key={second} selfId={me.organizationId!} partnerId={Number(second)} />;
  if (me.role === 'organization') {
    if (first === 'profile') return <ProfilePage id={me.organizationId!} />;
    if (first === 'meetings') return <OrganizationMeetingsPage organizationId={me.organizationId!} />;
    return <SuggestionsPage id={me.organizationId!} />;
  }
  if (first === 'print') return <PrintPage eventId={me.eventId!} kind="agenda" attendeeId={me.attendeeId!} />;
  return <AttendeePage me={me} />;
}

function App() {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const [token, setTokenState] = useState<string | null>(() => localStorage.getItem(TOKEN_KEY));
  const [me, setMe] = useState<MeT | null>(null);
  const [error, setError] = useState<unknown>(null);
  const route = useRoute();

  // A sign-in link (#/sign-in/<token>, handed out by a matchmaker) signs in and leaves the address
  // bar at once, so the token stays neither on screen nor in the history.
  useEffect(() => {
    if (route[0] !== 'sign-in' || !route[1]) return;
    localStorage.setItem(TOKEN_KEY, route[1]);
    setTokenState(route[1]);
    history.replaceState(null, '', `${location.pathname}${location.search}#/`);
    dispatchEvent(new HashChangeEvent('hashchange'));
  }, [route.join('/')]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `Musubi — ${translate(lang, 'tagline')}`;
  }, [lang]);

  useEffect(() => {
    setToken(token);
    setMe(null);
    // Signed out because the token was refused: keep saying why.
    if (!token) return;
    setError(null);
    // Offline, the last answer is kept: an attendee's agenda still opens from its kept copy.
    getKept<MeT>('me', '/api/me').then(
      (kept) => setMe(kept.data),
      (e: unknown) => {
        // A revoked or mistyped token: back to the sign-in form, saying why.
        if (e instanceof ApiError && e.status === 401) {
          forgetKept();
          localStorage.removeItem(TOKEN_KEY);
          setTokenState(null);
        }
        setError(e);
      },
    );
  }, [token]);

  const session: Session = useMemo(
    () => ({
      lang,
      setLang: (l: Lang) => {
        localStorage.setItem(LANG_KEY, l);
        setLangState(l);
      },
      me,
      signOut: () => {
        forgetKept();
        localStorage.removeItem(TOKEN_KEY);
        setTokenState(null);
        location.hash = '';
      },
    }),
    [lang, me],
  );
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  const here = `#/${route.join('/')}`;
  // Links in messages open without signing in: the link carries its own token.
  const linkPage =
    route[1] && route[0] === 'feedback' ? (
      <FeedbackPage key={route[1]} token={route[1]} />
    ) : route[1] && route[0] === 'unsubscribe' ? (
      <UnsubscribePage key={route[1]} token={route[1]} />
    ) : null;

  return (
    <SessionContext.Provider value={session}>
      <a class="skip" href="#main">
        {t('skipToContent')}
      </a>
      <header class="container">
        <nav aria-label={t('mainNavigation')}>
          <ul>
            <li>
              <strong class="brand">結 Musubi</strong>
            </li>
          </ul>
          <ul class="nav-links">
            {me &&
              NAV[me.role]?.map((item) => (
                <li>
                  <a href={item.href} aria-current={here.startsWith(item.href) ? 'page' : undefined}>
                    {t(item.label)}
                  </a>
                </li>
              ))}
            {me && (
              <li>
                <button type="button" class="outline secondary" onClick={session.signOut}>
                  {t('signOut')}
                </button>
              </li>
            )}
          </ul>
        </nav>
        <LanguageSwitch lang={lang} setLang={session.setLang} />
      </header>
      <main id="main" class="container" tabIndex={-1}>
        {linkPage}
        {!linkPage && !token && (
          <>
            {error && <ProblemBox error={error} />}
            <SignIn
              onSignIn={(value) => {
                localStorage.setItem(TOKEN_KEY, value);
                setTokenState(value);
              }}
            />
          </>
        )}
        {!linkPage && token && !me && <Loading when={!error} error={error} />}
        {!linkPage && token && me && <Pages me={me} route={route} />}
      </main>
    </SessionContext.Provider>
  );
}

registerServiceWorker();
render(<App />, document.getElementById('app')!);
