/** Kysely table types: the shape of the rows as both databases store them (text times, 0/1 flags). */
export interface OrganisationsTable {
  id: string;
  kind: string;
  parent_id: string | null;
  code: string | null;
  name_en: string;
  name_zh: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  org_id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: string;
  status: string;
  must_change_password: number;
  created_at: string;
  updated_at: string;
  password_changed_at: string;
}

export interface OfficeMembershipsTable {
  user_id: string;
  office_id: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  client_address: string | null;
  user_agent: string | null;
}

export interface ApiKeysTable {
  id: string;
  org_id: string;
  name: string;
  prefix: string;
  secret_hash: string;
  roles: string;
  created_by_user_id: string | null;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_started_at: string;
  locked_until: string | null;
}

export interface AuditEventsTable {
  seq: number;
  occurred_at: string;
  actor_kind: string;
  actor_user_id: string | null;
  actor_org_id: string | null;
  actor_label: string;
  type: string;
  subject_type: string;
  subject_id: string;
  data: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface JobsTable {
  id: string;
  kind: string;
  payload: string;
  status: string;
  attempts: number;
  max_attempts: number;
  run_at: string;
  locked_until: string | null;
  locked_by: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface EnterpriseProfilesTable {
  org_id: string;
  version: number;
  data: string;
  sync_status: string;
  synced_version: number | null;
  sync_error: string | null;
  sync_receipt: string | null;
  sync_updated_at: string;
  updated_at: string;
}

export interface EnterpriseProfileVersionsTable {
  org_id: string;
  version: number;
  data: string;
  changes: string;
  changed_by_user_id: string | null;
  changed_by_label: string;
  changed_at: string;
}

export interface AgentAuthorisationsTable {
  id: string;
  enterprise_id: string;
  agency_id: string;
  certificate_types: string;
  valid_from: string;
  valid_until: string;
  created_by_user_id: string | null;
  created_at: string;
  revoked_at: string | null;
  revoked_by_user_id: string | null;
}

export interface StoredFilesTable {
  sha256: string;
  size: number;
  content_type: string;
  created_at: string;
}

export interface SealsTable {
  id: string;
  org_id: string;
  kind: string;
  shape: string | null;
  signatory_name: string | null;
  file_sha256: string;
  width_px: number;
  height_px: number;
  dpi: number;
  uploaded_by_user_id: string | null;
  uploaded_at: string;
}

export interface OfficeSealsTable {
  id: string;
  office_id: string;
  file_sha256: string;
  width_px: number;
  height_px: number;
  dpi: number;
  valid_from: string;
  uploaded_by: string;
  uploaded_at: string;
}

export interface OfficerSignaturesTable {
  id: string;
  user_id: string;
  file_sha256: string;
  width_px: number;
  height_px: number;
  dpi: number;
  uploaded_by: string;
  uploaded_at: string;
}

export interface SealAuthorisationsTable {
  id: string;
  org_id: string;
  seal_id: string;
  signature_id: string;
  authorised_by_user_id: string | null;
  authorised_at: string;
}

export interface ApplicationsTable {
  id: string;
  enterprise_id: string;
  office_id: string;
  type_code: string;
  status: string;
  data: string;
  version: number;
  channel: string;
  agency_id: string | null;
  created_by: string;
  idempotency_key: string | null;
  request_hash: string | null;
  copied_from: string | null;
  profile_version: number | null;
  findings: string | null;
  first_invoice: string | null;
  destination_country: string | null;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  reviewer_id: string | null;
  certificate_number: string | null;
  approved_at: string | null;
  automatic: number | null;
  kind: string;
  replaces_id: string | null;
  replaced_by_id: string | null;
  void_reason: string | null;
  checks: string | null;
  first_submitted_at: string | null;
}

export interface OfficeReviewSettingsTable {
  office_id: string;
  type_code: string;
  auto_approve: number;
  updated_by: string;
  updated_at: string;
}

export interface CertificateSerialsTable {
  office_id: string;
  type_code: string;
  year: number;
  last_serial: number;
}

export interface ReviewDecisionsTable {
  id: string;
  application_id: string;
  action: string;
  boxes: string;
  reasons: string;
  note: string;
  decided_by: string;
  automatic: number;
  decided_at: string;
}

export interface SupportingDocumentsTable {
  id: string;
  application_id: string;
  kind: string;
  file_sha256: string;
  file_name: string;
  content_type: string;
  size: number;
  uploaded_by: string;
  uploaded_at: string;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  key: string;
  subject_type: string;
  subject_id: string;
  /** JSON: { en, zh }. */
  message: string;
  created_at: string;
  read_at: string | null;
}

export interface ReceiptsTable {
  id: string;
  enterprise_id: string;
  agency_id: string | null;
  application_id: string;
  status: string;
  certificate_number: string | null;
  message: string;
  created_at: string;
  read_at: string | null;
}

export interface WebhooksTable {
  id: string;
  org_id: string;
  url: string;
  secret: string;
  created_at: string;
  revoked_at: string | null;
}

export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  receipt_id: string;
  attempt: number;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  delivered_at: string;
}

export interface RuleTablesTable {
  id: string;
  agreement: string;
  version: number;
  source_name: string;
  format: string;
  content: string;
  row_count: number;
  status: string;
  diff: string;
  imported_by: string;
  imported_at: string;
  activated_by: string | null;
  activated_at: string | null;
}

export interface EvidenceRequestsTable {
  id: string;
  subject_type: string;
  subject_id: string;
  enterprise_id: string;
  agency_id: string | null;
  office_id: string;
  questions: string;
  evidence_wanted: string;
  deadline: string;
  status: string;
  asked_by: string;
  asked_at: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
  reminded_at: string | null;
  escalated_at: string | null;
  extension_request: string | null;
}

export interface EvidenceDocumentsTable {
  id: string;
  request_id: string;
  kind: string;
  file_sha256: string;
  file_name: string;
  content_type: string;
  size: number;
  uploaded_by: string;
  uploaded_at: string;
}

export interface PreReviewsTable {
  id: string;
  enterprise_id: string;
  office_id: string;
  status: string;
  hs_code: string;
  name_en: string;
  name_zh: string;
  model: string;
  agreements: string;
  bill: string;
  evaluation: string;
  evaluated_on: string;
  submitted_by: string;
  submitted_at: string;
  decision: string | null;
  valid_until: string | null;
  version: number;
}

export interface SigningKeysTable {
  kid: string;
  algorithm: string;
  public_jwk: string;
  encrypted_private_key: string;
  created_at: string;
  created_by: string;
  activates_at: string;
  retired_at: string | null;
}

export interface CertificateSignaturesTable {
  application_id: string;
  certificate_number: string;
  kid: string;
  jws: string;
  signed_at: string;
}

export interface VerificationCasesTable {
  id: string;
  office_id: string;
  enterprise_id: string;
  source: string;
  status: string;
  outcome: string | null;
  requesting_country: string;
  requesting_authority: string;
  foreign_reference: string;
  received_on: string;
  reply_due: string | null;
  questions: string;
  risk_rule: string;
  owner_id: string | null;
  findings: string;
  opened_by: string;
  opened_at: string;
  opened_on: string;
  concluded_by: string | null;
  concluded_at: string | null;
  version: number;
}

export interface VerificationCaseCertificatesTable {
  case_id: string;
  application_id: string;
  certificate_number: string;
  type_code: string;
}

export interface SamplingRatesTable {
  type_code: string;
  rate: number;
  set_by: string;
  set_at: string;
}

export interface StricterReviewsTable {
  id: string;
  enterprise_id: string;
  case_id: string;
  until: string;
  set_by: string;
  set_at: string;
}

export interface PrinterOffsetsTable {
  office_id: string;
  dx_tenths_mm: number;
  dy_tenths_mm: number;
  updated_by: string;
  updated_at: string;
}

export interface CertificatePrintsTable {
  id: string;
  application_id: string;
  mode: string;
  /** 0 for the first print, 1 for a reprint. */
  reprint: number;
  printed_by: string;
  printed_at: string;
}

export interface Database {
  notifications: NotificationsTable;
  verification_cases: VerificationCasesTable;
  verification_case_certificates: VerificationCaseCertificatesTable;
  sampling_rates: SamplingRatesTable;
  stricter_reviews: StricterReviewsTable;
  printer_offsets: PrinterOffsetsTable;
  certificate_prints: CertificatePrintsTable;
  pre_reviews: PreReviewsTable;
  signing_keys: SigningKeysTable;
  certificate_signatures: CertificateSignaturesTable;
  evidence_requests: EvidenceRequestsTable;
  evidence_documents: EvidenceDocumentsTable;
  rule_tables: RuleTablesTable;
  receipts: ReceiptsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  office_review_settings: OfficeReviewSettingsTable;
  certificate_serials: CertificateSerialsTable;
  review_decisions: ReviewDecisionsTable;
  applications: ApplicationsTable;
  supporting_documents: SupportingDocumentsTable;
  stored_files: StoredFilesTable;
  seals: SealsTable;
  seal_authorisations: SealAuthorisationsTable;
  office_seals: OfficeSealsTable;
  officer_signatures: OfficerSignaturesTable;
  enterprise_profiles: EnterpriseProfilesTable;
  enterprise_profile_versions: EnterpriseProfileVersionsTable;
  agent_authorisations: AgentAuthorisationsTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  office_memberships: OfficeMembershipsTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  login_throttle: LoginThrottleTable;
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
  jobs: JobsTable;
}
