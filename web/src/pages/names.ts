import type { Organisation } from '../api';
import type { Language } from '../i18n';

export const organisationName = (organisation: Organisation, language: Language): string =>
  language === 'zh-CN' ? organisation.nameZh : organisation.nameEn;

export const formatTime = (iso: string | null, language: Language): string =>
  iso ? new Date(iso).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' }) : '—';
