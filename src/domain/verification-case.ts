import { createHash } from 'node:crypto';
import { z } from 'zod';
import { addDays, chinaDayStart, isCalendarDay } from './calendar-days.js';

/**
 * Verification after issue (DOMAIN.md section 8): customs opens a case on one or more issued certificates
 * of an enterprise, because a foreign authority asked (RCEP Art. 3.24: a written request, 30 to 90 days to
 * answer), because a risk rule pointed at them, or because random sampling drew them. Customs asks the
 * enterprise for evidence (the one request mechanism), then concludes: confirmed, not confirmed (the
 * certificates are cancelled and the enterprise is reviewed more strictly for a while) or inconclusive.
 */

export const CASE_SOURCES = ['foreign_request', 'risk', 'sampling'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

export const CASE_OUTCOMES = ['confirmed', 'not_confirmed', 'inconclusive'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

export const CASE_STATUSES = ['open', 'concluded'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * How long customs has to answer a foreign request: the shortest and longest period the request may set
 * and the period when it sets none. Each certificate type's file states it for its agreement
 * (`verificationReplyDays`; RCEP Art. 3.24: 30 to 90 days, DOMAIN.md 8).
 */
export interface ReplyWindow {
  min: number;
  max: number;
  default: number;
  /** The agreements (or type names) whose periods made this window, for messages. */
  from: string[];
}

/**
 * The reply window of a case on certificates of these types: every type's period must be kept, so the
 * latest of the shortest periods to the earliest of the longest, and the shortest default within that.
 * Periods that do not overlap leave the shortest longest period alone.
 */
export function replyWindowOf(
  types: ReadonlyArray<{
    code: string;
    agreement: { code: string } | null;
    verificationReplyDays: { min: number; max: number; default: number };
  }>,
): ReplyWindow {
  const max = Math.min(...types.map((type) => type.verificationReplyDays.max));
  const min = Math.min(max, Math.max(...types.map((type) => type.verificationReplyDays.min)));
  const fallback = Math.min(...types.map((type) => type.verificationReplyDays.default));
  const from = [...new Set(types.map((type) => type.agreement?.code ?? `type ${type.code}`))];
  return { min, max, default: Math.min(max, Math.max(min, fallback)), from };
}

/** How long an enterprise stays under stricter review after a "not confirmed" conclusion, by default. */
export const DEFAULT_STRICTER_REVIEW_DAYS = 180;
/** Reminders of a request for evidence go out this many days before its deadline. */
export const REMIND_DAYS_BEFORE = 3;

const text = (max: number) => z.string().trim().max(max);

/** What an officer states to open a case. */
export const openCaseInputSchema = z
  .object({
    source: z.enum(CASE_SOURCES),
    /** Certificate numbers (one or more, of one enterprise, issued by the officer's office). */
    certificateNumbers: z.array(z.string().trim().min(1).max(40)).min(1).max(50),
    /** A foreign request: the requesting country and authority, their reference, the day it arrived. */
    requestingCountry: text(2).default(''),
    requestingAuthority: text(300).default(''),
    foreignReference: text(100).default(''),
    receivedOn: text(10).default(''),
    /** Last day to reply to the foreign authority; when omitted, received + the agreement's default period. */
    replyDue: text(10).optional(),
    /** What the foreign authority (or the risk rule) asks or suspects. */
    questions: text(4000).default(''),
    /** For a risk case: the rule that pointed here. */
    riskRule: text(200).default(''),
  })
  .strict();
export type OpenCaseInput = z.infer<typeof openCaseInputSchema>;

/** Problems with a case as stated (not the certificates, which the use case looks up). */
export function checkOpenCase(
  input: OpenCaseInput,
  today: string,
  /** The certificates' reply window; the reply day is not checked without one (no certificate found). */
  window: ReplyWindow | undefined,
): { path: string; code: string; message: string }[] {
  const problems: { path: string; code: string; message: string }[] = [];
  if (input.source === 'foreign_request') {
    if (!/^[A-Z]{2}$/.test(input.requestingCountry))
      problems.push({
        path: 'requestingCountry',
        code: 'required',
        message: 'Name the requesting country (ISO code, such as KR).',
      });
    if (input.requestingAuthority === '')
      problems.push({
        path: 'requestingAuthority',
        code: 'required',
        message: 'Name the authority that asked (for example Korea Customs Service).',
      });
    if (!isCalendarDay(input.receivedOn) || input.receivedOn > today)
      problems.push({
        path: 'receivedOn',
        code: 'invalid_day',
        message: `Give the day the request arrived, at the latest ${today} (YYYY-MM-DD).`,
      });
    else if (input.replyDue !== undefined && window !== undefined) {
      const earliest = addDays(input.receivedOn, window.min);
      const latest = addDays(input.receivedOn, window.max);
      if (!isCalendarDay(input.replyDue) || input.replyDue < earliest || input.replyDue > latest)
        problems.push({
          path: 'replyDue',
          code: 'invalid_reply_due',
          message:
            `Under ${window.from.join(' and ')} a reply is due ${window.min} to ${window.max} days after ` +
            `receipt: from ${earliest} to ${latest}.`,
        });
    }
    if (input.questions === '')
      problems.push({
        path: 'questions',
        code: 'required',
        message: 'Copy what the foreign authority asks.',
      });
  }
  if (input.source === 'risk' && input.riskRule === '')
    problems.push({ path: 'riskRule', code: 'required', message: 'Name the risk rule that pointed here.' });
  return problems;
}

/** The reply deadline of a case: as stated, or the window's default after receipt; none for customs' own. */
export function replyDueOf(input: OpenCaseInput, window: ReplyWindow): string | null {
  if (input.source !== 'foreign_request') return null;
  return input.replyDue ?? addDays(input.receivedOn, window.default);
}

/**
 * Whether random sampling draws a certificate, at `ratePercent` of its type. Deterministic from the number
 * (SHA-256, first 32 bits, modulo 10,000), so the draw can be checked afterwards and tests can rely on it.
 */
export function isSampled(certificateNumber: string, ratePercent: number): boolean {
  if (ratePercent <= 0) return false;
  if (ratePercent >= 100) return true;
  const draw = createHash('sha256').update(certificateNumber).digest().readUInt32BE(0) % 10_000;
  return draw < Math.round(ratePercent * 100);
}

/** When a request for evidence is reminded of and escalated, from its deadline (China days). */
export function requestSchedule(
  deadline: string,
  today: string,
): { remindAt: string | null; escalateAt: string } {
  const remindDay = addDays(deadline, -REMIND_DAYS_BEFORE);
  return {
    // A deadline closer than the reminder period gets no reminder: the request itself is the notice.
    remindAt: remindDay > today ? chinaDayStart(remindDay) : null,
    escalateAt: chinaDayStart(addDays(deadline, 1)),
  };
}

/** What an officer states to conclude. */
export const concludeCaseInputSchema = z
  .object({
    outcome: z.enum(CASE_OUTCOMES),
    /** What customs found, for the file and the reply letter. */
    findings: z.string().trim().min(1).max(8000),
    /** For "not confirmed": days of stricter review; the default when omitted. */
    stricterReviewDays: z
      .number()
      .int()
      .min(0)
      .max(3 * 365)
      .optional(),
  })
  .strict();
export type ConcludeCaseInput = z.infer<typeof concludeCaseInputSchema>;

/** A case as the dashboard counts it. */
export interface CaseFacts {
  status: CaseStatus;
  outcome: CaseOutcome | null;
  openedOn: string;
  replyDue: string | null;
  typeCodes: readonly string[];
  enterpriseId: string;
}

export interface SupervisionDashboard {
  /** Open cases by days since opening. */
  openByAge: { bucket: '0-7' | '8-30' | '31-60' | '61+'; count: number }[];
  /** Open cases by how soon their reply is due. */
  openByDeadline: { bucket: 'overdue' | 'within_7' | 'within_30' | 'later' | 'none'; count: number }[];
  /** Concluded cases by outcome, per certificate type and per enterprise. */
  outcomesByType: { typeCode: string; confirmed: number; not_confirmed: number; inconclusive: number }[];
  outcomesByEnterprise: {
    enterpriseId: string;
    confirmed: number;
    not_confirmed: number;
    inconclusive: number;
  }[];
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** The dashboard's counts over cases (already filtered by office, type, enterprise, period). */
export function superviseCases(cases: readonly CaseFacts[], today: string): SupervisionDashboard {
  const open = cases.filter((entry) => entry.status === 'open');
  const age = (entry: CaseFacts) => daysBetween(entry.openedOn, today);
  const openByAge = (
    [
      ['0-7', (days: number) => days <= 7],
      ['8-30', (days: number) => days > 7 && days <= 30],
      ['31-60', (days: number) => days > 30 && days <= 60],
      ['61+', (days: number) => days > 60],
    ] as const
  ).map(([bucket, test]) => ({ bucket, count: open.filter((entry) => test(age(entry))).length }));
  const deadlineBucket = (entry: CaseFacts): SupervisionDashboard['openByDeadline'][number]['bucket'] => {
    if (entry.replyDue === null) return 'none';
    const left = daysBetween(today, entry.replyDue);
    return left < 0 ? 'overdue' : left <= 7 ? 'within_7' : left <= 30 ? 'within_30' : 'later';
  };
  const openByDeadline = (['overdue', 'within_7', 'within_30', 'later', 'none'] as const).map((bucket) => ({
    bucket,
    count: open.filter((entry) => deadlineBucket(entry) === bucket).length,
  }));
  const concluded = cases.filter((entry) => entry.status === 'concluded' && entry.outcome !== null);
  const tally = <K extends string>(keyOf: (entry: CaseFacts) => readonly K[]) => {
    const rows = new Map<K, { confirmed: number; not_confirmed: number; inconclusive: number }>();
    for (const entry of concluded)
      for (const key of new Set(keyOf(entry))) {
        const row = rows.get(key) ?? { confirmed: 0, not_confirmed: 0, inconclusive: 0 };
        row[entry.outcome!] += 1;
        rows.set(key, row);
      }
    return [...rows].sort(([a], [b]) => a.localeCompare(b));
  };
  return {
    openByAge,
    openByDeadline,
    outcomesByType: tally((entry) => entry.typeCodes).map(([typeCode, row]) => ({ typeCode, ...row })),
    outcomesByEnterprise: tally((entry) => [entry.enterpriseId]).map(([enterpriseId, row]) => ({
      enterpriseId,
      ...row,
    })),
  };
}
