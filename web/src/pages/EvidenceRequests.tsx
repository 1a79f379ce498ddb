import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { EvidenceRequest, EvidenceSubject, SupportingDocumentKind } from '../api';
import { SUPPORTING_DOCUMENT_KINDS, api } from '../api';
import { Notice } from '../components/Notice';
import { chinaDay } from '../days';
import { errorText } from '../errors';
import { useI18n } from '../i18n';
import { formatTime } from './names';

/**
 * Requests for more material about an application, a pre-review or a verification case: the officer asks
 * (questions, the evidence wanted, a deadline), reads the answers and moves a deadline; the applicant
 * attaches documents, answers and asks for more time while a request is open.
 */
export function EvidenceRequests({
  subject,
  mode,
  canAsk = true,
}: {
  subject: EvidenceSubject;
  mode: 'officer' | 'applicant';
  /** Whether an officer may still ask (a concluded case takes no new requests). */
  canAsk?: boolean;
}) {
  const { type, id } = subject;
  const { t, language } = useI18n();
  const [requests, setRequests] = useState<EvidenceRequest[]>();
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState<string>();

  const load = useCallback(async () => {
    try {
      setRequests((await api.listEvidenceRequests({ type, id })).items);
    } catch (failure) {
      setError(failure);
    }
  }, [type, id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (mode === 'applicant' && requests?.length === 0) return null;
  return (
    <section className="card wide" aria-labelledby="evidence-title">
      <h2 id="evidence-title">{t('evidence.title')}</h2>
      {message && <Notice kind="success">{message}</Notice>}
      {error !== undefined && <Notice kind="error">{errorText(t, error)}</Notice>}
      {requests?.map((request) => (
        <EvidenceRequestCard
          key={request.id}
          request={request}
          mode={mode}
          onChanged={async (done) => {
            setMessage(done);
            setError(undefined);
            await load();
          }}
          onError={setError}
          language={language}
        />
      ))}
      {mode === 'officer' && canAsk && (
        <AskForm
          subject={subject}
          onAsked={async () => {
            setMessage(t('evidence.asked'));
            setError(undefined);
            await load();
          }}
          onError={setError}
        />
      )}
    </section>
  );
}

function EvidenceRequestCard({
  request,
  mode,
  onChanged,
  onError,
  language,
}: {
  request: EvidenceRequest;
  mode: 'officer' | 'applicant';
  onChanged: (message: string) => Promise<void>;
  onError: (error: unknown) => void;
  language: 'en' | 'zh-CN';
}) {
  const { t } = useI18n();
  const [kind, setKind] = useState<SupportingDocumentKind>(request.evidenceWanted[0] ?? 'other');
  const [file, setFile] = useState<File | null>(null);
  const [answer, setAnswer] = useState('');
  const [formKey, setFormKey] = useState(0);
  const open = request.status === 'open';

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', file);
    try {
      const document = await api.uploadEvidenceDocument(request.id, form);
      setFile(null);
      setFormKey((previous) => previous + 1);
      await onChanged(t('documents.uploaded', { name: document.fileName }));
    } catch (failure) {
      onError(failure);
    }
  };
  const send = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api.answerEvidenceRequest(request.id, answer);
      setAnswer('');
      await onChanged(t('evidence.answered'));
    } catch (failure) {
      onError(failure);
    }
  };

  return (
    <article className="evidence-request" aria-label={t('evidence.request', { deadline: request.deadline })}>
      <p>
        <strong>{t(`evidence.status.${request.status}`)}</strong>
        {request.overdue && <strong className="badge"> {t('evidence.overdue')}</strong>} ·{' '}
        {t('evidence.deadline', { deadline: request.deadline })} · {formatTime(request.askedAt, language)}
      </p>
      <p className="pre-wrap">{request.questions}</p>
      {request.evidenceWanted.length > 0 && (
        <p>
          {t('evidence.wanted')}{' '}
          {request.evidenceWanted.map((wanted) => t(`documents.kind.${wanted}`)).join(', ')}
        </p>
      )}
      {request.documents.length > 0 && (
        <ul>
          {request.documents.map((document) => (
            <li key={document.id}>
              {t(`documents.kind.${document.kind}`)}:{' '}
              <a href={api.evidenceDocumentUrl(request.id, document.id)} download={document.fileName}>
                {document.fileName}
              </a>
            </li>
          ))}
        </ul>
      )}
      {request.answer && (
        <blockquote className="pre-wrap" aria-label={t('evidence.answer')}>
          {request.answer}
        </blockquote>
      )}
      {(request.remindedAt || request.escalatedAt) && (
        <ul className="muted">
          {request.remindedAt && (
            <li>{t('evidence.reminded', { at: formatTime(request.remindedAt, language) })}</li>
          )}
          {request.escalatedAt && (
            <li>
              <strong>{t('evidence.escalated', { at: formatTime(request.escalatedAt, language) })}</strong>
            </li>
          )}
        </ul>
      )}
      {open && request.extensionRequest && (
        <p data-testid="extension-request">
          {t('evidence.extensionAsked', {
            days: request.extensionRequest.days,
            at: formatTime(request.extensionRequest.at, language),
          })}{' '}
          <q className="pre-wrap">{request.extensionRequest.reason}</q>
        </p>
      )}
      {mode === 'officer' && open && (
        <MoveDeadlineForm request={request} onChanged={onChanged} onError={onError} />
      )}
      {mode === 'applicant' && open && !request.extensionRequest && (
        <MoreTimeForm request={request} onChanged={onChanged} onError={onError} />
      )}
      {mode === 'applicant' && open && (
        <>
          <form key={formKey} onSubmit={upload} className="inline-form">
            <label htmlFor={`evidence-kind-${request.id}`}>{t('documents.kind')}</label>
            <select
              id={`evidence-kind-${request.id}`}
              value={kind}
              onChange={(event) => setKind(event.target.value as SupportingDocumentKind)}
            >
              {SUPPORTING_DOCUMENT_KINDS.map((option) => (
                <option key={option} value={option}>
                  {t(`documents.kind.${option}`)}
                </option>
              ))}
            </select>
            <label htmlFor={`evidence-file-${request.id}`}>{t('documents.file')}</label>
            <input
              id={`evidence-file-${request.id}`}
              type="file"
              accept=".pdf,.jpg,.jpeg,.png,.xlsx"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
            <button type="submit" disabled={!file}>
              {t('evidence.attach')}
            </button>
          </form>
          <form onSubmit={send}>
            <label htmlFor={`evidence-answer-${request.id}`}>{t('evidence.answer')}</label>
            <textarea
              id={`evidence-answer-${request.id}`}
              value={answer}
              onChange={(event) => setAnswer(event.target.value.toUpperCase())}
              rows={3}
            />
            <button type="submit" disabled={answer.trim() === ''}>
              {t('evidence.send')}
            </button>
          </form>
        </>
      )}
    </article>
  );
}

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The applicant asks for more time on an open request: how many days, and why. */
function MoreTimeForm({
  request,
  onChanged,
  onError,
}: {
  request: EvidenceRequest;
  onChanged: (message: string) => Promise<void>;
  onError: (error: unknown) => void;
}) {
  const { t } = useI18n();
  const [days, setDays] = useState('7');
  const [reason, setReason] = useState('');
  const ask = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api.askForMoreTime(request.id, { days: Number(days), reason });
      await onChanged(t('evidence.moreTimeAsked'));
    } catch (failure) {
      onError(failure);
    }
  };
  return (
    <form onSubmit={ask} aria-label={t('evidence.moreTime')}>
      <h3>{t('evidence.moreTime')}</h3>
      <label htmlFor={`more-time-days-${request.id}`}>{t('evidence.moreTimeDays')}</label>
      <input
        id={`more-time-days-${request.id}`}
        type="number"
        min={1}
        max={60}
        value={days}
        onChange={(event) => setDays(event.target.value)}
      />
      <label htmlFor={`more-time-reason-${request.id}`}>{t('evidence.moreTimeReason')}</label>
      <textarea
        id={`more-time-reason-${request.id}`}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        rows={2}
      />
      <button type="submit" className="secondary" disabled={reason.trim() === '' || !(Number(days) > 0)}>
        {t('evidence.moreTime')}
      </button>
    </form>
  );
}

