import { useEffect, useRef, useState } from 'preact/hooks';
import { download, get, patch, post } from '../api.ts';
import { COUNTRY, KIND, type MessageKey } from '../i18n.ts';
import { useSession, useT } from '../session.ts';
import type { MatchHistoryT, MatchT, OrganizationT, Page } from '../types.ts';
import { formatTime, Loading, Name, Notice, Pager, pick, ProblemBox, Score, useAction, useLoad, useNotice, say } from '../ui.tsx';
import { STRENGTH_THRESHOLDS } from '../../../../matching/score.ts';
import { Reasons } from './reasons.tsx';
import { PairRules, RuleBadge } from './schedule-rules.tsx';
import { SideBySide } from './side-by-side.tsx';

interface Filters {
  status: string;
  minScore: string;
  country: string;
  kind: string;
  sector: string;
  q: string;
  sort: string;
  rule: string;
  offset: number;
}

/** A value typed into a box, passed on once the typing pauses (filters apply as you type, without a request per key). */
function useSettled<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value]);
  return settled;
}

const PAGE = 25;
/** Reasons shown for the pair in view (the list carries these; the side-by-side view asks for every one). */
const REASONS_SHOWN = 6;
const STATUSES = ['pending', 'approved', 'rejected'] as const;

/**
 * The review queue. Keyboard: j/k or ↓/↑ move, a approves, r rejects, p puts back to pending,
 * n writes a note; the choice is saved at once and the next pair is selected.
 */
