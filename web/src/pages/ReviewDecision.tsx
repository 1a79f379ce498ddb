import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Application, CancellationCategory, CertificateType, ReturnReason } from '../api';
import { CANCELLATION_CATEGORIES } from '../api';
import { localised } from '../certificate-types';
import { useI18n } from '../i18n';

type Decision = 'approve' | 'return' | 'reject';
const DECISIONS: readonly Decision[] = ['approve', 'return', 'reject'];

/** A set with one entry switched on or off. */
function toggled<T>(set: ReadonlySet<T>, entry: T, on: boolean): Set<T> {
  const next = new Set(set);
  if (on) next.add(entry);
  else next.delete(entry);
  return next;
}

/**
 * The claiming officer's decision: approve (an optional note), return (the boxes at fault, reasons from the
 * catalogue, a note) or reject (reasons and a note). As the server does, a return or refusal without a
 * reason, or with "other", needs the note to say what is wrong.
 */
export function DecisionForm({
  application,
  type,
  reasons,
  working,
  boxes,
  onBoxes,
  onApprove,
  onReturn,
  onReject,
}: {
  application: Application;
  type: CertificateType;
  reasons: ReturnReason[] | undefined;
  working: boolean;
  /** The boxes at fault, held by the page so that the form above marks them as they are ticked. */
  boxes: ReadonlySet<string>;
  onBoxes: (boxes: ReadonlySet<string>) => void;
  onApprove: (note: string | undefined) => void;
  onReturn: (input: { boxes: string[]; reasons: string[]; note: string }) => void;
  onReject: (input: { reasons: string[]; note: string }) => void;
}) {
  const { t, language } = useI18n();
  const [decision, setDecision] = useState<Decision>('approve');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<{ boxes?: string; note?: string }>({});

  const choose = (next: Decision) => {
    setDecision(next);
    setProblems({});
    if (next !== 'return') onBoxes(new Set());
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = note.trim();
    if (decision === 'approve') {
      onApprove(text || undefined);
      return;
    }
    const found: { boxes?: string; note?: string } = {};
    if (decision === 'return' && boxes.size === 0) found.boxes = t('review.boxesRequired');
    if ((chosen.size === 0 || chosen.has('other')) && text === '') found.note = t('review.noteRequired');
    setProblems(found);
    if (found.boxes || found.note) return;
    // Reasons and boxes go in the catalogue's and the form's order, whatever order they were ticked in.
    const reasonCodes = (reasons ?? []).map((reason) => reason.code).filter((code) => chosen.has(code));
    if (decision === 'return')
      onReturn({
        boxes: type.boxes.map((box) => box.number).filter((number) => boxes.has(number)),
        reasons: reasonCodes,
        note: text,
      });
    else onReject({ reasons: reasonCodes, note: text });
  };

  // The authority's own boxes are not the applicant's to correct.
  const correctable = type.boxes.filter((box) => !box.official);

  return (
    <section className="card wide" aria-labelledby="decision-title">
      <h2 id="decision-title" tabIndex={-1}>
        {t('review.decisionTitle')}
      </h2>
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t('review.action')}</legend>
          <div className="choices">
            {DECISIONS.map((option) => (
              <label key={option} className="choice">
                <input
                  type="radio"
                  name={`decision-${application.id}`}
                  value={option}
                  checked={decision === option}
                  onChange={() => choose(option)}
                />
                {t(`review.action.${option}`)}
              </label>
            ))}
          </div>
        </fieldset>

        {decision === 'return' && (
          <fieldset aria-describedby={problems.boxes ? 'boxes-error' : undefined}>
            <legend>{t('review.boxesLegend')}</legend>
            <div className="box-choices">
              {correctable.map((box) => (
                <label key={box.number} className="choice">
                  <input
                    type="checkbox"
                    checked={boxes.has(box.number)}
                    onChange={(event) => onBoxes(toggled(boxes, box.number, event.target.checked))}
                  />
                  <span>
                    <span className="box-number">{box.number}</span> {localised(box.label, language)}
                  </span>
                </label>
              ))}
            </div>
            {problems.boxes && (
              <small id="boxes-error" className="error" role="alert">
                {problems.boxes}
              </small>
            )}
          </fieldset>
        )}

        {decision !== 'approve' && (
          <fieldset>
            <legend>{t('review.reasonsLegend')}</legend>
            {!reasons && <p>{t('common.loading')}</p>}
            <div className="reason-choices">
              {(reasons ?? []).map((reason) => (
                <label key={reason.code} className="choice">
                  <input
                    type="checkbox"
                    checked={chosen.has(reason.code)}
                    onChange={(event) => setChosen(toggled(chosen, reason.code, event.target.checked))}
                  />
                  <span>{language === 'zh-CN' ? reason.zh : reason.en}</span>
                </label>
              ))}
            </div>
          </fieldset>
        )}

        <div className="field">
          <label htmlFor="decision-note">
            {decision === 'approve' ? t('review.noteOptional') : t('review.noteLabel')}
          </label>
          <textarea
            id="decision-note"
            maxLength={2000}
            value={note}
            aria-invalid={problems.note ? true : undefined}
            aria-describedby={
              decision === 'approve' ? undefined : problems.note ? 'note-hint note-error' : 'note-hint'
            }
            onChange={(event) => setNote(event.target.value)}
          />
          {decision !== 'approve' && (
            <small id="note-hint" className="hint">
              {t('review.noteHint')}
            </small>
          )}
          {problems.note && (
            <small id="note-error" className="error" role="alert">
              {problems.note}
            </small>
          )}
        </div>
        <button type="submit" disabled={working}>
          {t(`review.submit.${decision}`)}
        </button>
      </form>
    </section>
  );
}

/** Any officer of the office cancels an issued certificate: a category and the reason, after confirming. */
export function CancelCertificate({
  application,
  working,
  onCancel,
}: {
  application: Application;
  working: boolean;
  onCancel: (input: { category: CancellationCategory; note: string }) => void;
}) {
  const { t } = useI18n();
  const [category, setCategory] = useState<CancellationCategory>('issued_in_error');
  const [note, setNote] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!window.confirm(t('review.confirmCancel', { number: application.certificateNumber ?? '—' }))) return;
    onCancel({ category, note: note.trim() });
  };
  return (
    <section className="card wide" aria-labelledby="cancel-title">
      <h2 id="cancel-title">{t('review.cancelTitle')}</h2>
      <p>{t('review.cancelIntro')}</p>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="cancel-category">{t('review.cancelCategory')}</label>
          <select
            id="cancel-category"
            value={category}
            onChange={(event) => setCategory(event.target.value as CancellationCategory)}
          >
            {CANCELLATION_CATEGORIES.map((option) => (
              <option key={option} value={option}>
                {t(`cancel.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="cancel-note">{t('review.cancelNote')}</label>
          <textarea
            id="cancel-note"
            required
            maxLength={2000}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </div>
        <button type="submit" className="danger" disabled={working || note.trim() === ''}>
          {t('review.cancel')}
        </button>
      </form>
    </section>
  );
}
