import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef, useState } from 'preact/hooks';
import { download, get } from '../api.ts';
import type { MessageKey } from '../i18n.ts';
import { useT } from '../session.ts';
import type { EventT, OutcomeReportT } from '../types.ts';
import { Loading, ProblemBox, ScrollBox, useAction, useLoad } from '../ui.tsx';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

const STAGES = ['suggested', 'requested', 'accepted', 'held', 'cooperation', 'agreement'] as const;
const DIMENSIONS = ['country', 'kind', 'sector', 'sdg'] as const;

/** What the meetings led to: the funnel, by dimension, who answered, per pair; CSV for a donor report. */
export function OutcomesPage() {
  const t = useT();
  const action = useAction();
  const events = useLoad(() => get<{ items: EventT[] }>('/api/events'), []);
  const [scope, setScope] = useState('');
  const query = scope.startsWith('event:') ? { eventId: scope.slice(6) } : scope.startsWith('programme:') ? { programme: scope.slice(10) } : {};
  const { data, error, loading } = useLoad(() => get<OutcomeReportT>('/api/outcomes', query), [scope]);
  const programmes = [...new Set((events.data?.items ?? []).map((e) => e.programme).filter((p): p is string => !!p))];
  return (
    <section>
      <h1>{t('outcomesTitle')}</h1>
      <label>
        {t('scope')}
        <select name="scope" value={scope} onChange={(e) => setScope(e.currentTarget.value)}>
          <option value="">{t('allSessions')}</option>
          {programmes.map((p) => (
            <option value={`programme:${p}`}>{t('programmeScope', { name: p })}</option>
          ))}
          {(events.data?.items ?? []).map((e) => (
            <option value={`event:${e.id}`}>{e.name}</option>
          ))}
        </select>
      </label>
      <Loading when={loading && !data} error={error} />
      <ProblemBox error={action.error} />
      {data && (
        <>
          <Funnel report={data} />
          <p data-responses>
            {t('responsesLine', {
              fa: data.responses.feedback.answered,
              fq: data.responses.feedback.asked,
              ua: data.responses.followUps.answered,
              uq: data.responses.followUps.asked,
            })}
          </p>
          <div class="row">
            <button
              type="button"
              class="secondary"
              onClick={() => void action.run(() => download('/api/outcomes', { ...query, format: 'csv', table: 'pairs' }, 'musubi-outcomes-pairs.csv'))}
            >
              {t('downloadPairsCsv')}
            </button>
            <button
              type="button"
              class="secondary"
              onClick={() => void action.run(() => download('/api/outcomes', { ...query, format: 'csv', table: 'breakdown' }, 'musubi-outcomes-breakdown.csv'))}
            >
              {t('downloadBreakdownCsv')}
            </button>
          </div>
          {DIMENSIONS.map(
            (d) =>
              data.breakdown[d].length > 0 && (
                <details>
                  <summary>{t(`byDimension_${d}` as MessageKey)}</summary>
                  <ScrollBox label={t(`byDimension_${d}` as MessageKey)}>
                    <table class="striped">
                      <thead>
                        <tr>
                          <th scope="col">{t('value')}</th>
                          {STAGES.map((s) => (
                            <th scope="col">{t(`stage_${s}` as MessageKey)}</th>
                          ))}
                        </tr>
                      </thead>
                      <tbody>
                        {data.breakdown[d].map((row) => (
                          <tr>
                            <th scope="row">{row.value}</th>
                            {STAGES.map((s) => (
                              <td>{row[s]}</td>
                            ))}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </ScrollBox>
                </details>
              ),
          )}
          <h2>{t('pairsOutcomes')}</h2>
          <ScrollBox label={t('pairsOutcomes')}>
            <table class="striped outcome-pairs">
              <thead>
                <tr>
                  <th scope="col">{t('pair')}</th>
                  <th scope="col">{t('status')}</th>
                  <th scope="col">{t('answers')}</th>
                </tr>
              </thead>
              <tbody>
                {data.pairs.map((p) => {
                  const reached = STAGES.filter((s) => p.stages[s]);
                  return (
                    <tr data-pair={`${p.orgAId}-${p.orgBId}`}>
                      <td>
                        {p.a} ⇄ {p.b}
                      </td>
                      <td>{reached.length ? t(`stage_${reached[reached.length - 1]!}` as MessageKey) : '—'}</td>
                      <td>
                        {p.feedback.map((f) => (
                          <div>
                            {f.organizationId === p.orgAId ? p.a : p.b}: {t(f.tookPlace ? 'stage_held' : 'no')}
                            {f.interest && ` · ${t('interest')}: ${t(`interest_${f.interest}` as MessageKey)}`}
                            {f.cooperation && ` · ${t('cooperation')}: ${t(`cooperation_${f.cooperation}` as MessageKey)}`}
                            {f.nextSteps && (
                              <>
                                {' '}
                                · <q>{f.nextSteps}</q>
                              </>
                            )}
                          </div>
                        ))}
                        {p.followUps.map((f) => (
                          <div>
                            {f.months}m: {(f.outcomes ?? []).map((o) => t(`outcome_${o}` as MessageKey)).join(', ')}
                          </div>
                        ))}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollBox>
        </>
      )}
    </section>
  );
}

function Funnel({ report }: { report: OutcomeReportT }) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const labels = STAGES.map((s) => t(`stage_${s}` as MessageKey));
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: { labels, datasets: [{ label: t('pair'), data: STAGES.map((s) => report.funnel[s]), backgroundColor: '#0172ad' }] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: 'y',
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
    return () => chart.destroy();
  }, [report, labels.join()]);
  return (
    <>
      <dl class="numbers funnel">
        {STAGES.map((s, i) => (
          <div>
            <dt>{labels[i]}</dt>
            <dd data-stage={s}>{report.funnel[s]}</dd>
          </div>
        ))}
      </dl>
      <div class="chart" role="img" aria-label={t('funnelChart')}>
        <canvas ref={canvas} />
      </div>
    </>
  );
}
