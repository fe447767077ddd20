import { post, get } from '../api.ts';
import type { MessageKey } from '../i18n.ts';
import { useSession, useT } from '../session.ts';
import type { FitT, LearningStateT } from '../types.ts';
import { formatTime, Loading, Notice, ProblemBox, type Said, ScrollBox, say, useAction, useLoad, useNotice } from '../ui.tsx';

const WEIGHTS = ['reciprocal', 'oneSided', 'about', 'structure', 'sdgs', 'kinds', 'language'] as const;
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const share = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)} %`);
const num = (x: number) => String(+x.toFixed(3));

/**
 * The score's weights learned from decisions (matchmakers only): what is in use, the decisions
 * there are, the fits with how well they and the weights in use ranked the latest decisions; fit,
 * adopt a better fit, go back to the defaults. Adopting or resetting re-ranks every pair.
 */
export function LearningPage() {
  const t = useT();
  const { lang } = useSession();
  const action = useAction();
  const [notice, setNotice] = useNotice();
  const { data, error, loading, reload } = useLoad(() => get<LearningStateT>('/api/matching/weights'), []);
  const act = (run: () => Promise<Said>) =>
    void action.run(async () => {
      setNotice(null);
      setNotice(await run());
      reload();
    });
  const fit = () =>
    act(async () => {
      const made = await post<FitT>('/api/matching/weights/fits');
      return say(made.better ? 'fitMadeBetter' : 'fitMadeNotBetter', { id: made.id });
    });
  const adopt = (id: number) =>
    act(async () => {
      await post(`/api/matching/weights/fits/${id}/adopt`);
      return say('fitAdopted', { id });
    });
  const reset = () =>
    act(async () => {
      await post('/api/matching/weights/reset');
      return say('weightsResetDone');
    });
  return (
    <section>
      <h1>{t('learningTitle')}</h1>
      <p>{t('learningIntro')}</p>
      <Loading when={loading && !data} error={error} />
      <ProblemBox error={action.error} />
      <Notice text={notice} />
      {data && (
        <>
          <h2>{t('weightsInUse')}</h2>
          <p data-in-use={data.inUse.source}>
            {data.inUse.source === 'defaults'
              ? t('weightsDefaultsInUse')
              : t('weightsFitInUse', { id: data.inUse.fitId ?? '', at: data.inUse.adoptedAt ? formatTime(data.inUse.adoptedAt, zone, lang) : '' })}
          </p>
          <ScrollBox label={t('weightsInUse')}>
            <table class="striped">
              <thead>
                <tr>
                  <th scope="col">{t('weight')}</th>
                  <th scope="col">{t('inUse')}</th>
                  <th scope="col">{t('defaultValue')}</th>
                </tr>
              </thead>
              <tbody>
                {WEIGHTS.map((w) => (
                  <tr>
                    <th scope="row">{t(`weight_${w}` as MessageKey)}</th>
                    <td>{num(data.inUse.weights[w])}</td>
                    <td>{num(data.defaults[w])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
          <p data-decisions>{t('decisionsLine', { review: data.decisions.review, outcomes: data.decisions.outcomes, needed: data.decisions.needed })}</p>
          <div class="row">
            <button type="button" onClick={fit} aria-busy={action.busy} disabled={action.busy}>
              {t('fitNow')}
            </button>
            <button type="button" class="secondary" onClick={reset} disabled={action.busy || data.inUse.source === 'defaults'}>
              {t('resetWeights')}
            </button>
          </div>
          <h2>{t('fitsTitle')}</h2>
          {data.fits.length === 0 ? (
            <p>{t('noFits')}</p>
          ) : (
            <ScrollBox label={t('fitsTitle')}>
              <table class="striped">
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">{t('fittedAt')}</th>
                    <th scope="col">{t('fitDecisions')}</th>
                    <th scope="col">{t('heldOutInUse')}</th>
                    <th scope="col">{t('heldOutFitted')}</th>
                    <th scope="col">{t('heldOutDefaults')}</th>
                    <th scope="col">{t('fitWeights')}</th>
                    <th scope="col">{t('fitStatus')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.fits.map((f) => (
                    <tr data-fit={f.id}>
                      <td>{f.id}</td>
                      <td>{formatTime(f.fittedAt, zone, lang)}</td>
                      <td>{t('fitSplit', { train: f.train, test: f.test, review: f.fromReview, outcomes: f.fromOutcomes })}</td>
                      <td>{share(f.heldOutStart)}</td>
                      <td>
                        <strong>{share(f.heldOutFitted)}</strong> {f.better ? t('fitBetter') : t('fitNotBetter')}
                      </td>
                      <td>{share(f.heldOutDefaults)}</td>
                      <td>
                        <small>{WEIGHTS.map((w) => `${t(`weight_${w}` as MessageKey)} ${num(f.weights[w])}`).join(' · ')}</small>
                      </td>
                      <td>
                        {f.inUse ? (
                          <mark>{t('inUse')}</mark>
                        ) : f.better && f.current ? (
                          <button type="button" class="outline" onClick={() => adopt(f.id)} disabled={action.busy} aria-label={t('adoptFit', { id: f.id })}>
                            {t('adopt')}
                          </button>
                        ) : (
                          <small>{t(!f.better ? 'notAdoptable' : 'fitOutdatedShort')}</small>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          )}
        </>
      )}
    </section>
  );
}
