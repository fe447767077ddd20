import { useEffect, useState } from 'preact/hooks';
import { get, patch } from '../api.ts';
import { COUNTRY, KIND, LANGS, LANGUAGE_NAMES } from '../i18n.ts';
import { useSession, useT } from '../session.ts';
import type { Lang, Localized, OrganizationT } from '../types.ts';
import { Loading, Notice, ProblemBox, useAction, useLoad, useNotice, say } from '../ui.tsx';

interface Draft {
  name: Record<Lang, string>;
  /** The name in Latin letters; sent only when the organisation changed it (else it follows the name). */
  nameLatin: string;
  loadedLatin: string;
  /** Whether the Latin name is the organisation's own (else made from the name). */
  latinOwn: boolean;
  description: Record<Lang, string>;
  /** One item per line, aligned across languages (line 3 in Japanese is line 3 in English). */
  offers: Record<Lang, string>;
  needs: Record<Lang, string>;
  kind: string;
  country: string;
  city: string;
  website: string;
  languages: string[];
  sectors: string;
  sdgs: number[];
}

const each = <T,>(f: (l: Lang) => T) => Object.fromEntries(LANGS.map((l) => [l, f(l)])) as Record<Lang, T>;
const lines = (items: Localized[], lang: Lang) =>
  items
    .map((i) => i[lang] ?? '')
    .join('\n')
    .replace(/\n+$/, '');

function toDraft(o: OrganizationT): Draft {
  return {
    name: each((l) => o.name[l] ?? ''),
    nameLatin: o.nameLatin,
    loadedLatin: o.nameLatin,
    latinOwn: o.nameLatinOwn,
    description: each((l) => o.description[l] ?? ''),
    offers: each((l) => lines(o.offers, l)),
    needs: each((l) => lines(o.needs, l)),
    kind: o.kind,
    country: o.country,
    city: o.city,
    website: o.website ?? '',
    languages: o.languages,
    sectors: o.sectors.join(', '),
    sdgs: o.sdgs,
  };
}

function localized(values: Record<Lang, string>): Localized {
  return Object.fromEntries(LANGS.filter((l) => values[l].trim()).map((l) => [l, values[l].trim()]));
}

function items(values: Record<Lang, string>): Localized[] {
  const split = each((l) => values[l].split('\n'));
  const count = Math.max(...LANGS.map((l) => split[l].length));
  const out: Localized[] = [];
  for (let i = 0; i < count; i++) {
    const item = localized(each((l) => split[l][i] ?? ''));
    if (Object.keys(item).length) out.push(item);
  }
  return out;
}

function toPatch(d: Draft) {
  const description = localized(d.description);
  return {
    name: localized(d.name),
    // Changed: the organisation's own; emptied: back to the one made from the name (as the help says).
    ...(d.nameLatin.trim() && d.nameLatin.trim() !== d.loadedLatin ? { nameLatin: d.nameLatin.trim() } : {}),
    ...(!d.nameLatin.trim() && d.latinOwn ? { nameLatin: null } : {}),
    // A description is optional; an empty one is left out (a text must have a language).
    ...(Object.keys(description).length ? { description } : {}),
    offers: items(d.offers),
    needs: items(d.needs),
    kind: d.kind,
    country: d.country,
    city: d.city.trim(),
    ...(d.website.trim() ? { website: d.website.trim() } : {}),
    languages: d.languages,
    sectors: d.sectors
      .split(/[,、，;]/)
      .map((s) => s.trim())
      .filter(Boolean),
    sdgs: d.sdgs,
  };
}

const MEETING_LANGUAGES = ['ja', 'mn', 'en', 'ru', 'zh', 'ko'];

