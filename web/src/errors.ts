import { ApiError } from './api';
import type { MessageKey, Translate } from './i18n';
import { DICTIONARIES } from './i18n';

const isMessageKey = (key: string): key is MessageKey => key in DICTIONARIES.en;

/** A user-facing message for a failed call: translated by error code, else the server's own message. */
export function errorText(t: Translate, error: unknown): string {
  if (!(error instanceof ApiError)) return t('error.network');
  if (error.code === 'LOGIN_THROTTLED' && error.retryAfterSeconds !== null) {
    return t('error.LOGIN_THROTTLED.wait', { minutes: Math.ceil(error.retryAfterSeconds / 60) });
  }
  const key = `error.${error.code}`;
  const text = isMessageKey(key) ? t(key) : error.message;
  return error.requestId ? `${text} ${t('error.reference', { id: error.requestId })}` : text;
}

/** The problems the server found with one field, translated by code, else in the server's words. */
export function fieldErrorText(t: Translate, error: unknown, path: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const texts = error.fieldProblems(path).map((problem) => {
    const key = `fieldError.${problem.code}`;
    return isMessageKey(key) ? t(key) : problem.message;
  });
  return texts.length ? [...new Set(texts)].join(' ') : undefined;
}
