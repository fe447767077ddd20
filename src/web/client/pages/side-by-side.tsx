import { get } from '../api.ts';
import { COUNTRY, KIND } from '../i18n.ts';
import { useSession, useT } from '../session.ts';
import type { MatchT, OrganizationT } from '../types.ts';
import { LangMark, Loading, Marked, Name, useLoad } from '../ui.tsx';

type Spans = Map<string, number[][]>;

/** Where the pair's evidence sits on one side: field, item and language → character spans. */
function evidence(pair: MatchT, side: 'a' | 'b'): Spans {
  const out: Spans = new Map();
  for (const r of pair.reasons) {
    const p = r[side];
    const key = `${p.field}:${p.item}:${p.lang}`;
    out.set(
      key,
      [...(out.get(key) ?? []), ...p.spans].sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0)),
    );
  }
  // Overlapping spans (two concepts on the same words) are merged so each word is marked once.
  for (const [key, spans] of out) {
    const merged: number[][] = [];
    for (const [s = 0, e = 0] of spans) {
      const last = merged[merged.length - 1];
      if (last && s <= (last[1] ?? 0)) last[1] = Math.max(last[1] ?? 0, e);
      else merged.push([s, e]);
    }
    out.set(key, merged);
  }
  return out;
}

/** Every language version of one text, the evidence marked. */
function Versions({ text, field, item, spans }: { text: Record<string, string>; field: string; item: number; spans: Spans }) {
  const { lang } = useSession();
  return (
    <>
      {Object.entries(text).map(([l, value]) => (
        <p class="version">
          <Marked text={value} spans={spans.get(`${field}:${item}:${l}`) ?? []} lang={l} /> {l !== lang && <LangMark lang={l} />}
        </p>
      ))}
    </>
  );
}

function Profile({ o, spans }: { o: OrganizationT; spans: Spans }) {
  const t = useT();
  const { lang } = useSession();
  return (
    <section aria-label={o.name[lang] ?? o.nameLatin}>
      <h3>
        <Name text={o.name} latin={o.nameLatin} />
      </h3>
      <p class="muted">
        {COUNTRY[o.country]?.[lang] ?? o.country} · {o.city} · {KIND[o.kind]?.[lang] ?? o.kind}
      </p>
      <h4>{t('description')}</h4>
      <Versions text={o.description} field="about" item={0} spans={spans} />
      <h4>{t('offers')}</h4>
      <ol>
        {o.offers.map((x, i) => (
          <li>
            <Versions text={x} field="offers" item={i} spans={spans} />
          </li>
        ))}
      </ol>
      <h4>{t('needs')}</h4>
      <ol>
        {o.needs.map((x, i) => (
          <li>
            <Versions text={x} field="needs" item={i} spans={spans} />
          </li>
        ))}
      </ol>
      {o.sectors.length > 0 && (
        <p>
          <strong>{t('sectors')}:</strong> {o.sectors.join(', ')}
        </p>
      )}
    </section>
  );
}

/** Both full profiles of a pair side by side, every word that carries the pair's evidence marked. */
export function SideBySide({ pair }: { pair: MatchT }) {
  const t = useT();
  // The queue's list carries a pair's strongest reasons only: every piece of evidence is marked here.
  const { data, error, loading } = useLoad(
    () =>
      Promise.all([
        get<OrganizationT>(`/api/organizations/${pair.a.id}`),
        get<OrganizationT>(`/api/organizations/${pair.b.id}`),
        get<MatchT>(`/api/matches/${pair.id}`),
      ]),
    [pair.id, pair.a.id, pair.b.id],
  );
  return (
    <article class="compare" aria-label={t('sideBySide')}>
      <h2>{t('sideBySide')}</h2>
      <Loading when={loading && !data} error={error} />
      {data && (
        <div class="side-by-side">
          <Profile o={data[0]} spans={evidence(data[2], 'a')} />
          <Profile o={data[1]} spans={evidence(data[2], 'b')} />
        </div>
      )}
    </article>
  );
}
