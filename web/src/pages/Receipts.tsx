import { useCallback, useEffect, useState } from 'react';
import type { Receipt } from '../api';
import { api } from '../api';
import { Notice } from '../components/Notice';
import { errorText } from '../errors';
import { useI18n } from '../i18n';
import { formatTime } from './names';

/**
 * The receipts inbox: every status change of the enterprise's applications (or of the agency's), newest
 * first, in the reader's language; unread ones stand out until they are marked read or opened.
 */
export function Receipts() {
  const { t, language } = useI18n();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [items, setItems] = useState<Receipt[]>();
  const [unread, setUnread] = useState(0);
  const [error, setError] = useState<unknown>();

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

  const markRead = async (receipt: Receipt) => {
    try {
      await api.markReceiptRead(receipt.id);
      await load();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section className="card wide" aria-labelledby="receipts-title">
      <h1 id="receipts-title">{t('receipts.title')}</h1>
      <p className="muted" data-testid="receipts-unread">
        {t('receipts.unread', { count: unread })}
      </p>
      <label className="inline">
        <input
          type="checkbox"
          checked={unreadOnly}
          onChange={(event) => setUnreadOnly(event.target.checked)}
        />{' '}
        {t('receipts.unreadOnly')}
      </label>
      {error !== undefined && <Notice kind="error">{errorText(t, error)}</Notice>}
      {items && items.length === 0 && <p>{t('receipts.none')}</p>}
      {items && items.length > 0 && (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('receipts.time')}</th>
                <th scope="col">{t('receipts.message')}</th>
                <th scope="col">{t('receipts.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('receipts.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((receipt) => (
                <tr key={receipt.id} className={receipt.readAt ? undefined : 'unread'}>
                  <td className="nowrap">{formatTime(receipt.createdAt, language)}</td>
                  <td>
                    {!receipt.readAt && <strong className="badge">{t('receipts.new')} </strong>}
                    <a
                      href={`#/applications/${receipt.applicationId}`}
                      onClick={() => {
                        if (!receipt.readAt) void api.markReceiptRead(receipt.id);
                      }}
                    >
                      {language === 'zh-CN' ? receipt.message.zh : receipt.message.en}
                    </a>
                  </td>
                  <td className="nowrap">{t(`applications.status.${receipt.status}`)}</td>
                  <td>
                    {!receipt.readAt && (
                      <button
                        type="button"
                        className="secondary"
                        aria-label={t('receipts.markReadLabel', {
                          message: language === 'zh-CN' ? receipt.message.zh : receipt.message.en,
                        })}
                        onClick={() => void markRead(receipt)}
                      >
                        {t('receipts.markRead')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
