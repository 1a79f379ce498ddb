import type { Actor } from '../../domain/actor.js';
import { actorLabel } from '../../domain/actor.js';
import { chinaDate } from '../../domain/agent-authorisation.js';
import { addDays, isCalendarDay } from '../../domain/calendar-days.js';
import { DomainError } from '../../domain/errors.js';
import { requestSchedule } from '../../domain/verification-case.js';
import { enqueueJob } from '../jobs/job-queue.js';
import type { Deps, EvidenceRequestRecord, JobRecord, Repositories } from '../ports.js';
import { issueReceipt, subjectOf } from '../receipts/issue-receipt.js';
import { newId } from '../tokens.js';

export const EVIDENCE_REMIND_JOB = 'evidence.remind';
export const EVIDENCE_ESCALATE_JOB = 'evidence.escalate';

/** The longest extension an enterprise may ask for at once. */
export const MAX_EXTENSION_DAYS = 60;

interface DeadlinePayload {
  requestId: string;
  /** The deadline the job was queued for: a job for an earlier deadline does nothing. */
  deadline: string;
}

/**
 * Queues the reminder (some days before the deadline) and the escalation (the day after it) of a request,
 * in the caller's transaction. Moving the deadline queues new ones; the old ones then find their deadline
 * changed and do nothing.
 */
export async function scheduleDeadline(
  deps: Pick<Deps, 'clock'>,
  tx: Pick<Repositories, 'jobs'>,
  request: Pick<EvidenceRequestRecord, 'id' | 'deadline'>,
): Promise<void> {
  const now = deps.clock.now();
  const { remindAt, escalateAt } = requestSchedule(request.deadline, chinaDate(now));
  const payload: DeadlinePayload = { requestId: request.id, deadline: request.deadline };
  if (remindAt) await enqueueJob(tx, now, { kind: EVIDENCE_REMIND_JOB, payload, runAt: new Date(remindAt) });
  await enqueueJob(tx, now, { kind: EVIDENCE_ESCALATE_JOB, payload, runAt: new Date(escalateAt) });
}

/** The reminder job: an open request whose deadline is still the one queued gets a reminder. */
export const remindOfDeadline = (deps: Pick<Deps, 'store' | 'clock'>, job: JobRecord) =>
  markDeadline(deps, job, {
    field: 'remindedAt',
    event: 'evidence.reminded',
    by: 'deadline-reminder',
    notice: (deadline) => ({
      en: `Reminder: customs expects your answer by ${deadline}.`,
      zh: `提醒：请于${deadline}前答复海关的补充材料要求。`,
    }),
  });

/**
 * The escalation job: an open request past the deadline it was queued for is escalated: the enterprise is
 * told, and so is customs (the case's owner, or the office's officers).
 */
export const escalateOverdue = (deps: Pick<Deps, 'store' | 'clock'>, job: JobRecord) =>
  markDeadline(deps, job, {
    field: 'escalatedAt',
    event: 'evidence.escalated',
    by: 'deadline-escalation',
    notice: (deadline) => ({
      en: `Your answer was due ${deadline} and has not arrived: customs has escalated the request.`,
      zh: `补充材料应于${deadline}前提交，至今未收到：海关已将该要求升级处理。`,
    }),
    alertCustoms: true,
  });

/** Marks a still-open request whose deadline is the one the job was queued for, with notice and audit. */
async function markDeadline(
  deps: Pick<Deps, 'store' | 'clock'>,
  job: JobRecord,
  mark: {
    field: 'remindedAt' | 'escalatedAt';
    event: 'evidence.reminded' | 'evidence.escalated';
    by: string;
    notice: (deadline: string) => { en: string; zh: string };
    /** Also notify the officers concerned (escalation). */
    alertCustoms?: boolean;
  },
): Promise<void> {
  const { requestId, deadline } = job.payload as DeadlinePayload;
  await deps.store.transaction(async (tx) => {
    const request = await tx.evidenceRequests.findById(requestId);
    if (!request || request.status !== 'open' || request.deadline !== deadline) return;
    // Already marked for this deadline (a job run again after its transaction committed): nothing twice.
    if (request[mark.field] !== null) return;
    const at = deps.clock.now().toISOString();
    await tx.evidenceRequests.updateTracking(request.id, { [mark.field]: at });
    await noticeTo(deps, tx, request, mark.notice(deadline));
    if (mark.alertCustoms) await alertCustoms(deps, tx, request, at);
    await tx.audit.append({ kind: 'system', name: mark.by }, at, {
      type: mark.event,
      subjectType: request.subjectType,
      subjectId: request.subjectId,
      data: { requestId, deadline },
    });
  });
}

/** A notice in the enterprise's inbox, through the application the request concerns (if any). */
async function noticeTo(
  deps: Pick<Deps, 'clock'>,
  tx: Repositories,
  request: EvidenceRequestRecord,
  notice: { en: string; zh: string },
): Promise<void> {
  let applicationId: string | null = null;
  if (request.subjectType === 'application') applicationId = request.subjectId;
  if (request.subjectType === 'verification_case')
    applicationId =
      (await tx.verificationCases.findById(request.subjectId))?.certificates[0]?.applicationId ?? null;
  const application = applicationId ? await tx.applications.findById(applicationId) : undefined;
  if (application) await issueReceipt(deps, tx, application, notice);
}

