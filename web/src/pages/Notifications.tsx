import { useCallback, useEffect, useState } from 'react';
import type { Notification } from '../api';
import { api } from '../api';
import { Notice } from '../components/Notice';
import { localised } from '../certificate-types';
import { errorText } from '../errors';
import { useI18n } from '../i18n';
import { formatTime } from './names';

/** Where a notification leads: the case, the application under review, the pre-review. */
function linkOf(notification: Notification): string {
  if (notification.subjectType === 'verification_case')
    return `#/verification-cases/${notification.subjectId}`;
  if (notification.subjectType === 'pre_review') return `#/pre-reviews/${notification.subjectId}`;
  return `#/review/${notification.subjectId}`;
}

/**
 * An officer's notifications, newest first: requests for evidence that went unanswered past their deadline,
 * escalated to the case's owner or to the office. Unread ones stand out until marked read or opened.
 */
export function Notifications() {
  const { t, language } = useI18n();
  const [items, setItems] = useState<Notification[]>();
  const [unread, setUnread] = useState<number>();
  const [next, setNext] = useState<{ createdAt: string; id: string } | null>(null);
  const [error, setError] = useState<unknown>();

  const load = useCallback(async () => {
    try {
      const page = await api.listNotifications();
      setItems(page.items);
      setUnread(page.unread);
      setNext(page.next);
      setError(undefined);
    } catch (failure) {
      setError(failure);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const more = async () => {
    if (!next) return;
    try {
      const page = await api.listNotifications(next);
      setItems((shown) => [...(shown ?? []), ...page.items]);
      setNext(page.next);
    } catch (failure) {
      setError(failure);
    }
  };
  const markRead = async (notification: Notification) => {
    try {
      await api.markNotificationRead(notification.id);
      const at = new Date().toISOString();
      setItems((shown) =>
        shown?.map((other) => (other.id === notification.id ? { ...other, readAt: at } : other)),
      );
      setUnread((count) => (count === undefined ? count : Math.max(0, count - 1)));
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section aria-labelledby="notifications-title">
      <h1 id="notifications-title">{t('page.notifications')}</h1>
      <p>{t('notifications.intro')}</p>
      {unread !== undefined && (
        <p role="status" data-testid="notifications-unread">
          {t('receipts.unread', { count: unread })}
        </p>
      )}
      {error !== undefined && <Notice kind="error">{errorText(t, error)}</Notice>}
      {!items && error === undefined && <p>{t('common.loading')}</p>}
      {items?.length === 0 && <p>{t('notifications.none')}</p>}
      {items && items.length > 0 && (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('receipts.time')}</th>
                <th scope="col">{t('notifications.message')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((notification) => (
                <tr key={notification.id} className={notification.readAt ? undefined : 'unread'}>
                  <td className="nowrap">{formatTime(notification.createdAt, language)}</td>
                  <td className="message">
                    {!notification.readAt && (
                      <>
                        <span className="new-label">{t('receipts.new')}</span>{' '}
                      </>
                    )}
                    <a
                      href={linkOf(notification)}
                      onClick={() => {
                        if (!notification.readAt)
                          api
                            .markNotificationRead(notification.id)
                            .catch((failure: unknown) => console.error(failure));
                      }}
                    >
                      {localised(notification.message, language)}
                    </a>
                  </td>
                  <td>
                    {!notification.readAt && (
                      <button type="button" className="secondary" onClick={() => void markRead(notification)}>
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
      {next && (
        <p className="buttons">
          <button type="button" className="secondary" onClick={() => void more()}>
            {t('cases.more')}
          </button>
        </p>
      )}
    </section>
  );
}