export function ProfilePage({ id }: { id: number }) {
  const t = useT();
  const { lang } = useSession();
  const { data, error, loading, reload } = useLoad(() => get<OrganizationT>(`/api/organizations/${id}`), [id]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [tab, setTab] = useState<Lang>(lang);
  const [saved, setSaved] = useNotice();
  const [latinNotice, setLatinNotice] = useNotice();
  const action = useAction();
  useEffect(() => {
    if (data) setDraft(toDraft(data));
  }, [data]);
  if (!draft) return <Loading when={loading} error={error} />;
  const set = (change: Partial<Draft>) => {
    setSaved(null);
    setDraft({ ...draft, ...change });
  };
  const setText = (field: 'name' | 'description' | 'offers' | 'needs', value: string) => set({ [field]: { ...draft[field], [tab]: value } });

  return (
    <section>
      <h1>{t('profileTitle')}</h1>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void action.run(async () => {
            await patch(`/api/organizations/${id}`, toPatch(draft));
            setSaved(say('profileSaved'));
            reload();
          });
        }}
      >
        <fieldset>
          <legend>{t('profileTexts')}</legend>
          <div role="tablist" aria-label={t('writingLanguage')} class="tabs">
            {LANGS.map((l) => (
              <button
                type="button"
                role="tab"
                id={`tab-${l}`}
                aria-selected={tab === l}
                aria-controls="texts"
                class={tab === l ? '' : 'outline secondary'}
                onClick={() => setTab(l)}
              >
                {LANGUAGE_NAMES[l]![lang]}
                {(draft.description[l] || draft.name[l]) && ' ✓'}
              </button>
            ))}
          </div>
          <div id="texts" role="tabpanel" aria-labelledby={`tab-${tab}`} lang={tab}>
            <label>
              {t('orgName')}
              <input name={`name-${tab}`} value={draft.name[tab]} maxLength={300} onInput={(e) => setText('name', e.currentTarget.value)} />
            </label>
            <label>
              {t('description')}
              <textarea
                name={`description-${tab}`}
                rows={4}
                maxLength={5000}
                value={draft.description[tab]}
                onInput={(e) => setText('description', e.currentTarget.value)}
              />
            </label>
            <label>
              {t('offers')}
              <textarea
                name={`offers-${tab}`}
                rows={4}
                value={draft.offers[tab]}
                onInput={(e) => setText('offers', e.currentTarget.value)}
                aria-describedby="lines-help"
              />
            </label>
            <label>
              {t('needs')}
              <textarea
                name={`needs-${tab}`}
                rows={4}
                value={draft.needs[tab]}
                onInput={(e) => setText('needs', e.currentTarget.value)}
                aria-describedby="lines-help"
              />
            </label>
            <small id="lines-help">{t('linesHelp')}</small>
          </div>
        </fieldset>
        <fieldset class="grid">
          <label>
            {t('kind')}
            <select name="kind" value={draft.kind} onChange={(e) => set({ kind: e.currentTarget.value })}>
              {Object.keys(KIND).map((k) => (
                <option value={k}>{KIND[k]![lang]}</option>
              ))}
            </select>
          </label>
          <label>
            {t('country')}
            <select name="country" value={draft.country} onChange={(e) => set({ country: e.currentTarget.value })}>
              {Object.keys(COUNTRY).map((c) => (
                <option value={c}>{COUNTRY[c]![lang]}</option>
              ))}
            </select>
          </label>
          <label>
            {t('city')}
            <input name="city" required maxLength={100} value={draft.city} onInput={(e) => set({ city: e.currentTarget.value })} />
          </label>
        </fieldset>
        <label>
          {t('latinName')}
          <input
            name="nameLatin"
            maxLength={300}
            value={draft.nameLatin}
            aria-describedby="latin-help"
            onInput={(e) => set({ nameLatin: e.currentTarget.value })}
          />
          <small id="latin-help">
            {t('latinNameHelp')} {t(draft.latinOwn ? 'latinIsOwn' : 'latinIsMade')}
          </small>
        </label>
        {draft.latinOwn && (
          <p>
            <button
              type="button"
              class="outline secondary small"
              onClick={() =>
                void action.run(async () => {
                  // Only the Latin name changes; what else is being edited stays in the form.
                  const done = await patch<OrganizationT>(`/api/organizations/${id}`, { nameLatin: null });
                  setDraft({ ...draft, nameLatin: done.nameLatin, loadedLatin: done.nameLatin, latinOwn: done.nameLatinOwn });
                  setLatinNotice(say('latinResetDone', { latin: done.nameLatin }));
                })
              }
            >
              {t('latinReset')}
            </button>
          </p>
        )}
        <Notice text={latinNotice} />
        <label>
          {t('website')}
          <input name="website" type="url" placeholder="https://" value={draft.website} onInput={(e) => set({ website: e.currentTarget.value })} />
        </label>
        <label>
          {t('sectors')}
          <input name="sectors" value={draft.sectors} onInput={(e) => set({ sectors: e.currentTarget.value })} aria-describedby="sectors-help" />
          <small id="sectors-help">{t('commaSeparated')}</small>
        </label>
        <fieldset>
          <legend>{t('meetingLanguages')}</legend>
          {MEETING_LANGUAGES.map((l) => (
            <label class="inline">
              <input
                type="checkbox"
                checked={draft.languages.includes(l)}
                onChange={(e) => set({ languages: e.currentTarget.checked ? [...draft.languages, l] : draft.languages.filter((x) => x !== l) })}
              />
              {LANGUAGE_NAMES[l]?.[lang] ?? l}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('sdgs')}</legend>
          <div class="sdgs">
            {Array.from({ length: 17 }, (_, i) => i + 1).map((n) => (
              <label class="inline">
                <input
                  type="checkbox"
                  checked={draft.sdgs.includes(n)}
                  onChange={(e) => set({ sdgs: e.currentTarget.checked ? [...draft.sdgs, n].sort((a, b) => a - b) : draft.sdgs.filter((x) => x !== n) })}
                />
                {n}
              </label>
            ))}
          </div>
        </fieldset>
        <ProblemBox error={action.error} />
        <Notice text={saved} />
        <button type="submit" aria-busy={action.busy} disabled={action.busy}>
          {t('save')}
        </button>
      </form>
    </section>
  );
}
