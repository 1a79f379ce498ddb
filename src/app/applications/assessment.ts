import { chinaDate } from '../../domain/agent-authorisation.js';
import { EDITABLE_STATUSES } from '../../domain/application-lifecycle.js';
import { packagesStatement, routeStatement } from '../../domain/application.js';
import type { Finding } from '../../domain/certificate-rules.js';
import { checkApplication, hasErrors } from '../../domain/certificate-rules.js';
import { applicationReadiness } from '../../domain/enterprise-profile.js';
import type { Endorsement, ReplacedCertificate } from '../../domain/endorsements.js';
import { endorsementsOf } from '../../domain/endorsements.js';
import type {
  ApplicationRecord,
  Deps,
  EnterpriseProfileState,
  PrintSummary,
  Repositories,
  ReviewDecisionRecord,
  SupportingDocumentRecord,
} from '../ports.js';
import { certificateTypeOf } from './access.js';

/** Something other than a box that stops a submission. */
export interface Blocker {
  code: 'field_errors' | 'enterprise_not_synchronised' | 'documents_missing';
  message: { en: string; zh: string };
}

/** Where an application stands: the field findings and what else stands between it and customs. */
export interface Assessment {
  findings: Finding[];
  blockers: Blocker[];
  submittable: boolean;
}

export interface ApplicationView extends Omit<
  ApplicationRecord,
  'idempotencyKey' | 'requestHash' | 'findings'
> {
  /** What the certificate will print where Origo composes the text: the route and each item's packages. */
  certificateText: { route: string; packages: string[] };
  /** Findings now (a draft) or at submission (a submitted application). */
  findings: Finding[];
  blockers: Blocker[];
  submittable: boolean;
  documents: SupportingDocumentRecord[];
  /** Customs' decisions so far, oldest first: returns with their boxes and reasons, the approval. */
  decisions: ReviewDecisionRecord[];
  /** Endorsements the certificate carries (a retroactive issue), once approved. */
  endorsements: Endorsement[];
  /** How often the certificate was printed: the first print and the reprints. */
  prints: PrintSummary;
}

/** Checks the boxes against the type's rules, and the conditions of submitting. */
export function assess(
  deps: Pick<Deps, 'certificateTypes' | 'hs' | 'clock'>,
  application: Pick<ApplicationRecord, 'typeCode' | 'data'>,
  profile: EnterpriseProfileState | undefined,
  documents: readonly SupportingDocumentRecord[],
): Assessment {
  const type = certificateTypeOf(deps, application.typeCode);
  const findings = checkApplication({
    type,
    data: application.data,
    hs: deps.hs,
    today: chinaDate(deps.clock.now()),
  });
  const blockers: Blocker[] = [];
  if (hasErrors(findings))
    blockers.push({
      code: 'field_errors',
      message: {
        en: 'Correct the boxes marked as errors.',
        zh: '请更正标为错误的栏目。',
      },
    });
  const readiness = applicationReadiness(profile);
  if (!readiness.ready)
    blockers.push({
      code: 'enterprise_not_synchronised',
      message: {
        en: readiness.reason,
        zh: '企业基本信息同步成功（最新版本）后方可申报。',
      },
    });
  const missing = type.supportingDocuments.required.filter(
    (kind) => !documents.some((document) => document.kind === kind),
  );
  if (missing.length)
    blockers.push({
      code: 'documents_missing',
      message: {
        en: `Attach the required supporting documents: ${missing.join(', ').replaceAll('_', ' ')}.`,
        zh: `请上传必需的随附单据：${missing.join('、')}。`,
      },
    });
  return { findings, blockers, submittable: blockers.length === 0 };
}

/** The application as the API and portal show it. */
export async function toApplicationView(
  deps: Pick<Deps, 'certificateTypes' | 'hs' | 'clock'>,
  repositories: Pick<Repositories, 'applications' | 'enterpriseProfiles' | 'printing'>,
  application: ApplicationRecord,
  /** What the caller has just read or written, to spare the queries (a new draft has no documents). */
  known?: {
    profile: EnterpriseProfileState | undefined;
    documents: SupportingDocumentRecord[];
    decisions: ReviewDecisionRecord[];
  },
): Promise<ApplicationView> {
  const documents = known?.documents ?? (await repositories.applications.listDocuments(application.id));
  const { idempotencyKey: _key, requestHash: _hash, findings: stored, ...record } = application;
  let assessment: Assessment;
  if (EDITABLE_STATUSES.includes(application.status)) {
    const profile = known
      ? known.profile
      : await repositories.enterpriseProfiles.find(application.enterpriseId);
    assessment = assess(deps, application, profile, documents);
  } else {
    assessment = { findings: stored ?? [], blockers: [], submittable: false };
  }
  return {
    ...record,
    certificateText: {
      route: routeStatement(application.data.transport),
      packages: application.data.items.map(packagesStatement),
    },
    ...assessment,
    documents,
    decisions: known?.decisions ?? (await repositories.applications.listDecisions(application.id)),
    endorsements: application.approvedAt
      ? endorsementsOf(
          certificateTypeOf(deps, application.typeCode),
          application.data.transport.departureDate,
          chinaDate(new Date(application.approvedAt)),
          await replacedCertificateOf(repositories, application),
        )
      : [],
    prints: application.approvedAt
      ? await repositories.printing.summary(application.id)
      : { count: 0, reprints: 0, lastPrintedAt: null },
  };
}

/** The certificate an approved amendment or reissue replaces, as its endorsement names it. */
export async function replacedCertificateOf(
  repositories: Pick<Repositories, 'applications'>,
  application: ApplicationRecord,
): Promise<ReplacedCertificate | undefined> {
  if (application.kind === 'original' || !application.replacesId) return undefined;
  const original = await repositories.applications.findById(application.replacesId);
  if (!original?.certificateNumber || !original.approvedAt) return undefined;
  return {
    kind: application.kind,
    number: original.certificateNumber,
    certifiedOn: chinaDate(new Date(original.approvedAt)),
  };
}
