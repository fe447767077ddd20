import { useSession, useT } from '../session.ts';
import type { MessageKey } from '../i18n.ts';
import type { Localized, ReasonT } from '../types.ts';
import { LangMark, LText, Marked } from '../ui.tsx';
import { readableNameText } from '../../../../matching/text/names.ts';

/** For a matchmaker, a third person reads the pair: "B offers what A needs", not "they offer what you need". */
const THIRD_PERSON: Record<string, MessageKey> = {
  'a-needs-b-offers': 'directionBOffersA',
  'b-needs-a-offers': 'directionAOffersB',
  'both-about': 'directionSharedThird',
};

const DIRECTION: Record<string, { first: MessageKey; mine: MessageKey; theirs: MessageKey }> = {
  'a-needs-b-offers': { first: 'directionTheyOffer', mine: 'fieldNeeds', theirs: 'fieldOffers' },
  'b-needs-a-offers': { first: 'directionYouOffer', mine: 'fieldOffers', theirs: 'fieldNeeds' },
  'both-about': { first: 'directionShared', mine: 'fieldAbout', theirs: 'fieldAbout' },
};

/**
 * Why two organisations were matched: for each piece of evidence, the concept in the reader's
 * language, and the phrase on each side in the language it was written in, the matching words marked.
 */
export function Reasons({
  reasons,
  names,
  limit = 4,
  total = reasons.length,
  moreHref,
}: {
  reasons: ReasonT[];
  names: [Localized, Localized];
  limit?: number;
  /** How many reasons the pair has, when `reasons` are some of them (a suggestions list); `moreHref` shows them all. */
  total?: number;
  moreHref?: string;
}) {
  const t = useT();
  const { lang, me } = useSession();
  const thirdPerson = me?.role === 'matchmaker';
  const [a, b] = names.map((n) => readableNameText(n, null, lang));
  if (!reasons.length) return <p class="muted">{t('noReasons')}</p>;
  const more = total - Math.min(limit, reasons.length);
  const moreText = more > 0 ? t('moreReasons', { n: String(more) }) : '';
  return (
    <>
      <ul class="reasons">
        {reasons.slice(0, limit).map((reason) => {
          const d = DIRECTION[reason.direction] ?? DIRECTION['both-about']!;
          return (
            <li>
              <p class="reason-head">
                <span class="concept" lang={reason.concept ? lang : reason.term?.lang}>
                  {reason.concept ? reason.concept.label[lang] : reason.term?.text}
                </span>{' '}
                <span class="muted">{thirdPerson ? t(THIRD_PERSON[reason.direction] ?? 'directionSharedThird', { a: a ?? '', b: b ?? '' }) : t(d.first)}</span>
              </p>
              <div class="phrases">
                <Side name={names[0]} field={t(d.mine)} phrase={reason.a} />
                <Side name={names[1]} field={t(d.theirs)} phrase={reason.b} />
              </div>
            </li>
          );
        })}
      </ul>
      {more > 0 && <p class="muted more-reasons">{moreHref ? <a href={moreHref}>{moreText}</a> : moreText}</p>}
    </>
  );
}

/** One side of a reason: whose phrase and from which field, the phrase with its words marked, its language when not the reader's. */
function Side({ name, field, phrase }: { name: Localized; field: string; phrase: ReasonT['a'] }) {
  const { lang } = useSession();
  return (
    <blockquote>
      <small class="side">
        <LText text={name} /> · {field}
      </small>
      <Marked text={phrase.text} spans={phrase.spans} lang={phrase.lang} /> {phrase.lang !== lang && <LangMark lang={phrase.lang} />}
    </blockquote>
  );
}
