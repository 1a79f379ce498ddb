import type { FieldProblem } from './errors.js';
import { checkCertificateEnglish } from './certificate-text.js';
import { isValidResidentId } from './resident-id.js';
import { usccFieldProblem } from './uscc.js';

/** How the enterprise applies: itself in the portal, through an authorised agent, or by message import. */
export const APPLICATION_MODES = ['self', 'agent', 'message_import'] as const;
export type ApplicationMode = (typeof APPLICATION_MODES)[number];

export interface Signatory {
  name: string;
  idNumber: string;
  telephone: string;
}

/** The enterprise basic information an enterprise maintains before applying (GACC Announcement 136/2023). */
export interface EnterpriseProfileData {
  uscc: string;
  customsCode: string;
  nameZh: string;
  nameEn: string;
  addressZh: string;
  addressEn: string;
  divisionCode: string;
  affiliatedOfficeId: string;
  applicationMode: ApplicationMode;
  telephone: string;
  fax: string | null;
  email: string;
  legalRepresentative: string;
  legalRepresentativeTelephone: string;
  contactPerson: string;
  contactTelephone: string;
  signatories: Signatory[];
  applicantCommitment: boolean;
}

/** Synchronisation with the customs side, as the portal names it. */
export const SYNC_STATUSES = ['not_synchronised', 'synchronising', 'synchronised', 'failed'] as const;
export type SyncStatus = (typeof SYNC_STATUSES)[number];

export const ENGLISH_NAME_MAX = 200;
export const ENGLISH_ADDRESS_MAX = 300;

export interface ProfileCheckContext {
  /** The English name the registry holds, when it has one. */
  registeredNameEn: string | null | undefined;
  divisionExists: (code: string) => boolean;
  officeExists: (id: string) => boolean;
}

const PHONE = /^[0-9+\-() ]{5,30}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Every rule of the enterprise record, as coded problems by field. */
export function checkEnterpriseProfile(
  data: EnterpriseProfileData,
  context: ProfileCheckContext,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const required = (path: keyof EnterpriseProfileData, value: string, max = 100) => {
    if (value.trim() === '') problems.push({ path, code: 'required', message: 'Fill this in.' });
    else if (value.length > max)
      problems.push({ path, code: 'too_long', message: `Use at most ${max} characters.` });
  };
  const phone = (path: string, value: string) => {
    if (!PHONE.test(value))
      problems.push({
        path,
        code: 'invalid_phone',
        message: 'Give a telephone number (digits, +, -, spaces).',
      });
  };

  const usccProblem = usccFieldProblem(data.uscc);
  if (usccProblem) problems.push(usccProblem);
  if (!/^[0-9A-Z]{10}$/.test(data.customsCode)) {
    problems.push({
      path: 'customsCode',
      code: 'invalid_customs_code',
      message: 'The customs registration code has 10 characters.',
    });
  }
  required('nameZh', data.nameZh);
  problems.push(...checkCertificateEnglish(data.nameEn, 'nameEn', { maxLength: ENGLISH_NAME_MAX }));
  if (context.registeredNameEn && data.nameEn.trim() !== '' && data.nameEn !== context.registeredNameEn) {
    problems.push({
      path: 'nameEn',
      code: 'differs_from_registry',
      message: `The registry holds the English name "${context.registeredNameEn}"; certificates must carry exactly that name.`,
    });
  }
  required('addressZh', data.addressZh, 200);
  problems.push(...checkCertificateEnglish(data.addressEn, 'addressEn', { maxLength: ENGLISH_ADDRESS_MAX }));
  if (!/^\d{6}$/.test(data.divisionCode) || !context.divisionExists(data.divisionCode)) {
    problems.push({
      path: 'divisionCode',
      code: 'unknown_division',
      message: 'Choose the province, city and county.',
    });
  }
  if (!context.officeExists(data.affiliatedOfficeId)) {
    problems.push({
      path: 'affiliatedOfficeId',
      code: 'unknown_office',
      message: 'Choose the issuing office you belong to.',
    });
  }
  phone('telephone', data.telephone);
  if (data.fax !== null && data.fax !== '') phone('fax', data.fax);
  if (!EMAIL.test(data.email))
    problems.push({ path: 'email', code: 'invalid_email', message: 'Give an e-mail address.' });
  required('legalRepresentative', data.legalRepresentative, 50);
  phone('legalRepresentativeTelephone', data.legalRepresentativeTelephone);
  required('contactPerson', data.contactPerson, 50);
  phone('contactTelephone', data.contactTelephone);
  if (data.signatories.length === 0) {
    problems.push({ path: 'signatories', code: 'required', message: 'Name at least one signatory.' });
  }
  data.signatories.forEach((signatory, index) => {
    if (signatory.name.trim() === '')
      problems.push({ path: `signatories.${index}.name`, code: 'required', message: 'Fill this in.' });
    if (!isValidResidentId(signatory.idNumber)) {
      problems.push({
        path: `signatories.${index}.idNumber`,
        code: 'invalid_id_number',
        message: 'A resident ID number has 18 characters and a check character that matches (GB 11643-1999).',
      });
    }
    phone(`signatories.${index}.telephone`, signatory.telephone);
  });
  if (!data.applicantCommitment) {
    problems.push({
      path: 'applicantCommitment',
      code: 'commitment_required',
      message:
        'Tick the applicant commitment: the information is true and the enterprise is responsible for it.',
    });
  }
  return problems;
}

export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

/** What changed between two versions of the record, field by field (signatories as a whole). */
export function diffEnterpriseProfiles(
  previous: EnterpriseProfileData | undefined,
  next: EnterpriseProfileData,
): FieldChange[] {
  return (Object.keys(next) as Array<keyof EnterpriseProfileData>)
    .filter((field) => JSON.stringify(previous?.[field] ?? null) !== JSON.stringify(next[field]))
    .map((field) => ({ field, old: previous?.[field] ?? null, new: next[field] }));
}

/** Whether the enterprise may apply for certificates now; the reason when not. */
export function applicationReadiness(
  state: { version: number; syncStatus: SyncStatus; syncedVersion: number | null } | undefined,
): { ready: true } | { ready: false; reason: string } {
  if (!state) return { ready: false, reason: 'Maintain the enterprise basic information first.' };
  if (state.syncStatus !== 'synchronised' || state.syncedVersion !== state.version) {
    return {
      ready: false,
      reason:
        'Applying is possible once the enterprise information shows Synchronization Successful for its latest version.',
    };
  }
  return { ready: true };
}
