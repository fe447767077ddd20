import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { translate, type MessageKey, type Vars } from './i18n.ts';
import type { Lang, MeT } from './types.ts';

export interface Session {
  lang: Lang;
  setLang: (lang: Lang) => void;
  me: MeT | null;
  signOut: () => void;
}

export const SessionContext = createContext<Session>({ lang: 'en', setLang: () => {}, me: null, signOut: () => {} });

export function useSession(): Session {
  return useContext(SessionContext);
}

/** The translator for the reader's language. */
export function useT(): (key: MessageKey, vars?: Vars) => string {
  const { lang } = useSession();
  return (key, vars) => translate(lang, key, vars);
}
