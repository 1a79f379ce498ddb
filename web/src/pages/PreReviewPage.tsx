import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { PreReview, Session } from '../api';
import { api } from '../api';
import { ActionError } from '../components/ActionError';
import { Notice } from '../components/Notice';
import { errorText, fieldErrorText } from '../errors';
import { useI18n } from '../i18n';
import { EvidenceRequests } from './EvidenceRequests';
import { OriginResults } from './OriginResults';
import { formatTime } from './names';

/**
 * One pre-review: the product and its bill, the engine's answer with every test, requests for more
 * material, and the decision. An officer of the office answers per agreement (an answer that differs from
 * the engine's needs a reason); the enterprise may withdraw it until then.
 */
export function PreReviewPage({ id, session }: { id: string; session: Session }) {
  const { t, language } = useI18n();
  const [preReview, setPreReview] = useState<PreReview>();
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState<string>();
  const officer = session.user.roles.includes('customs_officer');
  const applicant = session.user.roles.some(
    (role) => role === 'enterprise_admin' || role === 'enterprise_applicant',
  );

  const load = useCallback(async () => {
    try {
      setPreReview(await api.getPreReview(id));
    } catch (failure) {
      setError(failure);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!preReview)
    return error !== undefined ? (
      <Notice kind="error">{errorText(t, error)}</Notice>
    ) : (
      <p>{t('common.loading')}</p>
    );

  const withdraw = async () => {
    try {
      setPreReview(await api.withdrawPreReview(preReview.id));
      setMessage(t('preReview.withdrawn'));
      setError(undefined);
    } catch (failure) {
      setError(failure);
    }
  };

  const decision = preReview.decision;
  return (
    <>
      <p>
        <a href="#/pre-reviews">{t('preReview.back')}</a>
      </p>
      <h1>
        {t('page.preReview')}: {language === 'en' ? preReview.nameEn : preReview.nameZh || preReview.nameEn}
      </h1>
      <dl className="facts">
        <dt>{t('origin.productHs')}</dt>
        <dd>{preReview.hsCode}</dd>
        <dt>{t('origin.model')}</dt>
        <dd>{preReview.model || '—'}</dd>
        <dt>{t('origin.agreements')}</dt>
        <dd>{preReview.agreements.join(', ')}</dd>
        <dt>{t('preReview.submitted')}</dt>
        <dd>{formatTime(preReview.submittedAt, language)}</dd>
        <dt>{t('common.status')}</dt>
        <dd>
          <strong>{t(`preReview.status.${preReview.status}`)}</strong>
          {preReview.status === 'submitted' && <> · {t('preReview.replyDue', { day: preReview.replyDue })}</>}
        </dd>
        <dt>{t('preReview.id')}</dt>
        <dd>
          <code>{preReview.id}</code>
        </dd>
      </dl>
      {message && <Notice kind="success">{message}</Notice>}
      {error !== undefined && <ActionError error={error} onReload={() => void load()} />}

      {decision && (
        <section className="card wide" aria-labelledby="decision-title">
          <h2 id="decision-title">{t('preReview.decision')}</h2>
          <ul>
            {decision.results.map((result) => (
              <li key={result.agreement}>
                <strong>{result.agreement}</strong>:{' '}
                {result.conforms
                  ? t('preReview.conformsWith', { criterion: result.criterion || '—' })
                  : t('preReview.notConforming')}
                {result.overridden && <> · {t('preReview.overridden')}</>}
              </li>
            ))}
          </ul>
          {decision.reason && <p lang="en">{decision.reason}</p>}
          <p>
            {t('preReview.validity', { from: decision.validFrom, until: decision.validUntil })}
            {!preReview.inForce && <> · {t('preReview.notInForce')}</>}
          </p>
          {applicant && preReview.inForce && <p className="muted">{t('preReview.useHint')}</p>}
        </section>
      )}

      {officer && preReview.status === 'submitted' && (
        <DecisionForm
          preReview={preReview}
          onDecided={(decided) => {
            setPreReview(decided);
            setMessage(t('preReview.decided'));
            setError(undefined);
          }}
        />
      )}
      {applicant && preReview.status === 'submitted' && (
        <p className="buttons">
          <button type="button" className="secondary" onClick={() => void withdraw()}>
            {t('preReview.withdraw')}
          </button>
        </p>
      )}

      <EvidenceRequests
        subject={{ type: 'pre_review', id: preReview.id }}
        mode={officer && preReview.status === 'submitted' ? 'officer' : 'applicant'}
      />
      <h2>{t('preReview.engine', { day: preReview.evaluatedOn })}</h2>
      <OriginResults comparison={preReview.evaluation} />
    </>
  );
}

/** The officer's answer: per agreement, conforms (with the criterion) or not; a reason; the last valid day. */
function DecisionForm({
  preReview,
  onDecided,
}: {
  preReview: PreReview;
  onDecided: (decided: PreReview) => void;
}) {
  const { t } = useI18n();
  const [answers, setAnswers] = useState(
    preReview.evaluation.rows.map((row) => ({
      agreement: row.agreement,
      conforms: row.status === 'MET',
      criterion: row.criterion ?? '',
    })),
  );
  const [reason, setReason] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [error, setError] = useState<unknown>();

  const decide = async (event: FormEvent) => {
    event.preventDefault();
    try {
      onDecided(
        await api.decidePreReview(preReview.id, {
          version: preReview.version,
          results: answers.map((answer) => ({
            agreement: answer.agreement,
            conforms: answer.conforms,
            ...(answer.conforms ? { criterion: answer.criterion } : {}),
          })),
          reason,
          ...(validUntil ? { validUntil } : {}),
        }),
      );
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <form className="card wide" onSubmit={decide} aria-labelledby="decide-title" noValidate>
      <h2 id="decide-title">{t('preReview.decide')}</h2>
      <p className="muted">{t('preReview.decideHint')}</p>
      {answers.map((answer, index) => {
        const set = (changes: Partial<typeof answer>) =>
          setAnswers(
            answers.map((other, position) => (position === index ? { ...other, ...changes } : other)),
          );
        return (
          <fieldset key={answer.agreement} className="entry">
            <legend>{answer.agreement}</legend>
            <label className="choice">
              <input
                type="radio"
                name={`conforms-${answer.agreement}`}
                checked={answer.conforms}
                onChange={() => set({ conforms: true })}
              />{' '}
              {t('preReview.conforms')}
            </label>
            <label className="choice">
              <input
                type="radio"
                name={`conforms-${answer.agreement}`}
                checked={!answer.conforms}
                onChange={() => set({ conforms: false })}
              />{' '}
              {t('preReview.notConforming')}
            </label>
            {answer.conforms && (
              <div className="field">
                <label htmlFor={`criterion-${answer.agreement}`}>
                  {t('origin.criterion')} ({answer.agreement})
                </label>
                <input
                  id={`criterion-${answer.agreement}`}
                  value={answer.criterion}
                  onChange={(event) => set({ criterion: event.target.value.toUpperCase() })}
                />
                {fieldErrorText(t, error, `results.${index}.criterion`) && (
                  <small className="error" role="alert">
                    {fieldErrorText(t, error, `results.${index}.criterion`)}
                  </small>
                )}
              </div>
            )}
          </fieldset>
        );
      })}
      <div className="field">
        <label htmlFor="decision-reason">{t('preReview.reason')}</label>
        <textarea id="decision-reason" value={reason} onChange={(event) => setReason(event.target.value)} />
        {fieldErrorText(t, error, 'reason') && (
          <small className="error" role="alert">
            {fieldErrorText(t, error, 'reason')}
          </small>
        )}
      </div>
      <div className="field">
        <label htmlFor="decision-valid-until">{t('preReview.validUntilLabel')}</label>
        <input
          id="decision-valid-until"
          type="date"
          value={validUntil}
          onChange={(event) => setValidUntil(event.target.value)}
        />
        <small className="hint">{t('preReview.validUntilHint')}</small>
        {fieldErrorText(t, error, 'validUntil') && (
          <small className="error" role="alert">
            {fieldErrorText(t, error, 'validUntil')}
          </small>
        )}
      </div>
      {error !== undefined && <Notice kind="error">{errorText(t, error)}</Notice>}
      <p className="buttons">
        <button type="submit">{t('preReview.record')}</button>
      </p>
    </form>
  );
}
