import { ApiError } from './api';
import type { MessageKey, Translate } from './i18n';
import { DICTIONARIES } from './i18n';

/** A user-facing message for a failed call: translated by error code, else the server's own message. */
export function errorText(t: Translate, error: unknown): string {
  if (error instanceof ApiError) {
    const key = `error.${error.code}` as MessageKey;
    return key in DICTIONARIES.en ? t(key) : error.message;
  }
  return t('error.network');
}
