import { useEffect, useState } from 'preact/hooks';
import { get, post, put } from '../api.ts';
import type { MessageKey } from '../i18n.ts';
import { useSession, useT } from '../session.ts';
import type { LinkFormT, UnsubscribedT } from '../types.ts';
import { formatTime, Loading, Notice, pick, ProblemBox, useAction, useLoad, useNotice, say } from '../ui.tsx';

const INTERESTS = ['none', 'some', 'strong'] as const;
const COOPERATION = ['yes', 'maybe', 'no'] as const;
const OUTCOMES = ['negotiation', 'mou', 'pilot', 'contract', 'investment', 'nothing'] as const;

/** Follows the link's language unless the reader chose one in this browser. */
function useLinkLanguage(lang: string | undefined) {
  const session = useSession();
  useEffect(() => {
    if (lang && !localStorage.getItem('musubi.lang') && (lang === 'ja' || lang === 'mn' || lang === 'en')) session.setLang(lang);
  }, [lang]);
}

/**
 * The page behind a feedback or follow-up link (no sign-in: the link is the authorisation): did the
 * meeting take place, interest, cooperation, what next; or, months later, what came of it.
 */
export function FeedbackPage({ token }: { token: string }) {
  const t = useT();
  const { lang } = useSession();
  const { data, error } = useLoad(() => get<LinkFormT>(`/api/feedback/${token}`), [token]);
  useLinkLanguage(data?.lang);
  if (!data) return <Loading when={!error} error={error} />;
  const partner = `${pick(data.partner.organization, lang).text} (${data.partner.name})`;
  return (
    <section>
      <h1>{data.purpose === 'feedback' ? t('feedbackTitle', { partner }) : t('followUpTitle', { partner, months: data.months ?? '' })}</h1>
      <p class="muted">
        {data.event} · {formatTime(data.meeting.start, data.meeting.timeZone, lang)} · {data.you.name}
      </p>
      {data.purpose === 'feedback' ? (
        <FeedbackForm
          save={(answer) => put(`/api/feedback/${token}`, answer)}
          answered={data.feedback ? { ...data.feedback, timeZone: data.meeting.timeZone } : null}
        />
      ) : (
        <FollowUpForm token={token} form={data} />
      )}
    </section>
  );
}

