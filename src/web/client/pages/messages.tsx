import { useState } from 'preact/hooks';
import { get, post } from '../api.ts';
import type { MessageKey } from '../i18n.ts';
import { useSession, useT } from '../session.ts';
import type { MessageListT, MessageT, SignInLinksResultT } from '../types.ts';
import { formatTime, Loading, Pager, ProblemBox, ScrollBox, useAction, useLoad, say, type Said } from '../ui.tsx';

const SIZE = 50;
const STATUSES = ['pending', 'sent', 'failed', 'suppressed'] as const;

/** The outbox for matchmakers: what went out, what waits, what failed; without SMTP_URL, where messages are read. */
export function MessagesPage() {
  const t = useT();
  const { lang } = useSession();
  const [status, setStatus] = useState('');
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<number | null>(null);
  const { data, error, loading } = useLoad(() => get<MessageListT>('/api/messages', { status, limit: SIZE, offset }), [status, offset]);
  return (
    <section>
      <h1>{t('messagesTitle')}</h1>
      {data && <p class="muted">{t(data.delivery === 'smtp' ? 'messagesSmtp' : 'messagesOutboxOnly')}</p>}
      <label>
        {t('status')}
        <select
          name="messageStatus"
          value={status}
          onChange={(e) => {
            setStatus(e.currentTarget.value);
            setOffset(0);
          }}
        >
          <option value="">{t('all')}</option>
          {STATUSES.map((s) => (
            <option value={s}>
              {t(`msg_${s}` as MessageKey)} ({data?.counts[s] ?? 0})
            </option>
          ))}
        </select>
      </label>
      <Loading when={loading && !data} error={error} />
      {data && data.items.length === 0 && <p>{t('noMessages')}</p>}
      {data && data.items.length > 0 && (
        <ScrollBox label={t('messagesTitle')}>
          <table class="striped messages">
            <thead>
              <tr>
                <th scope="col">{t('time')}</th>
                <th scope="col">{t('kindOfMessage')}</th>
                <th scope="col">{t('recipient')}</th>
                <th scope="col">{t('subject')}</th>
                <th scope="col">{t('status')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((m) => (
                <tr data-message={m.id}>
                  <td>{formatTime(m.createdAt, Intl.DateTimeFormat().resolvedOptions().timeZone, lang)}</td>
                  <td>{t(`kind_${m.kind}` as MessageKey)}</td>
                  <td>
                    {m.recipientName} &lt;{m.recipientEmail}&gt;
                  </td>
                  <td>
                    <button type="button" class="link" aria-expanded={open === m.id} onClick={() => setOpen(open === m.id ? null : m.id)}>
                      <span lang={m.lang}>{m.subject}</span>
                    </button>
                    {open === m.id && <MessageBody id={m.id} />}
                  </td>
                  <td>
                    {t(`msg_${m.status}` as MessageKey)}
                    {m.lastError && (
                      <small class="muted">
                        {' '}
                        ({m.attempts}× — {m.lastError})
                      </small>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      {data && <Pager offset={offset} size={SIZE} total={data.total} onOffset={setOffset} />}
    </section>
  );
}

function MessageBody({ id }: { id: number }) {
  const t = useT();
  const { data, error } = useLoad(() => get<MessageT>(`/api/messages/${id}`), [id]);
  if (!data) return <Loading when={!error} error={error} />;
  return (
    <div class="message-body">
      <pre lang={data.lang}>{data.text}</pre>
      {data.attachments.length > 0 && (
        <p>
          {t('attachments')}: {data.attachments.map((a) => a.filename).join(', ')}
        </p>
      )}
    </div>
  );
}

/** On a session's page: every attendee gets a sign-in link of their own by e-mail; the page's notice says how many. */
export function SendSignInLinks({ eventId, onDone }: { eventId: number; onDone: (message: Said) => void }) {
  const t = useT();
  const action = useAction();
  return (
    <div class="row">
      <button
        type="button"
        class="outline"
        aria-busy={action.busy}
        disabled={action.busy}
        onClick={() =>
          void action.run(async () => {
            const result = await post<SignInLinksResultT>(`/api/events/${eventId}/sign-in-links`, {});
            onDone(say('signInLinksSent', { sent: result.sent.length, skipped: result.skipped.length }));
          })
        }
      >
        {t('sendSignInLinks')}
      </button>
      <ProblemBox error={action.error} />
    </div>
  );
}
