import { useEffect, useState } from 'react';
import type { CertificateType, Localised } from './api';
import { api } from './api';
import type { Language } from './i18n';

// The certificate types change only when an administrator corrects a data file: one request per page load.
let loading: Promise<CertificateType[]> | undefined;

/** The certificate types the authority issues, loaded once and shared by every page. */
export function loadCertificateTypes(): Promise<CertificateType[]> {
  loading ??= api.listCertificateTypes().then(
    (page) => page.items,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The certificate types, once loaded; a failure goes to `onError`. */
export function useCertificateTypes(onError: (error: unknown) => void): CertificateType[] | undefined {
  const [types, setTypes] = useState<CertificateType[]>();
  useEffect(() => {
    loadCertificateTypes().then(setTypes, onError);
  }, [onError]);
  return types;
}

/** Text the data files give in both languages, in the portal's language. */
export const localised = (text: Localised, language: Language): string =>
  language === 'zh-CN' ? text.zh : text.en;
