import { useState } from 'preact/hooks';
import { ApiError, upload } from '../api.ts';
import { fieldMessage } from '../i18n.ts';
import { useSession, useT } from '../session.ts';
import type { ImportResultT } from '../types.ts';
import { fieldLabel, Notice, ProblemBox, ScrollBox } from '../ui.tsx';

type Phase =
  | { step: 'idle' }
  | { step: 'sending'; share: number }
  | { step: 'storing' }
  | { step: 'done'; result: ImportResultT }
  | { step: 'failed'; error: unknown };

// The columns the import reads (README, "CSV columns"), with one example row per language.
const TEMPLATE_CSV = [
  'externalId,name_ja,name_mn,name_en,kind,country,city,languages,sectors,website,description,offers,needs,sdgs,contact_name,contact_email',
  'example-jp-1,株式会社サンプル,,Sample Co.,company,JP,Tokyo,ja;en,IT,https://example.jp,会社の概要,提供できること1;提供できること2,求めていること,8;9,山田 花子,hanako@example.jp',
  'example-mn-1,,Жишээ ХХК,Example LLC,startup,MN,Ulaanbaatar,mn;en,мэдээллийн технологи,,Компанийн танилцуулга,Санал болгох зүйл,Хэрэгцээ,8,Бат,bat@example.mn',
].join('\r\n');
const TEMPLATE = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${TEMPLATE_CSV}\r\n`)}`;

/**
 * JSON, or CSV: declared Shift_JIS when the box is ticked; otherwise sent without a charset, and the
 * service reads it as UTF-8 or recognises Japanese Excel's Shift_JIS (src/http/decode.ts), saying so.
 */
function contentType(file: File, shiftJis: boolean): string {
  if (/\.json$/i.test(file.name) || file.type === 'application/json') return 'application/json';
  return shiftJis ? 'text/csv; charset=shift_jis' : 'text/csv';
}

export function ImportPage() {
  const t = useT();
  const { lang } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [shiftJis, setShiftJis] = useState(false);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });

  const send = async () => {
    if (!file) return;
    setPhase({ step: 'sending', share: 0 });
    try {
      const result = await upload<ImportResultT>('/api/organizations/import', file, contentType(file, shiftJis), (share) =>
        setPhase(share < 1 ? { step: 'sending', share } : { step: 'storing' }),
      );
      setPhase({ step: 'done', result });
    } catch (error) {
      setPhase({ step: 'failed', error });
    }
  };
  const rowErrors = phase.step === 'failed' && phase.error instanceof ApiError ? (phase.error.problem.errors ?? []).filter((e) => e.row !== undefined) : [];

  return (
    <section>
      <h1>{t('importTitle')}</h1>
      <p>{t('importIntro')}</p>
      <p>
        <a href={TEMPLATE} download="musubi-profiles.csv">
          {t('csvTemplate')}
        </a>
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <label>
          {t('importFile')}
          <input
            name="file"
            type="file"
            accept=".csv,.tsv,.txt,.json,text/csv,application/json"
            required
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
          />
        </label>
        <label class="inline">
          <input type="checkbox" name="shiftJis" checked={shiftJis} onChange={(e) => setShiftJis(e.currentTarget.checked)} />
          {t('shiftJis')}
        </label>
        <button type="submit" disabled={!file || phase.step === 'sending' || phase.step === 'storing'}>
          {t('importButton')}
        </button>
      </form>

      {phase.step === 'done' && phase.result.csv?.recognised && phase.result.csv.encoding === 'shift_jis' && <Notice text={t('shiftJisDetected')} />}
      <div aria-live="polite">
        {phase.step === 'sending' && (
          <p>
            <label>
              {t('importSending', { percent: Math.round(phase.share * 100) })}
              <progress value={phase.share} max={1} />
            </label>
          </p>
        )}
        {phase.step === 'storing' && (
          <p>
            <label>
              {t('importStoring')}
              <progress />
            </label>
          </p>
        )}
        {phase.step === 'done' && (
          <div class="result notice" role="status">
            <h2>{t('importDone', { created: phase.result.created, updated: phase.result.updated })}</h2>
            <p>{t('importRanking')}</p>
          </div>
        )}
      </div>

      {phase.step === 'failed' && (
        <>
          <ProblemBox error={phase.error} />
          {rowErrors.length > 0 && (
            <ScrollBox label={t('rowErrors')}>
              <table class="striped row-errors">
                <caption>{t('rowErrors')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('row')}</th>
                    <th scope="col">{t('externalId')}</th>
                    <th scope="col">{t('field')}</th>
                    <th scope="col">{t('problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rowErrors.map((e) => (
                    <tr>
                      <td>{e.row}</td>
                      <td>{e.externalId ?? '—'}</td>
                      <td>{fieldLabel(e.field, lang)}</td>
                      <td>{fieldMessage(lang, e)}</td>
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