/** The officer moves an open request's deadline: by default as far as the enterprise asked. */
function MoveDeadlineForm({
  request,
  onChanged,
  onError,
}: {
  request: EvidenceRequest;
  onChanged: (message: string) => Promise<void>;
  onError: (error: unknown) => void;
}) {
  const { t } = useI18n();
  const asked = request.extensionRequest?.days;
  const [deadline, setDeadline] = useState(asked ? addDays(request.deadline, asked) : request.deadline);
  const move = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const moved = await api.extendEvidenceRequest(request.id, deadline);
      await onChanged(t('evidence.deadlineMoved', { deadline: moved.deadline }));
    } catch (failure) {
      onError(failure);
    }
  };
  return (
    <form onSubmit={move} className="inline-form" aria-label={t('evidence.moveDeadline')}>
      <label htmlFor={`move-deadline-${request.id}`}>{t('evidence.newDeadline')}</label>
      <input
        id={`move-deadline-${request.id}`}
        type="date"
        value={deadline}
        onChange={(event) => setDeadline(event.target.value)}
      />
      <button type="submit" className="secondary" disabled={deadline === request.deadline}>
        {t('evidence.moveDeadline')}
      </button>
    </form>
  );
}

function AskForm({
  subject,
  onAsked,
  onError,
}: {
  subject: EvidenceSubject;
  onAsked: () => Promise<void>;
  onError: (error: unknown) => void;
}) {
  const { t } = useI18n();
  const [questions, setQuestions] = useState('');
  const [wanted, setWanted] = useState<SupportingDocumentKind[]>([]);
  const [deadline, setDeadline] = useState(chinaDay(7));
  const ask = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api.requestEvidence(subject, { questions, evidenceWanted: wanted, deadline });
      setQuestions('');
      setWanted([]);
      await onAsked();
    } catch (failure) {
      onError(failure);
    }
  };
  return (
    <form onSubmit={ask} aria-label={t('evidence.ask')}>
      <h3>{t('evidence.ask')}</h3>
      <label htmlFor="evidence-questions">{t('evidence.questions')}</label>
      <textarea
        id="evidence-questions"
        value={questions}
        onChange={(event) => setQuestions(event.target.value.toUpperCase())}
        rows={3}
      />
      <fieldset>
        <legend>{t('evidence.wantedLegend')}</legend>
        {SUPPORTING_DOCUMENT_KINDS.map((kind) => (
          <label key={kind} className="inline">
            <input
              type="checkbox"
              checked={wanted.includes(kind)}
              onChange={(event) =>
                setWanted(event.target.checked ? [...wanted, kind] : wanted.filter((entry) => entry !== kind))
              }
            />{' '}
            {t(`documents.kind.${kind}`)}
          </label>
        ))}
      </fieldset>
      <label htmlFor="evidence-deadline">{t('evidence.deadlineLabel')}</label>
      <input
        id="evidence-deadline"
        type="date"
        value={deadline}
        onChange={(event) => setDeadline(event.target.value)}
      />
      <button type="submit" disabled={questions.trim() === ''}>
        {t('evidence.send')}
      </button>
    </form>
  );
}