export function ReviewPage({ organizationId }: { organizationId?: number }) {
  const t = useT();
  const { lang } = useSession();
  // One organisation's pairs: every status, so its decided pairs are in view too.
  // Weak pairs are hidden at first (most of a large queue), below the engine's "good" (matching/score.ts):
  // the threshold is the matchmaker's to move.
  const [filters, setFilters] = useState<Filters>({
    status: organizationId ? '' : 'pending',
    minScore: organizationId ? '' : String(STRENGTH_THRESHOLDS.good),
    country: '',
    kind: '',
    sector: '',
    q: '',
    sort: 'score',
    rule: '',
    offset: 0,
  });
  const settled = useSettled(filters);
  const query = { ...settled, organizationId, minScore: settled.minScore ? Number(settled.minScore) : undefined };
  const { data, error, loading, reload } = useLoad(
    () => get<Page<MatchT>>('/api/matches', { ...query, limit: PAGE, reasons: REASONS_SHOWN }),
    [JSON.stringify(settled), organizationId],
  );
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [comparing, setComparing] = useState(false);
  const organization = useLoad(async () => (organizationId ? get<OrganizationT>(`/api/organizations/${organizationId}`) : null), [organizationId]).data;
  const [rows, setRows] = useState<MatchT[]>([]);
  const [selected, setSelected] = useState(0);
  const [note, setNote] = useState('');
  const [notice, setNotice] = useNotice();
  const action = useAction();
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    if (!data) return;
    setRows(data.items);
    setSelected(0);
    setChosen(new Set());
  }, [data]);
  const current = rows[selected];
  const history = useLoad(
    async () => (current ? get<MatchHistoryT>(`/api/matches/${current.id}/history`) : { items: [] }),
    [current?.id, current?.status, current?.note],
  );

  const decideChosen = (status: (typeof STATUSES)[number]) =>
    void action.run(async () => {
      const ids = [...chosen];
      await post(`/api/matches/decisions`, { ids, status });
      setNotice(say('bulkDecided', { count: ids.length, status: t(`match_${status}` as MessageKey) }));
      reload();
    });
  const toggle = (id: number) =>
    setChosen((all) => {
      const next = new Set(all);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  useEffect(() => setNote(current?.note ?? ''), [current?.id]);
  useEffect(() => {
    listRef.current?.querySelector<HTMLElement>(`[data-index="${selected}"]`)?.scrollIntoView?.({ block: 'nearest' });
  }, [selected]);

  const decide = (status: (typeof STATUSES)[number]) => {
    if (!current) return;
    void action.run(async () => {
      const updated = await patch<MatchT>(`/api/matches/${current.id}`, { status, note: note.trim() || null });
      setRows((all) => all.map((r) => (r.id === updated.id ? updated : r)));
      setNotice(say(`decided_${status}` as MessageKey, { a: nameOf(updated.a.name, lang), b: nameOf(updated.b.name, lang) }));
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
        x: () => current && toggle(current.id),
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
          <input
            name="minScore"
            type="number"
            min={0}
            max={1}
            step={0.01}
            inputMode="decimal"
            value={filters.minScore}
            onInput={(e) => set({ minScore: e.currentTarget.value })}
          />
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
          <input name="sector" value={filters.sector} onInput={(e) => set({ sector: e.currentTarget.value })} />
        </label>
        <label>
          {t('searchOrganization')}
          <input name="q" type="search" value={filters.q} onInput={(e) => set({ q: e.currentTarget.value })} />
        </label>
        <label>
          {t('ruleFilter')}
          <select name="rule" value={filters.rule} onChange={(e) => set({ rule: e.currentTarget.value })}>
            <option value="">{t('all')}</option>
            {(['pinned', 'vetoed', 'none'] as const).map((r) => (
              <option value={r}>{t(`rule_${r}` as MessageKey)}</option>
            ))}
          </select>
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
      <p class="muted">
        {t('fitLegend', { strong: STRENGTH_THRESHOLDS.strong, good: STRENGTH_THRESHOLDS.good })}
        {Number(filters.minScore) > 0 && <> · {t('weakHidden', { min: filters.minScore })}</>}
      </p>
      {data && (
        <p class="muted" aria-live="polite">
          {t('pairsFound', { count: total, from: total ? filters.offset + 1 : 0, to: Math.min(filters.offset + PAGE, total) })}
        </p>
      )}
      <div class="row bulk">
        <label class="inline">
          <input
            type="checkbox"
            name="selectAll"
            checked={rows.length > 0 && rows.every((r) => chosen.has(r.id))}
            onChange={(e) => setChosen(e.currentTarget.checked ? new Set(rows.map((r) => r.id)) : new Set())}
          />
          {t('selectAllShown')}
        </label>
        <span class="muted" aria-live="polite">
          {t('selectedCount', { count: chosen.size })}
        </span>
        <button type="button" disabled={!chosen.size || action.busy} onClick={() => decideChosen('approved')}>
          {t('approveSelected')}
        </button>
        <button type="button" class="secondary" disabled={!chosen.size || action.busy} onClick={() => decideChosen('rejected')}>
          {t('rejectSelected')}
        </button>
        <button type="button" class="outline" onClick={() => void action.run(() => download('/api/matches/export', query, 'review-queue.csv'))}>
          {t('exportQueue')}
        </button>
      </div>
      <Notice text={notice} />
      <ProblemBox error={action.error} />
      <div class="review">
        <ol class="queue" ref={listRef} aria-label={t('reviewTitle')} aria-describedby="shortcuts">
          {rows.map((m, i) => (
            <li data-index={i} data-match={m.id} class={i === selected ? 'selected' : ''} aria-current={i === selected ? 'true' : undefined}>
              <input
                type="checkbox"
                class="choose"
                name={`pair-${m.id}`}
                aria-label={t('selectPair')}
                checked={chosen.has(m.id)}
                onChange={() => toggle(m.id)}
              />
              <button type="button" class="pair" onClick={() => setSelected(i)}>
                <Score value={m.score} strength={m.strength} />
                <span class="names">
                  <Name text={m.a.name} latin={m.a.nameLatin} /> ⇄ <Name text={m.b.name} latin={m.b.nameLatin} />
                </span>
                <span class={`badge ${m.status}`}>{t(`match_${m.status}` as MessageKey)}</span>
                <RuleBadge rule={m.rule} />
              </button>
            </li>
          ))}
        </ol>
        {current && (
          <article class="detail" aria-label={t('selectedPair')}>
            <h2>
              <Name text={current.a.name} latin={current.a.nameLatin} /> ⇄ <Name text={current.b.name} latin={current.b.nameLatin} />
            </h2>
            <p class="muted">
              {COUNTRY[current.a.country]?.[lang]} · {current.a.city} · {KIND[current.a.kind]?.[lang]} ⇄ {COUNTRY[current.b.country]?.[lang]} · {current.b.city}{' '}
              · {KIND[current.b.kind]?.[lang]}
            </p>
            <Reasons reasons={current.reasons} names={[current.a.name, current.b.name]} limit={REASONS_SHOWN} total={current.reasonCount} />
            <button type="button" class="outline" aria-expanded={comparing} onClick={() => setComparing((c) => !c)}>
              {t('sideBySide')}
            </button>
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
            <PairRules
              key={current.id}
              pair={current}
              onChange={(changed, text) => {
                setRows((all) => all.map((r) => (r.id === changed.id ? { ...r, ...changed } : r)));
                setNotice(text);
              }}
            />
            <h3>{t('history')}</h3>
            {history.data && history.data.items.length === 0 && <p class="muted">{t('historyEmpty')}</p>}
            <ol class="history">
              {history.data?.items.map((h) => (
                <li>
                  <time dateTime={h.at}>{formatTime(h.at, Intl.DateTimeFormat().resolvedOptions().timeZone, lang)}</time> · {h.actor} ·{' '}
                  <span class={`badge ${h.status}`}>{t(`match_${h.status}` as MessageKey)}</span>
                  {h.note && (
                    <>
                      {' '}
                      — <q>{h.note}</q>
                    </>
                  )}
                </li>
              ))}
            </ol>
          </article>
        )}
      </div>
      {current && comparing && <SideBySide key={current.id} pair={current} />}
      <Pager offset={filters.offset} size={PAGE} total={total} onOffset={(offset) => setFilters({ ...filters, offset })} />
    </section>
  );
}

function nameOf(name: Record<string, string>, lang: string): string {
  return name[lang] ?? name.en ?? Object.values(name)[0] ?? '';
}
