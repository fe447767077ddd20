import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../session.ts';
import type { FiguresT } from '../types.ts';
import { usePersonText } from '../ui.tsx';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

/** Meetings per slot (at tables and online) as a chart, and the figures a matchmaker checks. */
export function FiguresView({ figures }: { figures: FiguresT }) {
  const t = useT();
  const personText = usePersonText();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: figures.slots.map((s) => s.local.slice(5, 16).replace('T', ' ')),
        datasets: [
          { label: t('atTables'), data: figures.slots.map((s) => s.meetings - s.online), backgroundColor: '#0172ad' },
          { label: t('online'), data: figures.slots.map((s) => s.online), backgroundColor: '#d48806' },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
    return () => chart.destroy();
  }, [figures, t('atTables')]);
  const met = figures.organizations.filter((o) => o.meetings > 0).length;
  const total = figures.slots.reduce((n, s) => n + s.meetings, 0);
  return (
    <div class="figures">
      <dl class="numbers">
        <div>
          <dt>{t('figMeetings')}</dt>
          <dd data-figure="meetings">{total}</dd>
        </div>
        <div>
          <dt>{t('figOrganizationsMet')}</dt>
          <dd>
            {met} / {figures.organizations.length}
          </dd>
        </div>
        <div>
          <dt>{t('figTableUse')}</dt>
          <dd>{Math.round(figures.tableUse * 100)} %</dd>
        </div>
        <div>
          <dt>{t('figNeedInterpreter')}</dt>
          <dd>{figures.meetingsNeedingInterpreter}</dd>
        </div>
        {figures.idle && (
          <div>
            <dt>{t('figIdle')}</dt>
            <dd data-figure="idle">
              {figures.idle.breaks} · {figures.idle.idleMinutes}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('figRequests')}</dt>
          <dd>
            {figures.requests.requested} / {figures.requests.accepted} / {figures.requests.declined}
          </dd>
        </div>
      </dl>
      <div class="chart" role="img" aria-label={t('chartLabel')}>
        <canvas ref={canvas} />
      </div>
      {figures.interpreters.length > 0 && (
        <p>
          {t('interpreterLoad')}: {figures.interpreters.map((i) => `${personText(i.name, i.nameLatin)} ${i.meetings}`).join(' · ')}
        </p>
      )}
      {figures.idle && figures.idle.breaks > 0 && (
        <details class="idle-figures">
          <summary>{t('idleMost')}</summary>
          <ul>
            {figures.idle.attendees
              .filter((a) => a.breaks > 0)
              .slice(0, 10)
              .map((a) => (
                <li data-attendee={a.attendeeId}>
                  {a.name}: {a.days.map((d) => t('idleSummary', { day: d.day, breaks: d.breaks, minutes: d.idleMinutes })).join(' · ')}
                </li>
              ))}
          </ul>
        </details>
      )}
      {figures.withoutMeetings.length > 0 && (
        <details>
          <summary>{t('withoutMeetings', { count: figures.withoutMeetings.length })}</summary>
          <ul>
            {figures.organizations
              .filter((o) => figures.withoutMeetings.includes(o.id))
              .map((o) => (
                <li>{o.name}</li>
              ))}
          </ul>
        </details>
      )}
    </div>
  );
}
