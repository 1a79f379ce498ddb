import { useEffect, useState } from 'react';
import type { ReturnReason, ReviewDecision, TimelineEvent } from '../api';
import { api } from '../api';
import { Notice } from '../components/Notice';
import { errorText } from '../errors';
import type { Language, MessageKey, Translate } from '../i18n';
import { DICTIONARIES, useI18n } from '../i18n';
import { reasonText } from '../return-reasons';
import { formatTime } from './names';

// What happened to an application: customs' decisions with their reasons, and every recorded step.

const isMessageKey = (key: string): key is MessageKey => key in DICTIONARIES.en;

/** A translation when the dictionary has one, else the text as the server sent it. */
const known = (t: Translate, key: string, fallback: string) => (isMessageKey(key) ? t(key) : fallback);

/** The reasons of a return or refusal, in the portal's language. */
export function ReasonList({ codes, reasons }: { codes: readonly string[]; reasons?: ReturnReason[] }) {
  const { language } = useI18n();
  if (codes.length === 0) return null;
  return (
    <ul className="reasons">
      {codes.map((code) => (
        <li key={code}>{reasonText(code, reasons, language)}</li>
      ))}
    </ul>
  );
}

/** Customs' decisions on an application, oldest first: what, when, the boxes at fault, reasons and note. */
export function Decisions({
  decisions,
  reasons,
}: {
  decisions: readonly ReviewDecision[];
  reasons?: ReturnReason[] | undefined;
}) {
  const { t, language } = useI18n();
  if (decisions.length === 0) return null;
  return (
    <section className="card wide" aria-labelledby="decisions-title">
      <h2 id="decisions-title">{t('decisions.title')}</h2>
      <ol className="decisions">
        {decisions.map((decision) => (
          <li key={decision.id}>
            <p>
              <strong>{t(`decision.${decision.action}`)}</strong> ·{' '}
              <span className="nowrap">{formatTime(decision.decidedAt, language)}</span>
              {decision.automatic && ` · ${t('decision.automatic')}`}
            </p>
            {decision.boxes.length > 0 && (
              <p>
                {t('decision.boxes', {
                  boxes: decision.boxes.map((box) => t('application.box', { number: box })).join(', '),
                })}
              </p>
            )}
            <ReasonList codes={decision.reasons} reasons={reasons} />
            {decision.note && (
              <p className="note">
                <span className="label">{t('decision.note')}:</span> {decision.note}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

const record = (data: unknown): Record<string, unknown> =>
  typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** What an event's data adds, in words: the boxes and reasons of a return, the number of an approval... */
function eventDetail(
  event: TimelineEvent,
  t: Translate,
  reasons: ReturnReason[] | undefined,
  language: Language,
): string {
  const data = record(event.data);
  const reasonTexts = strings(data.reasons).map((code) => reasonText(code, reasons, language));
  switch (event.type) {
    case 'application.created':
      return data.kind && data.kind !== 'original' ? known(t, `certificateKind.${text(data.kind)}`, '') : '';
    case 'application.document_uploaded':
      return known(t, `documents.kind.${text(data.kind)}`, text(data.kind));
    case 'application.replacement_requested':
      return text(data.reason);
    case 'application.document_removed':
      return text(data.fileName);
    case 'application.returned':
      return [
        t('decision.boxes', {
          boxes: strings(data.boxes)
            .map((box) => t('application.box', { number: box }))
            .join(', '),
        }),
        ...reasonTexts,
      ].join(' · ');
    case 'application.rejected':
      return reasonTexts.join(' · ');
    case 'application.approved':
      return [
        t('timeline.number', { number: text(data.certificateNumber) }),
        data.automatic === true ? t('decision.automatic') : '',
        data.retroactive === true ? t('timeline.retroactive') : '',
      ]
        .filter(Boolean)
        .join(' · ');
    case 'application.cancelled':
      return [known(t, `cancel.${text(data.category)}`, text(data.category)), text(data.note)]
        .filter(Boolean)
        .join(': ');
    default:
      return '';
  }
}

/** Every recorded step of an application, oldest first; reloaded when the application changes. */
export function Timeline({
  applicationId,
  version,
  reasons,
}: {
  applicationId: string;
  /** The application's version: a new one (a decision, a resubmission) brings the new steps. */
  version: number;
  reasons?: ReturnReason[] | undefined;
}) {
  const { t, language } = useI18n();
  const [events, setEvents] = useState<TimelineEvent[]>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    api.getApplicationTimeline(applicationId).then((page) => {
      setEvents(page.items);
      setError(undefined);
    }, setError);
  }, [applicationId, version]);

  return (
    <section className="card wide" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      {error !== undefined && <Notice kind="error">{errorText(t, error)}</Notice>}
      {!events && error === undefined && <p>{t('common.loading')}</p>}
      {events?.length === 0 && <p>{t('timeline.none')}</p>}
      {events && events.length > 0 && (
        <ol className="timeline">
          {events.map((event) => {
            const detail = eventDetail(event, t, reasons, language);
            return (
              <li key={event.seq}>
                <span className="muted nowrap">{formatTime(event.at, language)}</span>{' '}
                <strong>{known(t, `event.${event.type}`, event.type)}</strong>
                {/* People are the rule; a step taken by a system client or by Origo itself says so. */}
                {event.actor !== 'user' && (
                  <span className="muted"> ({known(t, `actor.${event.actor}`, event.actor)})</span>
                )}
                {detail && <div className="detail">{detail}</div>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
