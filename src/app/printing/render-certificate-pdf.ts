import type { Actor } from '../../domain/actor.js';
import { actorLabel, hasRole } from '../../domain/actor.js';
import { chinaDate } from '../../domain/agent-authorisation.js';
import type { Party } from '../../domain/application-lifecycle.js';
import { transition } from '../../domain/application-lifecycle.js';
import { endorsementsOf } from '../../domain/endorsements.js';
import { DomainError } from '../../domain/errors.js';
import type { PrintCheck, PrintMode } from '../../domain/printing.js';
import {
  checkCertification,
  checkPrintable,
  checkSelfPrint,
  verificationUrl,
} from '../../domain/printing.js';
import { loadApplicationFor, certificateTypeOf } from '../applications/access.js';
import { replacedCertificateOf } from '../applications/assessment.js';
import { readImageBytes } from '../office-seals/receive-customs-image.js';
import type { ApplicationRecord, CertificateDocument, Deps, Repositories } from '../ports.js';
import { saveDecided } from '../review/decide.js';
import { newId } from '../tokens.js';

export type PrintingDeps = Pick<
  Deps,
  'store' | 'clock' | 'files' | 'certificateTypes' | 'certificateLayouts' | 'renderer' | 'publicUrl'
>;

/** What self-print draws in the issuing office's place. */
export type CertificationDrawn = 'seal-and-signature' | 'seal-only';

export interface RenderedCertificate {
  pdf: Buffer;
  certificateNumber: string;
  mode: PrintMode;
  /** False when this print moved the certificate from approved to printed. */
  reprint: boolean;
  /**
   * Self-print: what certifies it, the office seal and the approving officer's signature, or the office
   * seal alone (an automatic approval). Null for template print. Says no more than that: who approved is
   * internal, and whoever prints has no need of the officer's user id.
   */
  certification: CertificationDrawn | null;
}

/** A refused print as the one error type the core throws: CONFLICT with the coded reason as the field. */
export function refusePrint(check: Exclude<PrintCheck, { ok: true }>, path = 'mode'): DomainError {
  return new DomainError(
    'CONFLICT',
    check.message.en,
    [{ path, code: check.code, message: check.message.en }],
    {
      reason: check.code,
      messageZh: check.message.zh,
    },
  );
}

/** Which side of the state table a printing actor is on: officers of the office, or the applicant. */
export function printingParty(actor: Actor, application: Pick<ApplicationRecord, 'officeId'>): Party {
  // The operator's command line acts for customs.
  if (actor.kind === 'system') return 'officer';
  return hasRole(actor, 'customs_officer') && actor.officeIds.includes(application.officeId)
    ? 'officer'
    : 'applicant';
}

/**
 * Renders an issued certificate as PDF, self-print (the whole form with the electronic seals and the QR
 * code to the verification page) or template print (the data only, moved by the office's printer offset),
 * for the enterprise, the agency that applied within its authorisation, or an officer of the issuing
 * office. Self-print is refused where the type or destination does not accept it, where the enterprise's
 * seal authorisation in force is missing or newer than the approval, or where the office had no seal in
 * force at the approval or the approving officer no signature. The first print moves
 * the certificate from approved to printed; every later one is a reprint, counted and audited.
 */
export async function renderCertificatePdf(
  deps: PrintingDeps,
  actor: Actor,
  input: { id: string; mode: PrintMode },
): Promise<RenderedCertificate> {
  const application = await loadApplicationFor(deps, actor, 'certificate.print', input.id);
  await assertPrintable(deps.store, application);
  const certificateNumber = application.certificateNumber!;
  const approvedAt = application.approvedAt!;
  const type = certificateTypeOf(deps, application.typeCode);
  const layout = deps.certificateLayouts.get(type.code);
  if (!layout) throw new Error(`certificate type ${type.code} has no layout (checked at start)`);
  const office = await deps.store.organisations.findById(application.officeId);

  let images: CertificateDocument['images'] = {};
  let certification: Certification | undefined;
  if (input.mode === 'self') {
    const authorisation = await deps.store.seals.currentAuthorisation(application.enterpriseId);
    const check = checkSelfPrint({
      type,
      destinationCountry: application.data.destinationCountry,
      approvedAt,
      sealAuthorisedAt: authorisation?.authorisedAt ?? null,
    });
    if (!check.ok) throw refusePrint(check);
    certification = await certificationOf(deps, application, approvedAt);
    images = {
      officeSeal: certification.officeSeal,
      officerSignature: certification.officerSignature,
      enterpriseSeal: await sealImage(deps, authorisation!.sealId),
      signatorySignature: await sealImage(deps, authorisation!.signatureId),
    };
  }
  const offset =
    input.mode === 'template' ? await deps.store.printing.printerOffset(application.officeId) : undefined;
  const issuedOn = chinaDate(new Date(approvedAt));
  const document: CertificateDocument = {
    type,
    layout,
    number: certificateNumber,
    issuedOn,
    issuingOffice: {
      name: (office?.nameEn ?? application.officeId).toUpperCase(),
      nameZh: office?.nameZh || undefined,
    },
    application: application.data,
    endorsements: endorsementsOf(
      type,
      application.data.transport.departureDate,
      issuedOn,
      await replacedCertificateOf(deps.store, application),
    ),
    images,
    verificationUrl: verificationUrl(deps.publicUrl, certificateNumber),
    signedPayload: (await deps.store.certificateSignatures.findByApplication(application.id))?.jws,
  };
  // Rendered before anything is recorded: a certificate that cannot be drawn has not been printed.
  const pdf = await deps.renderer.render(document, {
    mode: input.mode,
    printerOffset: offset ? { dx: offset.dx, dy: offset.dy } : { dx: 0, dy: 0 },
  });
  const reprint = await recordPrint(deps, actor, application.id, input.mode);
  return {
    pdf,
    certificateNumber,
    mode: input.mode,
    reprint,
    certification: certification?.drawn ?? null,
  };
}