function Choice<T extends string>({
  name,
  legend,
  values,
  value,
  label,
  onChange,
}: {
  name: string;
  legend: string;
  values: readonly T[];
  value: T | null;
  label: (v: T) => string;
  onChange: (v: T) => void;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div class="choices">
        {values.map((v) => (
          <label>
            <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} />
            {label(v)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

type Answered = NonNullable<LinkFormT['feedback']> & { timeZone: string };

/**
 * Did the meeting take place, interest, cooperation, what next: behind a feedback link (`save` puts
 * to the link) and in the app, on a meeting that has ended (`save` puts to the meeting).
 */
export function FeedbackForm({ save, answered }: { save: (answer: Record<string, unknown>) => Promise<unknown>; answered: Answered | null }) {
  const t = useT();
  const { lang } = useSession();
  const action = useAction();
  const [notice, setNotice] = useNotice();
  const [answer, setAnswer] = useState({
    tookPlace: answered ? (answered.tookPlace ? 'yes' : 'no') : (null as 'yes' | 'no' | null),
    interest: answered?.interest ?? null,
    cooperation: answered?.cooperation ?? null,
    nextSteps: answered?.nextSteps ?? '',
  });
  return (
    <form
      aria-label={t('sendAnswer')}
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(async () => {
          const held = answer.tookPlace === 'yes';
          await save({
            ...(answer.tookPlace ? { tookPlace: held } : {}),
            ...(held && answer.interest ? { interest: answer.interest } : {}),
            ...(held && answer.cooperation ? { cooperation: answer.cooperation } : {}),
            ...(answer.nextSteps.trim() ? { nextSteps: answer.nextSteps.trim() } : {}),
          });
          setNotice(say('thanks'));
        });
      }}
    >
      {answered && <p class="muted">{t('answeredAlready', { when: formatTime(answered.answeredAt, answered.timeZone, lang) })}</p>}
      <Choice
        name="tookPlace"
        legend={t('tookPlace')}
        values={['yes', 'no'] as const}
        value={answer.tookPlace}
        label={(v) => t(v)}
        onChange={(v) => setAnswer({ ...answer, tookPlace: v })}
      />
      {answer.tookPlace !== 'no' && (
        <>
          <Choice
            name="interest"
            legend={t('interest')}
            values={INTERESTS}
            value={answer.interest}
            label={(v) => t(`interest_${v}` as MessageKey)}
            onChange={(v) => setAnswer({ ...answer, interest: v })}
          />
          <Choice
            name="cooperation"
            legend={t('cooperation')}
            values={COOPERATION}
            value={answer.cooperation}
            label={(v) => t(`cooperation_${v}` as MessageKey)}
            onChange={(v) => setAnswer({ ...answer, cooperation: v })}
          />
        </>
      )}
      <label>
        {t('nextSteps')}
        <textarea name="nextSteps" maxLength={2000} value={answer.nextSteps} onInput={(e) => setAnswer({ ...answer, nextSteps: e.currentTarget.value })} />
      </label>
      <ProblemBox error={action.error} />
      <Notice text={notice} />
      <button type="submit" aria-busy={action.busy} disabled={action.busy}>
        {t('sendAnswer')}
      </button>
    </form>
  );
}

function FollowUpForm({ token, form }: { token: string; form: LinkFormT }) {
  const t = useT();
  const action = useAction();
  const [notice, setNotice] = useNotice();
  const [chosen, setChosen] = useState<string[]>(form.followUp?.outcomes ?? []);
  const [amount, setAmount] = useState(form.followUp?.investmentAmount?.toString() ?? '');
  const [currency, setCurrency] = useState(form.followUp?.investmentCurrency ?? '');
  const [note, setNote] = useState(form.followUp?.note ?? '');
  const toggle = (o: string) =>
    setChosen(chosen.includes(o) ? chosen.filter((c) => c !== o) : o === 'nothing' ? ['nothing'] : [...chosen.filter((c) => c !== 'nothing'), o]);
  return (
    <form
      aria-label={t('sendAnswer')}
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(async () => {
          const invested = chosen.includes('investment') && amount.trim() !== '';
          await put(`/api/feedback/${token}`, {
            outcomes: chosen,
            ...(invested ? { investmentAmount: Number(amount), investmentCurrency: currency.trim().toUpperCase() } : {}),
            ...(note.trim() ? { note: note.trim() } : {}),
          });
          setNotice(say('thanks'));
        });
      }}
    >
      <fieldset>
        <legend>{t('whatCameOfIt')}</legend>
        <div class="choices">
          {OUTCOMES.map((o) => (
            <label>
              <input type="checkbox" name="outcomes" value={o} checked={chosen.includes(o)} onChange={() => toggle(o)} />
              {t(`outcome_${o}` as MessageKey)}
            </label>
          ))}
        </div>
      </fieldset>
      {chosen.includes('investment') && (
        <div class="grid">
          <label>
            {t('investmentAmount')}
            <input name="investmentAmount" type="number" min={0} value={amount} onInput={(e) => setAmount(e.currentTarget.value)} />
          </label>
          <label>
            {t('currency')}
            <input name="investmentCurrency" maxLength={3} value={currency} onInput={(e) => setCurrency(e.currentTarget.value)} />
          </label>
        </div>
      )}
      <label>
        {t('note')}
        <textarea name="note" maxLength={2000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <ProblemBox error={action.error} />
      <Notice text={notice} />
      <button type="submit" aria-busy={action.busy} disabled={action.busy}>
        {t('sendAnswer')}
      </button>
    </form>
  );
}

/** The page behind the unsubscribe link in every message (no sign-in). */
export function UnsubscribePage({ token }: { token: string }) {
  const t = useT();
  const action = useAction();
  const [done, setDone] = useState<UnsubscribedT | null>(null);
  useLinkLanguage(done?.lang);
  return (
    <section>
      <h1>{t('unsubscribeTitle')}</h1>
      <p>{t('unsubscribeIntro')}</p>
      <ProblemBox error={action.error} />
      {done ? (
        <Notice text={t('unsubscribed', { category: t(`category_${done.category}` as MessageKey) })} />
      ) : (
        <button
          type="button"
          aria-busy={action.busy}
          disabled={action.busy}
          onClick={() => void action.run(async () => setDone(await post<UnsubscribedT>(`/api/unsubscribe/${token}`, {})))}
        >
          {t('unsubscribeButton')}
        </button>
      )}
    </section>
  );
}
