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
 * Requests for more material about an application or a pre-review: the officer asks (questions, the evidence wanted, a
 * deadline) and reads the answers; the applicant attaches documents and answers while a request is open.
 */
export function EvidenceRequests({
  subject,
  mode,
}: {
  subject: EvidenceSubject;
  mode: 'officer' | 'applicant';
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
      {mode === 'officer' && (
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