interface Certification {
  officeSeal: Buffer;
  officerSignature: Buffer | undefined;
  drawn: CertificationDrawn;
}

/**
 * The issuing office's side of a self-print: its seal version in force at the approval and the signature
 * the approving officer had then (an automatic approval has no officer: the seal alone). Refused, with the
 * reason, when either is missing (src/domain/printing.ts `checkCertification`).
 */
async function certificationOf(
  deps: Pick<Deps, 'store' | 'files'>,
  application: ApplicationRecord,
  approvedAt: string,
): Promise<Certification> {
  const seal = await deps.store.officeSeals.officeSealInForce(application.officeId, approvedAt);
  let officerId: string | undefined;
  if (!application.automatic) {
    const decisions = await deps.store.applications.listDecisions(application.id);
    officerId = decisions
      .filter((decision) => decision.action === 'approve' && !decision.automatic)
      .sort((a, b) => a.decidedAt.localeCompare(b.decidedAt))
      .at(-1)?.decidedBy;
  }
  const signature = officerId
    ? await deps.store.officeSeals.officerSignatureInForce(officerId, approvedAt)
    : undefined;
  const check = checkCertification({
    officeSealInForce: seal !== undefined,
    officerSignature: application.automatic ? 'automatic' : signature ? 'in_force' : 'missing',
  });
  if (!check.ok) throw refusePrint(check);
  const imageFiles = [seal!.fileSha256, signature?.fileSha256].filter(
    (sha256): sha256 is string => sha256 !== undefined,
  );
  for (const sha256 of imageFiles)
    if (!(await deps.files.exists(sha256)))
      throw new DomainError(
        'CONFLICT',
        'The office seal or the officer’s signature image is missing from the file store.',
        [{ path: 'mode', code: 'seal_image_missing', message: 'The image file is missing.' }],
      );
  return {
    officeSeal: await readImageBytes(deps, seal!.fileSha256),
    officerSignature: signature && (await readImageBytes(deps, signature.fileSha256)),
    drawn: application.automatic ? 'seal-only' : 'seal-and-signature',
  };
}

/** Refuses, with the reason, a certificate that is not issued or no longer in force. */
async function assertPrintable(
  repositories: Pick<Repositories, 'applications'>,
  application: ApplicationRecord,
): Promise<void> {
  const replacedBy = application.replacedById
    ? await repositories.applications.findById(application.replacedById)
    : undefined;
  const check = checkPrintable({ ...application, replacedByNumber: replacedBy?.certificateNumber });
  if (!check.ok) throw refusePrint(check, 'status');
}

/** A seal or signature image from the file store, whole (a seal is a few hundred kilobytes). */
async function sealImage(deps: Pick<Deps, 'store' | 'files'>, sealId: string): Promise<Buffer> {
  const seal = await deps.store.seals.findById(sealId);
  if (!seal || !(await deps.files.exists(seal.fileSha256)))
    throw new DomainError(
      'CONFLICT',
      'An authorised seal or signature image is missing from the file store; authorise the pair again.',
      [{ path: 'mode', code: 'seal_image_missing', message: 'The image file is missing.' }],
    );
  const chunks: Buffer[] = [];
  for await (const chunk of deps.files.read(seal.fileSha256) as AsyncIterable<Buffer | string>)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/**
 * Records the print in one transaction with its audit event: the first moves approved to printed (state
 * table action `print`, receipt), later ones are reprints. Reads the certificate again inside the
 * transaction, so two prints at the same moment make one first print and one reprint.
 */
async function recordPrint(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  id: string,
  mode: PrintMode,
): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await deps.store.transaction(async (tx) => {
        const application = (await tx.applications.findById(id))!;
        await assertPrintable(tx, application);
        const at = deps.clock.now().toISOString();
        const certificateNumber = application.certificateNumber!;
        const first = application.status === 'approved';
        if (first) {
          const move = transition(application.status, 'print', printingParty(actor, application));
          if (!move.ok) throw new DomainError('CONFLICT', move.message);
          const changed = {
            ...application,
            status: move.to,
            version: application.version + 1,
            updatedAt: at,
          };
          await saveDecided(deps, tx, changed, application.version);
        }
        await tx.printing.insertPrint({
          id: newId(),
          applicationId: id,
          mode,
          reprint: !first,
          printedBy: actorLabel(actor),
          printedAt: at,
        });
        if (first)
          await tx.audit.append(actor, at, {
            type: 'application.printed',
            subjectType: 'application',
            subjectId: id,
            data: { certificateNumber, mode },
          });
        else
          await tx.audit.append(actor, at, {
            type: 'application.reprinted',
            subjectType: 'application',
            subjectId: id,
            data: { certificateNumber, mode, reprint: (await tx.printing.summary(id)).reprints },
          });
        return !first;
      });
    } catch (error) {
      // Someone printed it in between: try once more, now as a reprint.
      const stale =
        error instanceof DomainError && error.fields.some((field) => field.code === 'stale_version');
      if (!stale || attempt >= 1) throw error;
    }
  }
}
