import { useEffect, useMemo, useState } from 'react';
import type { AgentAuthorisation, Localised, Organisation, Session } from '../api';
import { api } from '../api';
import type { Language } from '../i18n';

export const organisationName = (organisation: Organisation, language: Language): string =>
  language === 'zh-CN' ? organisation.nameZh : organisation.nameEn;

export const formatTime = (iso: string | null, language: Language): string =>
  iso ? new Date(iso).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' }) : '—';

/** The names of the enterprises a user applies for: their own, or (agent staff) their principals'. */
export function useEnterpriseNames(
  session: Session,
  onError: (error: unknown) => void,
): Map<string, Localised> {
  const { organisation } = session.user;
  const [principals, setPrincipals] = useState<AgentAuthorisation[]>([]);
  const isAgency = organisation.kind === 'agency';
  useEffect(() => {
    if (isAgency) api.listPrincipals().then((page) => setPrincipals(page.items), onError);
  }, [isAgency, onError]);
  return useMemo(
    () =>
      isAgency
        ? new Map(principals.map((item) => [item.enterpriseId, item.enterpriseName]))
        : new Map([[organisation.id, { en: organisation.nameEn, zh: organisation.nameZh }]]),
    [isAgency, principals, organisation],
  );
}
