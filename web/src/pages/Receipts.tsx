import { useCallback, useEffect, useRef, useState } from 'react';
import type { Receipt, Session } from '../api';
import { RECEIPTS_LIMIT, api } from '../api';
import { Notice } from '../components/Notice';
import { localised } from '../certificate-types';
import { errorText } from '../errors';
import { useI18n } from '../i18n';
import { formatTime, useEnterpriseNames } from './names';

/**
 * The receipts inbox: a receipt for every change of status of the enterprise's applications (an agency's:
 * of the applications it made), newest first, in the reader's language. Unread ones stand out until they
 * are marked read or their application is opened; `onRead` tells the menu's badge.
 */
export function Receipts({ session, onRead }: { session: Session; onRead: () => void }) {
  const { t, language } = useI18n();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [items, setItems] = useState<Receipt[]>();
  const [unread, setUnread] = useState<number>();
  const [marking, setMarking] = useState<string>();
  const [error, setError] = useState<unknown>();
  const enterpriseNames = useEnterpriseNames(session, setError);
  const isAgency = session.user.organisation.kind === 'agency';
  const summary = useRef<HTMLParagraphElement>(null);
  /** The receipt just marked read: focus stays on its row (or, gone from the list, on the count). */
  const refocus = useRef<string>(undefined);

  const load = useCallback(async () => {
    try {
      const inbox = await api.listReceipts(unreadOnly);
      setItems(inbox.items);
      setUnread(inbox.unread);
      setError(undefined);
    } catch (failure) {
      setError(failure);
    }
  }, [unreadOnly]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (!refocus.current) return;
    (document.getElementById(`receipt-${refocus.current}`) ?? summary.current)?.focus();
    refocus.current = undefined;
  }, [items]);

  const markRead = async (receipt: Receipt) => {
    setMarking(receipt.id);
    try {
      await api.markReceiptRead(receipt.id);
      refocus.current = receipt.id;
      await load();
      onRead();
    } catch (failure) {
      setError(failure);
    } finally {
      setMarking(undefined);
    }
  };

  // Opening the application reads its receipt: marked on the way, while the link navigates as links do.
  const opened = (receipt: Receipt) => {
    if (!receipt.readAt)
      api.markReceiptRead(receipt.id).then(onRead, (failure: unknown) => console.error(failure));
  };

  return (
    <section aria-labelledby="receipts-title">
      <h1 id="receipts-title">{t('page.receipts')}</h1>
      <p>{t('receipts.intro')}</p>
      <div className="choices">
        <label className="choice">
          <input
            type="checkbox"
            checked={unreadOnly}
            onChange={(event) => setUnreadOnly(event.target.checked)}
          />
          {t('receipts.unreadOnly')}
        </label>
      </div>
      {unread !== undefined && (
        <p ref={summary} tabIndex={-1} role="status" data-testid="receipts-unread">
          {t('receipts.unread', { count: unread })}
        </p>
      )}
      {error !== undefined && <Notice kind="error">{errorText(t, error)}</Notice>}
      {items && items.length === 0 && <p>{unreadOnly ? t('receipts.noneUnread') : t('receipts.none')}</p>}
      {items && items.length > 0 && (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('receipts.time')}</th>
                <th scope="col">{t('receipts.message')}</th>
                {isAgency && <th scope="col">{t('applications.enterprise')}</th>}
                <th scope="col">{t('common.status')}</th>
                <th scope="col">{t('application.certificateNumber')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((receipt) => {
                const message = localised(receipt.message, language);
                const enterprise = enterpriseNames.get(receipt.enterpriseId);
                return (
                  <tr key={receipt.id} className={receipt.readAt ? undefined : 'unread'}>
                    <td className="nowrap">{formatTime(receipt.createdAt, language)}</td>
                    <td className="message">
                      {!receipt.readAt && (
                        <>
                          <span className="new-label">{t('receipts.new')}</span>{' '}
                        </>
                      )}
                      <a
                        id={`receipt-${receipt.id}`}
                        href={`#/applications/${receipt.applicationId}`}
                        onClick={() => opened(receipt)}
                      >
                        {message}
                      </a>
                    </td>
                    {isAgency && (
                      <td className="name">{enterprise ? localised(enterprise, language) : '—'}</td>
                    )}
                    <td className="nowrap">{t(`applications.status.${receipt.status}`)}</td>
                    <td className="nowrap">{receipt.certificateNumber ?? '—'}</td>
                    <td>
                      {!receipt.readAt && (
                        <button
                          type="button"
                          className="secondary"
                          disabled={marking !== undefined}
                          aria-label={t('receipts.markReadOf', { message })}
                          onClick={() => void markRead(receipt)}
                        >
                          {t('receipts.markRead')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {items && items.length >= RECEIPTS_LIMIT && (
        <p className="muted">{t('receipts.newest', { count: RECEIPTS_LIMIT })}</p>
      )}
    </section>
  );
}
