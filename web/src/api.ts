// The portal's only way to the server: JSON over fetch, cookie session, CSRF token on every write.

export type Role =
  'enterprise_admin' | 'enterprise_applicant' | 'agent_staff' | 'customs_officer' | 'customs_admin';
export type OrganisationKind = 'authority' | 'office' | 'enterprise' | 'agency';

export interface Organisation {
  id: string;
  kind: OrganisationKind;
  parentId: string | null;
  code: string | null;
  nameEn: string;
  nameZh: string;
  createdAt: string;
}

export interface Session {
  csrfToken: string;
  expiresAt: string;
  user: {
    id: string;
    username: string;
    displayName: string;
    roles: Role[];
    mustChangePassword: boolean;
    organisation: Organisation;
    offices: Organisation[];
  };
}

export interface User {
  id: string;
  orgId: string;
  username: string;
  displayName: string;
  roles: Role[];
  officeIds: string[];
  status: 'active' | 'disabled';
  createdAt: string;
}

export interface ApiKey {
  id: string;
  orgId: string;
  name: string;
  prefix: string;
  roles: Role[];
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface AuditEvent {
  seq: number;
  occurredAt: string;
  type: string;
  actor: {
    kind: string;
    userId: string | null;
    username: string | null;
    orgId: string | null;
    label: string;
  };
  subjectType: string;
  subjectId: string;
  data: unknown;
  hash: string;
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface Job {
  id: string;
  kind: string;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  runAt: string;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

export type SyncStatus = 'not_synchronised' | 'synchronising' | 'synchronised' | 'failed';
export type ApplicationMode = 'self' | 'agent' | 'message_import';

export interface Signatory {
  name: string;
  idNumber: string;
  telephone: string;
}

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

export interface EnterpriseProfile {
  orgId: string;
  maintained: boolean;
  version: number;
  data: EnterpriseProfileData | null;
  sync: {
    status: SyncStatus;
    syncedVersion: number | null;
    error: string | null;
    receipt: string | null;
    updatedAt: string | null;
  };
  mayApply: boolean;
  mayApplyReason: string | null;
}

export interface RegisteredEnterprise {
  uscc: string;
  customsCode: string;
  nameZh: string;
  nameEn: string | null;
  addressZh: string;
  addressEn: string | null;
  divisionCode: string;
  customsDistrict: string;
  legalRepresentative: string;
  telephone: string;
  email: string;
}

export interface ProfileVersion {
  version: number;
  changes: Array<{ field: string; old: unknown; new: unknown }>;
  changedBy: string;
  changedAt: string;
}

export interface Division {
  code: string;
  name: string;
  children?: Division[];
}

export interface AgentAuthorisation {
  id: string;
  enterpriseId: string;
  agencyId: string;
  enterpriseName: { en: string; zh: string };
  agencyName: { en: string; zh: string };
  certificateTypes: string[];
  validFrom: string;
  validUntil: string;
  createdAt: string;
  revokedAt: string | null;
  state: 'active' | 'pending' | 'expired' | 'revoked';
}

export interface Seal {
  id: string;
  orgId: string;
  kind: 'seal' | 'signature';
  shape: 'round' | 'rectangular' | 'oval' | null;
  signatoryName: string | null;
  widthPx: number;
  heightPx: number;
  dpi: number;
  uploadedAt: string;
}

export interface SealAuthorisation {
  id: string;
  sealId: string;
  signatureId: string;
  authorisedAt: string;
}

export interface Localised {
  en: string;
  zh: string;
}

/** Every field an application can hold, by path; `items[]` and `invoices[]` paths apply to each entry. */
export type ApplicationFieldPath =
  | 'destinationCountry'
  | `${'exporter' | 'consignee' | 'producer' | 'thirdPartyInvoicing'}.${'name' | 'address' | 'country'}`
  | `transport.${'departureDate' | 'mode' | 'vesselOrFlight' | 'portOfLoading' | 'portOfDischarge' | 'via'}`
  | `items[].${keyof GoodsItem}`
  | `invoices[].${keyof Invoice}`
  | `backToBack.${keyof BackToBack}`
  | `exhibition.${keyof Exhibition}`
  | 'remarks'
  | 'declaration.place'
  | 'declaration.date'
  | 'commitment';

export interface CertificateBox {
  number: string;
  label: Localised;
  fields: Array<{ path: ApplicationFieldPath; required: boolean; maxLength?: number }>;
  official: boolean;
}

export interface OriginCriterion {
  code: string;
  label: Localised;
  valueContent: boolean;
  supplementary: boolean;
}

/** A certificate type as its data file describes it (only what the portal reads). */
export interface CertificateType {
  code: string;
  names: Localised;
  agreement: { code: string; names: Localised } | null;
  importingCountries: '*' | string[];
  boxes: CertificateBox[];
  items: { max: number; hsDigits: 6 | null };
  originCriteria: OriginCriterion[];
  fobValue: 'never' | 'when_value_content' | 'always';
  consigneePlaceholders: string[];
  producerPlaceholders: string[];
  options: { thirdPartyInvoicing: boolean; backToBack: boolean; exhibition: boolean };
  backToBackOnly: boolean;
  backToBackOriginCountries: '*' | string[];
  supportingDocuments: { required: SupportingDocumentKind[]; maxCount: number };
}

export interface HsEntry {
  code: string;
  description: string;
  level: number;
  parent: string;
}

export const TRANSPORT_MODES = ['SEA', 'AIR', 'RAIL', 'ROAD', 'MULTIMODAL'] as const;
export type TransportMode = (typeof TRANSPORT_MODES)[number];

export interface Party {
  name: string;
  address: string;
  country: string;
}

export interface GoodsItem {
  marks: string;
  packageCount: number | null;
  packageKind: string;
  description: string;
  hsCode: string;
  originCriterion: string;
  originCountry: string;
  quantity: number | null;
  quantityUnit: string;
  fobValue: number | null;
  /** A product pre-review the item rests on (its HS code and criterion). */
  preReviewId: string;
}

export interface Invoice {
  number: string;
  date: string;
}

export interface BackToBack {
  originalNumber: string;
  originalDate: string;
  originalCountry: string;
}

export interface Exhibition {
  name: string;
  place: string;
}

/** What an applicant writes on a certificate application: the whole object is sent on every save. */
export interface ApplicationData {
  destinationCountry: string;
  exporter: Party;
  consignee: Party;
  producer: Party;
  transport: {
    departureDate: string;
    mode: TransportMode | '';
    vesselOrFlight: string;
    portOfLoading: string;
    portOfDischarge: string;
    via: string;
  };
  items: GoodsItem[];
  invoices: Invoice[];
  thirdPartyInvoicing: Party | null;
  backToBack: BackToBack | null;
  exhibition: Exhibition | null;
  remarks: string;
  declaration: { place: string; date: string };
  commitment: boolean;
}

/** Every status of an application and the certificate it becomes (the server's one state table). */
export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'under_review',
  'returned',
  'resubmitted',
  'approved',
  'printed',
  'archived',
  'rejected',
  'withdrawn',
  'amended',
  'reissued',
  'cancelled',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
/** Statuses in which the applicant edits the boxes. */
export const EDITABLE_STATUSES: readonly ApplicationStatus[] = ['draft', 'returned'];
/** Statuses waiting in an office's queue, not yet claimed. */
export const QUEUED_STATUSES: readonly ApplicationStatus[] = ['submitted', 'resubmitted'];
/** Statuses of a certificate in force: it may be amended, reissued or cancelled. */
export const ISSUED_STATUSES: readonly ApplicationStatus[] = ['approved', 'printed', 'archived'];
/** Statuses in which the applicant may still withdraw the application. */
export const WITHDRAWABLE_STATUSES: readonly ApplicationStatus[] = ['submitted', 'resubmitted', 'returned'];

export type ApplicationKind = 'original' | 'amendment' | 'reissue';

export const CHECK_NAMES = [
  'field_rules',
  'enterprise_synchronised',
  'agent_scope',
  'invoice_unique',
  'destination_eligible',
  'retroactive_window',
  'pre_review',
  'stricter_review',
] as const;
export type CheckName = (typeof CHECK_NAMES)[number];
export type CheckOutcome = 'pass' | 'warn' | 'fail' | 'not_applicable';

/** One automated check run at submission, with what it looked at (in English, from the server). */
export interface CheckResult {
  check: CheckName;
  outcome: CheckOutcome;
  evidence: string;
}

/** An officer's (or the automatic) decision: the boxes at fault and the reasons of a return or refusal. */
export interface ReviewDecision {
  id: string;
  applicationId: string;
  action: 'approve' | 'return' | 'reject';
  boxes: string[];
  reasons: string[];
  note: string;
  decidedBy: string;
  automatic: boolean;
  decidedAt: string;
}

/** Wording the issuing authority writes in a box (retroactive issue, replacement, certified true copy). */
export interface Endorsement {
  box: string;
  text: string;
}

/** A reason from the catalogue an officer picks when returning or refusing an application. */
export interface ReturnReason {
  code: string;
  en: string;
  zh: string;
}

export const CANCELLATION_CATEGORIES = [
  'issued_in_error',
  'false_declaration',
  'goods_not_exported',
  'verification_not_confirmed',
  'at_applicant_request',
  'other',
] as const;
export type CancellationCategory = (typeof CANCELLATION_CATEGORIES)[number];

/** A field rule's finding: `path` is a dotted path into the data, such as items.0.hsCode. */
export interface Finding {
  rule: string;
  code: string;
  severity: 'error' | 'warning';
  path: string;
  box: string | null;
  message: Localised;
}

/** Something besides a box that stops a submission. */
export interface Blocker {
  code: 'field_errors' | 'enterprise_not_synchronised' | 'documents_missing';
  message: Localised;
}

export const SUPPORTING_DOCUMENT_KINDS = [
  'invoice',
  'packing_list',
  'cost_sheet',
  'bill_of_lading',
  'contract',
  'other',
] as const;
export type SupportingDocumentKind = (typeof SUPPORTING_DOCUMENT_KINDS)[number];

export interface SupportingDocument {
  id: string;
  applicationId: string;
  kind: SupportingDocumentKind;
  fileSha256: string;
  fileName: string;
  contentType: string;
  size: number;
  uploadedBy: string;
  uploadedAt: string;
}

export interface Application {
  id: string;
  enterpriseId: string;
  officeId: string;
  typeCode: string;
  status: ApplicationStatus;
  data: ApplicationData;
  version: number;
  channel: 'portal' | 'api' | 'message';
  agencyId: string | null;
  copiedFrom: string | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  reviewerId: string | null;
  certificateNumber: string | null;
  approvedAt: string | null;
  /** Whether the approval was automatic (no officer). */
  automatic: boolean | null;
  kind: ApplicationKind;
  /** The certificate an amendment or reissue replaces, and the one that replaced this certificate. */
  replacesId: string | null;
  replacedById: string | null;
  voidReason: string | null;
  /** The automated checks of the last submission (null before it). */
  checks: CheckResult[] | null;
  certificateText: { route: string; packages: string[] };
  decisions: ReviewDecision[];
  endorsements: Endorsement[];
  findings: Finding[];
  blockers: Blocker[];
  submittable: boolean;
  documents: SupportingDocument[];
  /** How often the issued certificate was printed: the first print and the reprints. */
  prints: { count: number; reprints: number; lastPrintedAt: string | null };
}

/** Self-print (the whole form on plain A4) or template print (the data onto the pre-printed form). */
export type PrintMode = 'self' | 'template';

export interface PrinterOffset {
  officeId: string;
  /** Millimetres right (negative: left) and down (negative: up). */
  dx: number;
  dy: number;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** A version of an issuing office's electronic seal: it certifies approvals from `validFrom` on. */
export interface OfficeSeal {
  id: string;
  officeId: string;
  fileSha256: string;
  widthPx: number;
  heightPx: number;
  dpi: number;
  validFrom: string;
  uploadedBy: string;
  uploadedAt: string;
}

/** A version of an officer's signature: in force from its upload on. */
export interface OfficerSignature {
  id: string;
  userId: string;
  fileSha256: string;
  widthPx: number;
  heightPx: number;
  dpi: number;
  uploadedBy: string;
  uploadedAt: string;
}

export interface ApplicationSummary {
  id: string;
  enterpriseId: string;
  typeCode: string;
  status: ApplicationStatus;
  version: number;
  agencyId: string | null;
  destinationCountry: string;
  consigneeName: string;
  invoiceNumbers: string[];
  itemCount: number;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
}

/** A line of an office's review queue. */
export interface QueueItem {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  officeId: string;
  typeCode: string;
  status: ApplicationStatus;
  version: number;
  destinationCountry: string;
  invoiceNumbers: string[];
  itemCount: number;
  submittedAt: string;
  ageHours: number;
  reviewerId: string | null;
  checksFailed: number;
  warnings: number;
}

export interface QueueFilter {
  officeId?: string | undefined;
  typeCode?: string | undefined;
  enterpriseId?: string | undefined;
  minAgeHours?: number | undefined;
  flaggedOnly?: boolean | undefined;
  mine?: boolean | undefined;
}

/** An agreement the origin engine knows. */
export interface OriginAgreement {
  id: string;
  names: Localised;
  kind: 'preferential' | 'non_preferential';
  certificateTypes: string[];
  minimalOperations: Array<{ code: string; label: Localised }>;
}

export type OriginStatus = 'MET' | 'NOT_MET' | 'UNKNOWN';

/** One test of a rule as the engine evaluated it (a leaf, or AND / OR of its operands). */
export interface RuleEvaluation {
  kind: string;
  status: OriginStatus;
  rule: string;
  sentence: string;
  operands?: RuleEvaluation[];
}

export interface OriginAdvice {
  code: string;
  message: string;
}

/** The engine's whole answer for one agreement (src/origin/determine-origin.ts). */
export interface OriginDetermination {
  agreement: { id: string; names: Localised; kind: 'preferential' | 'non_preferential' };
  product: { hsCode: string; name: string };
  date: string;
  status: OriginStatus;
  originating: boolean | null;
  originCountry: string | null;
  summary: string;
  rule: { source: 'product_specific' | 'general' | 'none'; rule: string | null; note: string };
  ruleEvaluation: RuleEvaluation | null;
  criterion: { code: string; text: string; percentage: string | null } | null;
  fobRequired: boolean;
  materials: Array<{
    index: number;
    name: string;
    hsCode: string;
    status: string;
    basis: string;
    value: string;
    nonOriginatingValue: string;
  }>;
  advice: OriginAdvice[];
  problems: string[];
}

export interface OriginComparison {
  date?: string;
  rows: Array<{
    agreement: string;
    status: OriginStatus;
    originCountry: string | null;
    criterion: string | null;
    fobRequired: boolean;
    ruleSource: 'product_specific' | 'general' | 'none';
  }>;
  determinations: OriginDetermination[];
}

export const MATERIAL_ROLES = [
  'material',
  'transport_packing',
  'retail_packing',
  'accessory',
  'indirect',
] as const;
export type MaterialRole = (typeof MATERIAL_ROLES)[number];

/** A bill of materials in the engine's JSON format (docs/origin.md); sub-assemblies kept as they came. */
export interface BillOfMaterials {
  product: {
    hsCode: string;
    names: { zh: string; en: string };
    model: string;
    unit: string;
    exWorksPrice: number;
    fobPrice: number;
    netWeightKg: number;
  };
  currency: string;
  materials: Array<{
    name: string;
    hsCode: string;
    originCountry: string;
    proofOfOrigin?: { party: string; agreements?: string[]; document?: string } | null;
    value: number;
    weightKg?: number | null;
    quantity?: number | null;
    unit?: string;
    role?: MaterialRole;
    deductions?: unknown[];
    subAssembly?: unknown;
  }>;
  processes: Array<{ description: string; minimalOperation?: string | null }>;
  valueAdded?: unknown;
  whollyObtained?: unknown;
}

export type PreReviewStatus = 'submitted' | 'decided' | 'withdrawn';

export interface PreReviewResult {
  agreement: string;
  conforms: boolean;
  criterion: string;
  engine: { status: OriginStatus; criterion: string };
  overridden: boolean;
}

/** A product submitted for advance origin verification, with the engine's answer and the decision. */
export interface PreReview {
  id: string;
  enterpriseId: string;
  officeId: string;
  status: PreReviewStatus;
  hsCode: string;
  nameEn: string;
  nameZh: string;
  model: string;
  agreements: string[];
  bill: BillOfMaterials;
  evaluation: OriginComparison;
  evaluatedOn: string;
  submittedBy: string;
  submittedAt: string;
  decision: {
    results: PreReviewResult[];
    reason: string;
    validFrom: string;
    validUntil: string;
    decidedBy: string;
    decidedAt: string;
  } | null;
  version: number;
  replyDue: string;
  inForce: boolean;
}

const SUBJECT_QUERY = {
  application: 'applicationId',
  pre_review: 'preReviewId',
  verification_case: 'verificationCaseId',
} as const;

/** What customs asks about: an application, a product pre-review or a verification case. */
export interface EvidenceSubject {
  type: 'application' | 'pre_review' | 'verification_case';
  id: string;
}

/** Customs asks the enterprise for more material about an application or a pre-review, and the answer. */
export interface EvidenceRequest {
  id: string;
  subjectType: EvidenceSubject['type'];
  subjectId: string;
  questions: string;
  evidenceWanted: SupportingDocumentKind[];
  deadline: string;
  status: 'open' | 'answered' | 'withdrawn';
  askedAt: string;
  answer: string | null;
  answeredAt: string | null;
  /** When the reminder before the deadline went out, and when the overdue request was escalated. */
  remindedAt: string | null;
  escalatedAt: string | null;
  /** The enterprise's request for more time, until an officer moves the deadline. */
  extensionRequest: { days: number; reason: string; by: string; at: string } | null;
  overdue: boolean;
  documents: Array<{
    id: string;
    kind: SupportingDocumentKind;
    fileName: string;
    size: number;
    uploadedAt: string;
  }>;
}

export type CaseSource = 'foreign_request' | 'risk' | 'sampling';
export type CaseOutcome = 'confirmed' | 'not_confirmed' | 'inconclusive';
export type CaseStatus = 'open' | 'concluded';
export const CASE_OUTCOMES: readonly CaseOutcome[] = ['confirmed', 'not_confirmed', 'inconclusive'];

/** A verification case on issued certificates of one enterprise (DOMAIN.md section 8). */
export interface VerificationCase {
  id: string;
  officeId: string;
  enterpriseId: string;
  source: CaseSource;
  status: CaseStatus;
  outcome: CaseOutcome | null;
  requestingCountry: string;
  requestingAuthority: string;
  foreignReference: string;
  receivedOn: string;
  replyDue: string | null;
  questions: string;
  riskRule: string;
  ownerId: string | null;
  /** The owning officer's display name; null when nobody owns the case. */
  ownerName: string | null;
  findings: string;
  certificates: Array<{ applicationId: string; certificateNumber: string; typeCode: string }>;
  openedBy: string;
  openedAt: string;
  openedOn: string;
  concludedBy: string | null;
  concludedAt: string | null;
  version: number;
}

/** What an officer states to open a case. */
export interface OpenCaseInput {
  source: CaseSource;
  certificateNumbers: string[];
  requestingCountry?: string;
  requestingAuthority?: string;
  foreignReference?: string;
  receivedOn?: string;
  replyDue?: string;
  questions?: string;
  riskRule?: string;
}

export interface CaseQuery {
  status?: CaseStatus | undefined;
  typeCode?: string | undefined;
  enterpriseId?: string | undefined;
  officeId?: string | undefined;
  openedFrom?: string | undefined;
  openedTo?: string | undefined;
}

/** The case list's query: the dashboard's, plus the owner filter and the page. */
export interface CaseListQuery extends CaseQuery {
  /** `unowned`: cases nobody has taken; `mine`: the officer's own. */
  owner?: 'unowned' | 'mine' | undefined;
  beforeOpenedAt?: string | undefined;
  beforeId?: string | undefined;
  limit?: number | undefined;
}

/** A notice to the person logged in (an officer): an overdue request escalated to them. */
export interface Notification {
  id: string;
  subjectType: EvidenceSubject['type'];
  subjectId: string;
  message: Localised;
  createdAt: string;
  readAt: string | null;
}

type OutcomeCounts = { confirmed: number; not_confirmed: number; inconclusive: number };

/** The supervision dashboard over the cases of the caller's offices, narrowed by the query. */
export interface SupervisionDashboard {
  cases: number;
  openByAge: Array<{ bucket: '0-7' | '8-30' | '31-60' | '61+'; count: number }>;
  openByDeadline: Array<{
    bucket: 'overdue' | 'within_7' | 'within_30' | 'later' | 'none';
    count: number;
  }>;
  outcomesByType: Array<{ typeCode: string } & OutcomeCounts>;
  outcomesByEnterprise: Array<{ enterpriseId: string } & OutcomeCounts>;
  overdueRequests: Array<{
    id: string;
    subjectType: EvidenceSubject['type'];
    subjectId: string;
    enterpriseId: string;
    officeId: string;
    deadline: string;
    escalatedAt: string | null;
    questions: string;
  }>;
}

export interface SamplingRate {
  typeCode: string;
  rate: number;
  setBy: string;
  setAt: string;
}

/** The query string of a case list or the dashboard: only the filters given. */
/** How many notifications a page of the list shows. */
const NOTIFICATIONS_PAGE = 50;

function caseQuery(query: CaseListQuery): string {
  const parameters = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) parameters.set(key, String(value));
  return parameters.toString();
}

/** A line of Certificate Query. */
export interface CertificateRow {
  id: string;
  enterpriseId: string;
  typeCode: string;
  kind: ApplicationKind;
  status: ApplicationStatus;
  certificateNumber: string | null;
  destinationCountry: string;
  consigneeName: string;
  invoiceNumbers: string[];
  submittedAt: string | null;
  approvedAt: string | null;
  replacedById: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CertificateFilter {
  certificateNumber?: string | undefined;
  statuses?: readonly ApplicationStatus[] | undefined;
  typeCode?: string | undefined;
  destinationCountry?: string | undefined;
  invoiceNumber?: string | undefined;
  /** Submitted from / until these days (YYYY-MM-DD, China time). */
  from?: string | undefined;
  until?: string | undefined;
}

/** One recorded step of an application (an audit event). */
export interface TimelineEvent {
  seq: number;
  at: string;
  type: string;
  actor: string;
  data: unknown;
}

export interface AutoApprovalSetting {
  typeCode: string;
  autoApprove: boolean;
  updatedBy: string;
  updatedAt: string;
}

/** A receipt of a status change of an application, in the portal inbox of its enterprise (and agency). */
export interface Receipt {
  id: string;
  enterpriseId: string;
  agencyId: string | null;
  applicationId: string;
  status: ApplicationStatus;
  certificateNumber: string | null;
  message: Localised;
  createdAt: string;
  readAt: string | null;
}

/** An officer's figures over their offices (or one of them) and a period of days, China time. */
export interface ReviewStatistics {
  from: string;
  until: string;
  officeIds: string[];
  /** Certificates issued per ISO week ("2026-W10") and type; weeks without any are left out. */
  issuedPerWeek: Array<{ week: string; typeCode: string; count: number }>;
  /** Hours from submission to customs' first decision, the median over the decided applications. */
  medianHoursToDecision: number | null;
  /** Applications with a first decision in the period. */
  decisions: number;
  /** How often each catalogue reason was given in a return, most common first. */
  returnReasons: Array<{ code: string; count: number }>;
}

export interface FieldProblem {
  path: string;
  code: string;
  message: string;
}

/** An error answer from the API, in its one shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[],
    /** From the Retry-After header of a throttled answer (LOGIN_THROTTLED, RATE_LIMITED). */
    readonly retryAfterSeconds: number | null = null,
    /** The server's request id, sent with unexpected failures so that a report can quote it. */
    readonly requestId: string | null = null,
    /** A refused submission: every finding and what else stands in its way. */
    readonly assessment: { findings: Finding[]; blockers: Blocker[] } | null = null,
  ) {
    super(message);
  }

  /** The problems with one field (or with items inside it) that the server named. */
  fieldProblems(path: string): FieldProblem[] {
    return this.fields.filter((field) => field.path === path || field.path.startsWith(`${path}.`));
  }

  /** The server's own message for one field: its first problem. */
  fieldMessage(path: string): string | undefined {
    return this.fieldProblems(path)[0]?.message;
  }
}

let csrfToken: string | undefined;

export function rememberCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

let onSessionChanged: () => void = () => undefined;

/**
 * Called when an answer shows the session is no longer the one the page holds: UNAUTHENTICATED (expired,
 * ended elsewhere) or CSRF_TOKEN_INVALID (another tab logged in anew). The listener reloads the session.
 */
export function whenSessionChanges(listener: () => void): void {
  onSessionChanged = listener;
}

async function send<T>(url: string, init: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, credentials: 'same-origin' });
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (payload ?? {}) as {
      code?: string;
      message?: string;
      fields?: FieldProblem[];
      requestId?: string;
      findings?: Finding[];
      blockers?: Blocker[];
    };
    const retryAfter = Number(response.headers.get('retry-after'));
    const failure = new ApiError(
      response.status,
      error.code ?? 'INTERNAL_ERROR',
      error.message ?? response.statusText,
      error.fields ?? [],
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
      response.status >= 500 ? (error.requestId ?? null) : null,
      error.findings || error.blockers
        ? { findings: error.findings ?? [], blockers: error.blockers ?? [] }
        : null,
    );
    const stale = failure.code === 'UNAUTHENTICATED' || failure.code === 'CSRF_TOKEN_INVALID';
    if (stale && url !== '/api/session') onSessionChanged();
    throw failure;
  }
  return payload as T;
}

