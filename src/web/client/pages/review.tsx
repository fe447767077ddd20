import { useEffect, useRef, useState } from 'preact/hooks';
import { get, patch } from '../api.ts';
import { COUNTRY, KIND, type MessageKey } from '../i18n.ts';
import { useSession, useT } from '../session.ts';
import type { MatchT, OrganizationT, Page } from '../types.ts';
import { Loading, LText, Notice, Pager, pick, ProblemBox, Score, useAction, useLoad } from '../ui.tsx';
import { Reasons } from './reasons.tsx';

interface Filters {
  status: string;
  minScore: string;
  country: string;
  kind: string;
  sector: string;
  sort: string;
  offset: number;
}

const PAGE = 25;
const STATUSES = ['pending', 'approved', 'rejected'] as const;

/**
 * The review queue. Keyboard: j/k or ↓/↑ move, a approves, r rejects, p puts back to pending,
 * n writes a note; the choice is saved at once and the next pair is selected.
 */
export function ReviewPage({ organizationId }: { organizationId?: number }) {
  const t = useT();
  const { lang } = useSession();
  // One organisation's pairs: every status, so its decided pairs are in view too.
  const [filters, setFilters] = useState<Filters>({ status: organizationId ? '' : 'pending', minScore: '', country: '', kind: '', sector: '', sort: 'score', offset: 0 });
  const { data, error, loading } = useLoad(
    () => get<Page<MatchT>>('/api/matches', { ...filters, organizationId, minScore: filters.minScore ? Number(filters.minScore) : undefined, limit: PAGE }),
    [JSON.stringify(filters), organizationId],
  );
  const organization = useLoad(async () => (organizationId ? get<OrganizationT>(`/api/organizations/${organizationId}`) : null), [organizationId]).data;
  const [rows, setRows] = useState<MatchT[]>([]);
  const [selected, setSelected] = useState(0);
  const [note, setNote] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction();
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    if (!data) return;
    setRows(data.items);
    setSelected(0);
  }, [data]);
  const current = rows[selected];
  useEffect(() => setNote(current?.note ?? ''), [current?.id]);
  useEffect(() => {
    listRef.current?.querySelector<HTMLElement>(`[data-index="${selected}"]`)?.scrollIntoView?.({ block: 'nearest' });
  }, [selected]);

  const decide = (status: (typeof STATUSES)[number]) => {
    if (!current) return;
    void action.run(async () => {
      const updated = await patch<MatchT>(`/api/matches/${current.id}`, { status, note: note.trim() || null });
      setRows((all) => all.map((r) => (r.id === updated.id ? updated : r)));
      setNotice(t(`decided_${status}` as MessageKey, { a: nameOf(updated.a.name, lang), b: nameOf(updated.b.name, lang) }));
      setSelected((i) => Math.min(i + 1, rows.length - 1));
    });
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.ctrlKey || event.metaKey || event.altKey || target.closest('input, textarea, select')) return;
      const keys: Record<string, () => void> = {
        j: () => setSelected((i) => Math.min(i + 1, rows.length - 1)),
        ArrowDown: () => setSelected((i) => Math.min(i + 1, rows.length - 1)),
        k: () => setSelected((i) => Math.max(i - 1, 0)),
        ArrowUp: () => setSelected((i) => Math.max(i - 1, 0)),
        a: () => decide('approved'),
        r: () => decide('rejected'),
        p: () => decide('pending'),
        n: () => noteRef.current?.focus(),
      };
      const run = keys[event.key];
      if (run) {
        event.preventDefault();
        run();
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  });

  const set = (change: Partial<Filters>) => setFilters({ ...filters, offset: 0, ...change });
  const total = data?.total ?? 0;

  return (
    <section>
      <h1>{t('reviewTitle')}</h1>
      <p class="muted" id="shortcuts">
        {t('reviewShortcuts')}
      </p>
      {organization && (
        <p class="notice">
          {t('reviewingOrganization', { name: pick(organization.name, lang).text })} · <a href="#/review">{t('clearFilter')}</a>
        </p>
      )}
      <form class="filters" role="search" aria-label={t('filters')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('status')}
          <select name="status" value={filters.status} onChange={(e) => set({ status: e.currentTarget.value })}>
            <option value="">{t('all')}</option>
            {STATUSES.map((s) => (
              <option value={s}>{t(`match_${s}` as MessageKey)}</option>
            ))}
          </select>
        </label>
        <label>
          {t('minScore')}
          <input name="minScore" type="number" min={0} max={1} step={0.01} inputMode="decimal" value={filters.minScore} onChange={(e) => set({ minScore: e.currentTarget.value })} />
        </label>
        <label>
          {t('country')}
          <select name="country" value={filters.country} onChange={(e) => set({ country: e.currentTarget.value })}>
            <option value="">{t('all')}</option>
            {Object.keys(COUNTRY).map((c) => (
              <option value={c}>{COUNTRY[c]![lang]}</option>
            ))}
          </select>
        </label>
        <label>
          {t('kind')}
          <select name="kind" value={filters.kind} onChange={(e) => set({ kind: e.currentTarget.value })}>
            <option value="">{t('all')}</option>
            {Object.keys(KIND).map((k) => (
              <option value={k}>{KIND[k]![lang]}</option>
            ))}
          </select>
        </label>
        <label>
          {t('sector')}
          <input name="sector" value={filters.sector} onChange={(e) => set({ sector: e.currentTarget.value })} />
        </label>
        <label>
          {t('sortBy')}
          <select name="sort" value={filters.sort} onChange={(e) => set({ sort: e.currentTarget.value })}>
            <option value="score">{t('sortBest')}</option>
            <option value="score-asc">{t('sortWeakest')}</option>
            <option value="decided">{t('sortDecided')}</option>
          </select>
        </label>
      </form>
      <Loading when={loading && !data} error={error} />
      {data && (
        <p class="muted" aria-live="polite">
          {t('pairsFound', { count: total, from: total ? filters.offset + 1 : 0, to: Math.min(filters.offset + PAGE, total) })}
        </p>
      )}
      <Notice text={notice} />
      <ProblemBox error={action.error} />
      <div class="review">
        <ol class="queue" ref={listRef} aria-label={t('reviewTitle')} aria-describedby="shortcuts">
          {rows.map((m, i) => (
            <li data-index={i} data-match={m.id} class={i === selected ? 'selected' : ''} aria-current={i === selected ? 'true' : undefined}>
              <button type="button" class="pair" onClick={() => setSelected(i)}>
                <Score value={m.score} strength={m.strength} />
                <span class="names">
                  <LText text={m.a.name} /> ⇄ <LText text={m.b.name} />
                </span>
                <span class={`badge ${m.status}`}>{t(`match_${m.status}` as MessageKey)}</span>
              </button>
            </li>
          ))}
        </ol>
        {current && (
          <article class="detail" aria-label={t('selectedPair')}>
            <h2>
              <LText text={current.a.name} /> ⇄ <LText text={current.b.name} />
            </h2>
            <p class="muted">
              {COUNTRY[current.a.country]?.[lang]} · {current.a.city} · {KIND[current.a.kind]?.[lang]} ⇄ {COUNTRY[current.b.country]?.[lang]} · {current.b.city} · {KIND[current.b.kind]?.[lang]}
            </p>
            <Reasons reasons={current.reasons} names={[current.a.name, current.b.name]} limit={6} />
            <label>
              {t('note')}
              <textarea ref={noteRef} name="note" rows={2} maxLength={2000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
            </label>
            <div class="row">
              <button type="button" onClick={() => decide('approved')} disabled={action.busy} aria-keyshortcuts="a">
                {t('approve')} <kbd>a</kbd>
              </button>
              <button type="button" class="secondary" onClick={() => decide('rejected')} disabled={action.busy} aria-keyshortcuts="r">
                {t('reject')} <kbd>r</kbd>
              </button>
              <button type="button" class="outline secondary" onClick={() => decide('pending')} disabled={action.busy} aria-keyshortcuts="p">
                {t('backToPending')} <kbd>p</kbd>
              </button>
            </div>
          </article>
        )}
      </div>
      <Pager offset={filters.offset} size={PAGE} total={total} onOffset={(offset) => setFilters({ ...filters, offset })} />
    </section>
  );
}

function nameOf(name: Record<string, string>, lang: string): string {
  return name[lang] ?? name.en ?? Object.values(name)[0] ?? '';
}