/**
 * Tells customs that a request went unanswered past its deadline: the owner of the case it belongs to, or
 * (for a case nobody owns, an application or a pre-review) every officer of the office concerned. Keyed by
 * request and deadline, so a job run again stores nothing twice.
 */
async function alertCustoms(
  deps: Pick<Deps, 'clock'>,
  tx: Repositories,
  request: EvidenceRequestRecord,
  at: string,
): Promise<void> {
  let subject = { en: 'a request for evidence', zh: '补充材料要求' };
  let recipients: string[] = [];
  if (request.subjectType === 'verification_case') {
    const found = await tx.verificationCases.findById(request.subjectId);
    const numbers = found?.certificates.map((certificate) => certificate.certificateNumber).join(', ') ?? '';
    subject = {
      en: `the verification case on ${numbers}`,
      zh: `核查案件（证书${numbers}）`,
    };
    const owner = found?.ownerId ? await tx.users.findById(found.ownerId) : undefined;
    if (owner?.status === 'active') recipients = [owner.id];
  } else if (request.subjectType === 'application') {
    const application = await tx.applications.findById(request.subjectId);
    if (application) {
      const about = subjectOf(application);
      subject = application.certificateNumber
        ? about
        : { en: `a ${application.typeCode} application`, zh: `一份${application.typeCode}申请` };
    }
  } else subject = { en: 'a product pre-review', zh: '一项产品预审' };
  if (recipients.length === 0)
    recipients = (await tx.users.listOfficeMembers(request.officeId))
      .filter((user) => user.roles.includes('customs_officer'))
      .map((user) => user.id);
  const key = `evidence.escalated:${request.id}:${request.deadline}`;
  for (const userId of recipients)
    await tx.notifications.insert({
      id: newId(),
      userId,
      key,
      subjectType: request.subjectType,
      subjectId: request.subjectId,
      message: {
        en: `Overdue: the enterprise has not answered the request about ${subject.en}, due ${request.deadline}.`,
        zh: `已逾期：企业未在${request.deadline}前答复关于${subject.zh}的补充材料要求。`,
      },
      createdAt: at,
      readAt: null,
    });
}

/** The enterprise asks for more time on an open request: recorded for the officer, who may move it. */
export async function recordExtensionRequest(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  request: EvidenceRequestRecord,
  input: { days: number; reason: string },
): Promise<EvidenceRequestRecord> {
  if (request.status !== 'open')
    throw new DomainError(
      'CONFLICT',
      `The request is ${request.status}; only an open request gets more time.`,
    );
  const problems = [];
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > MAX_EXTENSION_DAYS)
    problems.push({
      path: 'days',
      code: 'invalid_days',
      message: `Ask for 1 to ${MAX_EXTENSION_DAYS} more days.`,
    });
  if (input.reason.trim() === '')
    problems.push({ path: 'reason', code: 'required', message: 'Say why you need more time.' });
  if (problems.length)
    throw new DomainError('VALIDATION_FAILED', 'The request for more time is incomplete.', problems);
  const at = deps.clock.now().toISOString();
  const extensionRequest = { days: input.days, reason: input.reason.trim(), by: actorLabel(actor), at };
  await deps.store.transaction(async (tx) => {
    await tx.evidenceRequests.updateTracking(request.id, { extensionRequest });
    await tx.audit.append(actor, at, {
      type: 'evidence.extension_requested',
      subjectType: request.subjectType,
      subjectId: request.subjectId,
      data: { requestId: request.id, days: input.days },
    });
  });
  return { ...request, extensionRequest };
}

/**
 * An officer moves an open request's deadline (granting more time, or on their own): the reminder and the
 * escalation follow the new deadline; an escalation already made is cleared.
 */
export async function moveDeadline(
  deps: Pick<Deps, 'store' | 'clock'>,
  actor: Actor,
  request: EvidenceRequestRecord,
  deadline: string,
): Promise<EvidenceRequestRecord> {
  if (request.status !== 'open')
    throw new DomainError(
      'CONFLICT',
      `The request is ${request.status}; only an open request's deadline moves.`,
    );
  const today = chinaDate(deps.clock.now());
  const latest = addDays(today, 365);
  if (!isCalendarDay(deadline) || deadline < today || deadline > latest)
    throw new DomainError('VALIDATION_FAILED', 'The new deadline is not a day from today to a year on.', [
      { path: 'deadline', code: 'invalid_deadline', message: `Give a day from ${today} to ${latest}.` },
    ]);
  const at = deps.clock.now().toISOString();
  const moved = { ...request, deadline, remindedAt: null, escalatedAt: null, extensionRequest: null };
  await deps.store.transaction(async (tx) => {
    await tx.evidenceRequests.updateTracking(request.id, {
      deadline,
      remindedAt: null,
      escalatedAt: null,
      extensionRequest: null,
    });
    await scheduleDeadline(deps, tx, moved);
    await tx.audit.append(actor, at, {
      type: 'evidence.deadline_moved',
      subjectType: request.subjectType,
      subjectId: request.subjectId,
      data: { requestId: request.id, from: request.deadline, to: deadline },
    });
  });
  return moved;
}