function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  return send<T>(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Certificate Query's filters as a query string (the list and the CSV export take the same). */
function certificateQuery(filter: CertificateFilter): URLSearchParams {
  const query = new URLSearchParams();
  const { statuses, ...rest } = filter;
  for (const [key, value] of Object.entries(rest)) if (value) query.set(key, value);
  for (const status of statuses ?? []) query.append('status', status);
  return query;
}

/** A multipart upload (the browser sets the boundary), with the same error handling as JSON calls. */
function upload<T>(url: string, form: FormData): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  return send<T>(url, { method: 'POST', body: form, headers });
}

/** A PDF from the API, or the API's error as an ApiError. */
async function fetchPdf(url: string): Promise<{ blob: Blob; fileName: string; reprint: boolean }> {
  const response = await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/pdf' } });
  // Errors come as JSON: let send() turn them into an ApiError.
  if (!response.ok) return send(url, { method: 'GET', headers: { accept: 'application/json' } });
  const disposition = response.headers.get('content-disposition') ?? '';
  const fileName = decodeURIComponent(/filename="([^"]+)"/.exec(disposition)?.[1] ?? 'certificate.pdf');
  return {
    blob: await response.blob(),
    fileName,
    reprint: response.headers.get('x-origo-reprint') === 'true',
  };
}

