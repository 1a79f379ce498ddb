import { useEffect, useState } from 'react';
import type { PreReview, PreReviewStatus, Session } from '../api';
import { api } from '../api';
import { Notice } from '../components/Notice';
import { chinaDay } from '../days';
import { errorText } from '../errors';
import { useI18n } from '../i18n';
import { formatTime } from './names';

/**
 * Product pre-reviews. An enterprise sees its own, newest first, and starts a new one from the origin
 * evaluation; an officer sees the queue of their offices, oldest first, with the day each reply is due.
 */
export function PreReviews({ session }: { session: Session }) {
  const { t, language } = useI18n();
  const officer = session.user.roles.includes('customs_officer');
  const [status, setStatus] = useState<PreReviewStatus | ''>(officer ? 'submitted' : '');
  const [items, setItems] = useState<PreReview[]>();
  const [error, setError] = useState<unknown>();
  const today = chinaDay(0);

  useEffect(() => {
    api.listPreReviews(status ? { status } : {}).then((answer) => {
      setItems(answer.items);
      setError(undefined);
    }, setError);
  }, [status]);

  return (
    <>
      <h1>{t(officer ? 'page.preReviewQueue' : 'page.preReviews')}</h1>
      <p className="muted">{t(officer ? 'preReview.queueIntro' : 'preReview.intro')}</p>
      {!officer && (
        <p className="buttons">
          <a className="button" href="#/origin">
            {t('preReview.new')}
          </a>
        </p>
      )}
      <div className="field">
        <label htmlFor="pre-review-status">{t('common.status')}</label>
        <select
          id="pre-review-status"
          value={status}
          onChange={(event) => setStatus(event.target.value as PreReviewStatus | '')}
        >
          <option value="">{t('preReview.all')}</option>
          {(['submitted', 'decided', 'withdrawn'] as const).map((value) => (
            <option key={value} value={value}>
              {t(`preReview.status.${value}`)}
            </option>
          ))}
        </select>
      </div>
      {error !== undefined && <Notice kind="error">{errorText(t, error)}</Notice>}
      {items?.length === 0 && <p>{t('preReview.none')}</p>}
      {items && items.length > 0 && (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('preReview.product')}</th>
                <th scope="col">{t('origin.productHs')}</th>
                <th scope="col">{t('origin.agreements')}</th>
                <th scope="col">{t('preReview.submitted')}</th>
                <th scope="col">{t('common.status')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td className="name">
                    <a href={`#/pre-reviews/${item.id}`}>
                      {language === 'en' ? item.nameEn : item.nameZh || item.nameEn}
                    </a>
                    {item.model && <div className="muted">{item.model}</div>}
                  </td>
                  <td>{item.hsCode}</td>
                  <td>{item.agreements.join(', ')}</td>
                  <td>
                    {formatTime(item.submittedAt, language)}
                    {item.status === 'submitted' && (
                      <div className={item.replyDue < today ? 'error' : 'muted'}>
                        {t('preReview.replyDue', { day: item.replyDue })}
                      </div>
                    )}
                  </td>
                  <td>
                    {t(`preReview.status.${item.status}`)}
                    {item.decision && (
                      <div className="muted">
                        {item.decision.results
                          .map(
                            (result) =>
                              `${result.agreement}: ${result.conforms ? `${t('preReview.conforms')} ${result.criterion}`.trim() : t('preReview.notConforming')}`,
                          )
                          .join('; ')}
                        <br />
                        {t(item.inForce ? 'preReview.validUntil' : 'preReview.expired', {
                          day: item.decision.validUntil,
                        })}
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
