import { useEffect, useState } from 'react';
import type { ReturnReason } from './api';
import { api } from './api';
import type { Language } from './i18n';

// The catalogue of return reasons is a data file customs maintains: one request per page load.
let loading: Promise<ReturnReason[]> | undefined;

/** The reasons an officer gives for a return or a refusal, loaded once and shared by every page. */
export function loadReturnReasons(): Promise<ReturnReason[]> {
  loading ??= api.listReturnReasons().then(
    (page) => page.items,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The catalogue, once loaded; a failure goes to `onError`. */
export function useReturnReasons(onError: (error: unknown) => void): ReturnReason[] | undefined {
  const [reasons, setReasons] = useState<ReturnReason[]>();
  useEffect(() => {
    loadReturnReasons().then(setReasons, onError);
  }, [onError]);
  return reasons;
}

/** A reason in the portal's language; a code no longer in the catalogue is shown as it is. */
export function reasonText(code: string, reasons: readonly ReturnReason[] | undefined, language: Language) {
  const reason = reasons?.find((entry) => entry.code === code);
  if (!reason) return code;
  return language === 'zh-CN' ? reason.zh : reason.en;
}