/** How many receipts the inbox shows: the newest. */
export const RECEIPTS_LIMIT = 50;

export const api = {
  importBillOfMaterials: (form: FormData) =>
    upload<{ format: 'xlsx' | 'csv' | 'json'; bill: BillOfMaterials }>(
      '/api/origin/bills-of-materials/import',
      form,
    ),
  listOriginAgreements: () => request<{ items: OriginAgreement[] }>('GET', '/api/origin/agreements'),
  evaluateOrigin: (bill: BillOfMaterials, agreements: string[]) =>
    request<OriginComparison>('POST', '/api/origin/evaluations', { bill, agreements }),
  submitPreReview: (bill: BillOfMaterials, agreements: string[]) =>
    request<PreReview>('POST', '/api/pre-reviews', { bill, agreements }),
  listPreReviews: (query: { status?: PreReviewStatus; usableFor?: string } = {}) => {
    const params = new URLSearchParams();
    if (query.status) params.set('status', query.status);
    if (query.usableFor) params.set('usableFor', query.usableFor);
    return request<{ items: PreReview[] }>('GET', `/api/pre-reviews?${params.toString()}`);
  },
  getPreReview: (id: string) => request<PreReview>('GET', `/api/pre-reviews/${id}`),
  decidePreReview: (
    id: string,
    input: {
      version: number;
      results: Array<{ agreement: string; conforms: boolean; criterion?: string }>;
      reason: string;
      validUntil?: string;
    },
  ) => request<PreReview>('POST', `/api/pre-reviews/${id}/decision`, input),
  withdrawPreReview: (id: string) => request<PreReview>('POST', `/api/pre-reviews/${id}/withdraw`),
  listEvidenceRequests: (subject: EvidenceSubject) =>
    request<{ items: EvidenceRequest[] }>(
      'GET',
      `/api/evidence-requests?${SUBJECT_QUERY[subject.type]}=${subject.id}`,
    ),
  requestEvidence: (
    subject: EvidenceSubject,
    input: { questions: string; evidenceWanted: SupportingDocumentKind[]; deadline: string },
  ) =>
    request<EvidenceRequest>('POST', '/api/evidence-requests', {
      subjectType: subject.type,
      subjectId: subject.id,
      ...input,
    }),
  uploadEvidenceDocument: (requestId: string, form: FormData) =>
    upload<{ id: string; fileName: string }>(`/api/evidence-requests/${requestId}/documents`, form),
  answerEvidenceRequest: (requestId: string, answer: string) =>
    request<EvidenceRequest>('POST', `/api/evidence-requests/${requestId}/answer`, { answer }),
  /** Every request the caller may see (an enterprise: its own), optionally only the open ones. */
  listAllEvidenceRequests: (status?: EvidenceRequest['status']) =>
    request<{ items: EvidenceRequest[] }>(
      'GET',
      `/api/evidence-requests${status ? `?status=${status}` : ''}`,
    ),
  askForMoreTime: (requestId: string, input: { days: number; reason: string }) =>
    request<EvidenceRequest>('POST', `/api/evidence-requests/${requestId}/more-time`, input),
  extendEvidenceRequest: (requestId: string, deadline: string) =>
    request<EvidenceRequest>('POST', `/api/evidence-requests/${requestId}/deadline`, { deadline }),
  openVerificationCase: (input: OpenCaseInput) =>
    request<VerificationCase>('POST', '/api/verification-cases', input),
  listVerificationCases: (query: CaseListQuery = {}) =>
    request<{ items: VerificationCase[]; next: { openedAt: string; id: string } | null }>(
      'GET',
      `/api/verification-cases?${caseQuery(query)}`,
    ),
  takeVerificationCase: (id: string, expectedVersion: number) =>
    request<VerificationCase>('POST', `/api/verification-cases/${id}/take`, { expectedVersion }),
  listNotifications: (before?: { createdAt: string; id: string }) =>
    request<{
      items: Notification[];
      unread: number;
      next: { createdAt: string; id: string } | null;
    }>(
      'GET',
      `/api/notifications?limit=${NOTIFICATIONS_PAGE}${
        before ? `&beforeCreatedAt=${encodeURIComponent(before.createdAt)}&beforeId=${before.id}` : ''
      }`,
    ),
  markNotificationRead: (id: string) => request<void>('POST', `/api/notifications/${id}/read`),
  getVerificationCase: (id: string) => request<VerificationCase>('GET', `/api/verification-cases/${id}`),
  concludeVerificationCase: (
    id: string,
    input: { expectedVersion: number; outcome: CaseOutcome; findings: string; stricterReviewDays?: number },
  ) => request<VerificationCase>('POST', `/api/verification-cases/${id}/conclusion`, input),
  replyLetterUrl: (id: string) => `/api/verification-cases/${id}/reply-letter.pdf`,
  getSupervisionDashboard: (query: CaseQuery = {}) =>
    request<SupervisionDashboard>('GET', `/api/supervision/dashboard?${caseQuery(query)}`),
  listSamplingRates: () => request<{ items: SamplingRate[] }>('GET', '/api/verification/sampling-rates'),
  setSamplingRate: (typeCode: string, rate: number) =>
    request<{ typeCode: string; rate: number }>(
      'PUT',
      `/api/verification/sampling-rates/${encodeURIComponent(typeCode)}`,
      { rate },
    ),
  evidenceDocumentUrl: (requestId: string, documentId: string) =>
    `/api/evidence-requests/${requestId}/documents/${documentId}`,
  login: (username: string, password: string) =>
    request<Session>('POST', '/api/session', { username, password }),
  getSession: () => request<Session>('GET', '/api/session'),
  logout: () => request<void>('DELETE', '/api/session'),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<void>('POST', '/api/account/password', { currentPassword, newPassword }),
  listOrganisations: (kind?: OrganisationKind) =>
    request<{ items: Organisation[] }>('GET', `/api/organisations${kind ? `?kind=${kind}` : ''}`),
  createOrganisation: (input: {
    kind: OrganisationKind;
    parentId: string | null;
    code: string | null;
    nameEn: string;
    nameZh: string;
  }) => request<Organisation>('POST', '/api/organisations', input),
  listUsers: (orgId: string) => request<{ items: User[] }>('GET', `/api/organisations/${orgId}/users`),
  createUser: (
    orgId: string,
    input: { username: string; displayName: string; password: string; roles: Role[]; officeIds?: string[] },
  ) => request<User>('POST', `/api/organisations/${orgId}/users`, input),
  setUserStatus: (userId: string, status: User['status']) =>
    request<User>('POST', `/api/users/${userId}/status`, { status }),
  listApiKeys: (orgId: string) => request<{ items: ApiKey[] }>('GET', `/api/organisations/${orgId}/api-keys`),
  createApiKey: (orgId: string, name: string) =>
    request<{ apiKey: ApiKey; secret: string }>('POST', `/api/organisations/${orgId}/api-keys`, { name }),
  revokeApiKey: (id: string) => request<ApiKey>('POST', `/api/api-keys/${id}/revoke`),
  listAuditEvents: (before?: number) =>
    request<{ items: AuditEvent[]; nextBefore: number | null }>(
      'GET',
      `/api/audit-events?limit=50${before ? `&before=${before}` : ''}`,
    ),
  verifyAuditTrail: () =>
    request<{ intact: boolean; checked: number; problems: Array<{ seq: number; reason: string }> }>(
      'POST',
      '/api/audit-events/verify',
    ),
  listJobs: (status?: JobStatus) =>
    request<{ items: Job[] }>('GET', `/api/jobs${status ? `?status=${status}` : ''}`),
  retryJob: (id: string) => request<Job>('POST', `/api/jobs/${id}/retry`),
  lookupRegisteredEnterprise: (uscc: string) =>
    request<{ registered: RegisteredEnterprise; affiliatedOfficeId: string | null }>(
      'GET',
      `/api/enterprise-registry/${encodeURIComponent(uscc)}`,
    ),
  getEnterpriseProfile: (orgId: string) =>
    request<EnterpriseProfile>('GET', `/api/enterprises/${orgId}/profile`),
  saveEnterpriseProfile: (orgId: string, expectedVersion: number, data: EnterpriseProfileData) =>
    request<EnterpriseProfile>('PUT', `/api/enterprises/${orgId}/profile`, { expectedVersion, data }),
  retryEnterpriseSync: (orgId: string) =>
    request<EnterpriseProfile>('POST', `/api/enterprises/${orgId}/profile/sync`),
  listEnterpriseProfileHistory: (orgId: string) =>
    request<{ items: ProfileVersion[] }>('GET', `/api/enterprises/${orgId}/profile/history`),
  listAgentAuthorisations: (enterpriseId: string) =>
    request<{ items: AgentAuthorisation[] }>('GET', `/api/enterprises/${enterpriseId}/agents`),
  authoriseAgent: (
    enterpriseId: string,
    input: { agencyId: string; certificateTypes: string[]; validFrom: string; validUntil: string },
  ) => request<AgentAuthorisation>('POST', `/api/enterprises/${enterpriseId}/agents`, input),
  revokeAgent: (id: string) => request<AgentAuthorisation>('POST', `/api/agent-authorisations/${id}/revoke`),
  listPrincipals: () => request<{ items: AgentAuthorisation[] }>('GET', '/api/agency/principals'),
  listSeals: (orgId: string) =>
    request<{ items: Seal[]; authorisation: SealAuthorisation | null }>(
      'GET',
      `/api/enterprises/${orgId}/seals`,
    ),
  uploadSeal: (orgId: string, form: FormData) => upload<Seal>(`/api/enterprises/${orgId}/seals`, form),
  authoriseSeal: (orgId: string, sealId: string, signatureId: string) =>
    request<SealAuthorisation>('POST', `/api/enterprises/${orgId}/seal-authorisation`, {
      sealId,
      signatureId,
    }),
  listCertificateTypes: () => request<{ items: CertificateType[] }>('GET', '/api/certificate-types'),
  searchHsCodes: (query: string, limit = 20) =>
    request<{ items: HsEntry[] }>('GET', `/api/hs-codes?q=${encodeURIComponent(query)}&limit=${limit}`),
  listApplications: (filter: { status?: ApplicationStatus; before?: { updatedAt: string; id: string } }) => {
    const query = new URLSearchParams({ limit: '50' });
    if (filter.status) query.set('status', filter.status);
    if (filter.before) {
      query.set('beforeUpdatedAt', filter.before.updatedAt);
      query.set('beforeId', filter.before.id);
    }
    return request<{ items: ApplicationSummary[]; next: { updatedAt: string; id: string } | null }>(
      'GET',
      `/api/applications?${query.toString()}`,
    );
  },
  createApplication: (input: {
    enterpriseId: string;
    typeCode: string;
    data?: Partial<ApplicationData>;
    copyFrom?: string;
  }) => request<Application>('POST', '/api/applications', input),
  getApplication: (id: string) => request<Application>('GET', `/api/applications/${id}`),
  saveApplication: (id: string, expectedVersion: number, data: ApplicationData) =>
    request<Application>('PUT', `/api/applications/${id}`, { expectedVersion, data }),
  validateApplication: (id: string) =>
    request<{ findings: Finding[]; blockers: Blocker[]; submittable: boolean }>(
      'GET',
      `/api/applications/${id}/validation`,
    ),
  submitApplication: (id: string, expectedVersion: number) =>
    request<Application>('POST', `/api/applications/${id}/submit`, { expectedVersion }),
  uploadSupportingDocument: (id: string, form: FormData) =>
    upload<SupportingDocument>(`/api/applications/${id}/documents`, form),
  removeSupportingDocument: (applicationId: string, documentId: string) =>
    request<void>('DELETE', `/api/applications/${applicationId}/documents/${documentId}`),
  supportingDocumentUrl: (applicationId: string, documentId: string) =>
    `/api/applications/${applicationId}/documents/${documentId}`,
  listAdministrativeDivisions: () =>
    request<{ items: Division[] }>('GET', '/api/reference/administrative-divisions'),
  withdrawApplication: (id: string, expectedVersion: number) =>
    request<Application>('POST', `/api/applications/${id}/withdraw`, { expectedVersion }),
  getApplicationTimeline: (id: string) =>
    request<{ items: TimelineEvent[] }>('GET', `/api/applications/${id}/timeline`),
  listReviewQueue: (filter: QueueFilter, after?: { submittedAt: string; id: string }) => {
    const query = new URLSearchParams({ limit: '50' });
    if (filter.officeId) query.set('officeId', filter.officeId);
    if (filter.typeCode) query.set('typeCode', filter.typeCode);
    if (filter.enterpriseId) query.set('enterpriseId', filter.enterpriseId);
    if (filter.minAgeHours !== undefined) query.set('minAgeHours', String(filter.minAgeHours));
    if (filter.flaggedOnly) query.set('flaggedOnly', 'true');
    if (filter.mine) query.set('mine', 'true');
    if (after) {
      query.set('afterSubmittedAt', after.submittedAt);
      query.set('afterId', after.id);
    }
    return request<{ items: QueueItem[]; next: { submittedAt: string; id: string } | null }>(
      'GET',
      `/api/review/queue?${query.toString()}`,
    );
  },
  listReturnReasons: () => request<{ items: ReturnReason[] }>('GET', '/api/review/return-reasons'),
  listOfficeOfficers: (officeId: string) =>
    request<{ items: Array<{ id: string; username: string; displayName: string }> }>(
      'GET',
      `/api/offices/${officeId}/officers`,
    ),
  assignApplication: (id: string, expectedVersion: number, officerId: string) =>
    request<Application>('POST', `/api/applications/${id}/assign`, { expectedVersion, officerId }),
  claimApplication: (id: string, expectedVersion: number) =>
    request<Application>('POST', `/api/applications/${id}/claim`, { expectedVersion }),
  approveApplication: (id: string, expectedVersion: number, note?: string) =>
    request<Application>('POST', `/api/applications/${id}/approve`, {
      expectedVersion,
      ...(note ? { note } : {}),
    }),
  returnApplication: (
    id: string,
    input: { expectedVersion: number; boxes: string[]; reasons: string[]; note: string },
  ) => request<Application>('POST', `/api/applications/${id}/return`, input),
  rejectApplication: (id: string, input: { expectedVersion: number; reasons: string[]; note: string }) =>
    request<Application>('POST', `/api/applications/${id}/reject`, input),
  requestAmendment: (certificateId: string, reason: string) =>
    request<Application>('POST', `/api/certificates/${certificateId}/amendment`, { reason }),
  requestReissue: (certificateId: string, reason: string) =>
    request<Application>('POST', `/api/certificates/${certificateId}/reissue`, { reason }),
  cancelCertificate: (
    certificateId: string,
    input: { expectedVersion: number; category: CancellationCategory; note: string },
  ) => request<Application>('POST', `/api/certificates/${certificateId}/cancel`, input),
  queryCertificates: (filter: CertificateFilter, before?: { createdAt: string; id: string }) => {
    const query = certificateQuery(filter);
    query.set('limit', '50');
    if (before) {
      query.set('beforeCreatedAt', before.createdAt);
      query.set('beforeId', before.id);
    }
    return request<{ items: CertificateRow[]; next: { createdAt: string; id: string } | null }>(
      'GET',
      `/api/certificates?${query.toString()}`,
    );
  },
  certificateExportUrl: (filter: CertificateFilter) => {
    const query = certificateQuery(filter).toString();
    return `/api/certificates/export.csv${query ? `?${query}` : ''}`;
  },
  /** Renders the certificate (the first time it moves to printed; later renders are counted reprints). */
  renderCertificatePdf: (id: string, mode: PrintMode) =>
    fetchPdf(`/api/applications/${id}/certificate.pdf?mode=${mode}`),
  confirmPrint: (id: string, expectedVersion: number) =>
    request<Application>('POST', `/api/applications/${id}/confirm-print`, { expectedVersion }),
  getPrinterOffset: (officeId: string) =>
    request<PrinterOffset>('GET', `/api/offices/${officeId}/printer-offset`),
  setPrinterOffset: (officeId: string, dx: number, dy: number) =>
    request<PrinterOffset>('PUT', `/api/offices/${officeId}/printer-offset`, { dx, dy }),
  printerTestPageUrl: (officeId: string, typeCode: string) =>
    `/api/offices/${officeId}/printer-test-page.pdf?type=${encodeURIComponent(typeCode)}`,
  getOfficeSeal: (officeId: string) =>
    request<{ current: OfficeSeal | null; versions: OfficeSeal[] }>('GET', `/api/offices/${officeId}/seal`),
  /** `form`: `validFrom` (optional ISO instant) first, then `file`. */
  uploadOfficeSeal: (officeId: string, form: FormData) =>
    upload<OfficeSeal>(`/api/offices/${officeId}/seal`, form),
  officeSealImageUrl: (sealId: string) => `/api/office-seals/${sealId}/image`,
  getOfficerSignature: (userId: string) =>
    request<{ current: OfficerSignature | null; versions: OfficerSignature[] }>(
      'GET',
      `/api/users/${userId}/signature`,
    ),
  uploadOfficerSignature: (userId: string, form: FormData) =>
    upload<OfficerSignature>(`/api/users/${userId}/signature`, form),
  officerSignatureImageUrl: (signatureId: string) => `/api/officer-signatures/${signatureId}/image`,
  listAutoApproval: (officeId: string) =>
    request<{ items: AutoApprovalSetting[] }>('GET', `/api/offices/${officeId}/auto-approval`),
  setAutoApproval: (officeId: string, typeCode: string, autoApprove: boolean) =>
    request<AutoApprovalSetting>(
      'PUT',
      `/api/offices/${officeId}/auto-approval/${encodeURIComponent(typeCode)}`,
      { autoApprove },
    ),
  listReceipts: (unreadOnly: boolean) =>
    request<{ items: Receipt[]; unread: number }>(
      'GET',
      `/api/inbox?unreadOnly=${unreadOnly}&limit=${RECEIPTS_LIMIT}`,
    ),
  /** The number of unread receipts, for the menu: the inbox answers it with any page. */
  countUnreadReceipts: () =>
    request<{ items: Receipt[]; unread: number }>('GET', '/api/inbox?unreadOnly=true&limit=1').then(
      (inbox) => inbox.unread,
    ),
  markReceiptRead: (id: string) => request<void>('POST', `/api/inbox/${id}/read`),
  getReviewStatistics: (query: { officeId?: string | undefined; from: string; until: string }) => {
    const parameters = new URLSearchParams({ from: query.from, until: query.until });
    if (query.officeId) parameters.set('officeId', query.officeId);
    return request<ReviewStatistics>('GET', `/api/review/statistics?${parameters.toString()}`);
  },
};
