import { z } from 'zod';
import type { CheckResult } from './automated-checks.js';
import { addDays } from './calendar-days.js';

/**
 * Product pre-review (advance origin verification, DOMAIN.md section 7): the producer submits a product
 * with its bill of materials for one or more agreements; an officer of its office answers, per agreement,
 * whether the product conforms, with the origin criterion the certificate will carry, for a period of
 * validity. Applications then reference the answer: their HS code and criterion are pre-filled from it
 * and the automated check `pre_review` compares them.
 */

export const PRE_REVIEW_STATUSES = ['submitted', 'decided', 'withdrawn'] as const;
export type PreReviewStatus = (typeof PRE_REVIEW_STATUSES)[number];

/** Customs replies within two days of submission (DOMAIN.md section 7). */
export const PRE_REVIEW_REPLY_DAYS = 2;
/** How long a decision holds unless the officer says less. */
export const DEFAULT_VALIDITY_DAYS = 365;
/** The longest validity an officer may give. */
export const MAX_VALIDITY_DAYS = 3 * 365;

/** One agreement's answer: the engine's view, and the officer's, which may differ (with a reason). */
export interface PreReviewResult {
  agreement: string;
  conforms: boolean;
  /** The origin criterion as the certificate's box is filled ("CTC", "RVC ACU", "PE"); empty if not. */
  criterion: string;
  engine: { status: 'MET' | 'NOT_MET' | 'UNKNOWN'; criterion: string };
  /** The officer's answer differs from the engine's. */
  overridden: boolean;
}

export interface PreReviewDecision {
  results: PreReviewResult[];
  /** Why the officer decided so; required where an answer differs from the engine's. */
  reason: string;
  validFrom: string;
  validUntil: string;
  decidedBy: string;
  decidedAt: string;
}

/** What an officer sends: per agreement, conforms or not, and the criterion when it differs. */
export const preReviewDecisionInputSchema = z
  .object({
    results: z
      .array(
        z
          .object({
            agreement: z.string().min(1).max(40),
            conforms: z.boolean(),
            /** The criterion as the box will say it; omitted means the engine's. */
            criterion: z.string().max(20).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(10),
    reason: z.string().max(2000).default(''),
    /** Last day the answer holds; omitted means DEFAULT_VALIDITY_DAYS from the decision day. */
    validUntil: z.string().max(10).optional(),
  })
  .strict();
export type PreReviewDecisionInput = z.infer<typeof preReviewDecisionInputSchema>;

/** The engine's answer for one agreement, as much of it as the decision keeps. */
export interface EngineAnswer {
  agreement: string;
  status: 'MET' | 'NOT_MET' | 'UNKNOWN';
  originating: boolean;
  criterion: string;
  /** The agreement's certificates carry an origin criterion (non-preferential ones do not). */
  criterionRequired: boolean;
}

export type DecisionOutcome =
  | { ok: true; results: PreReviewResult[]; reason: string; validUntil: string }
  | { ok: false; problems: { path: string; code: string; message: string }[] };

/**
 * Checks an officer's decision against the agreements submitted and the engine's answers, and fills in
 * what was left to the engine. An answer that differs from the engine's (conformity or criterion) is an
 * override and needs a reason; "conforms" needs a criterion where the agreement's certificates carry one.
 */
export function settleDecision(
  input: PreReviewDecisionInput,
  engine: readonly EngineAnswer[],
  today: string,
): DecisionOutcome {
  const problems: { path: string; code: string; message: string }[] = [];
  const submitted = engine.map((answer) => answer.agreement);
  const given = input.results.map((result) => result.agreement);
  for (const agreement of submitted)
    if (!given.includes(agreement))
      problems.push({
        path: 'results',
        code: 'agreement_missing',
        message: `Answer for ${agreement} too: the enterprise asked about ${submitted.join(', ')}.`,
      });
  const results: PreReviewResult[] = [];
  input.results.forEach((result, index) => {
    const answer = engine.find((candidate) => candidate.agreement === result.agreement);
    if (!answer) {
      problems.push({
        path: `results.${index}.agreement`,
        code: 'agreement_not_asked',
        message: `The enterprise did not ask about ${result.agreement}; it asked about ${submitted.join(', ')}.`,
      });
      return;
    }
    if (given.indexOf(result.agreement) !== index) {
      problems.push({
        path: `results.${index}.agreement`,
        code: 'duplicate',
        message: `${result.agreement} is answered twice.`,
      });
      return;
    }
    const criterion = result.conforms
      ? (result.criterion ?? answer.criterion).trim().toUpperCase().replace(/\s+/g, ' ')
      : '';
    if (result.conforms && criterion === '' && answer.criterionRequired)
      problems.push({
        path: `results.${index}.criterion`,
        code: 'required',
        message: 'Give the origin criterion the certificate will carry (for example CTC or RVC).',
      });
    const overridden =
      result.conforms !== answer.originating || (result.conforms && criterion !== answer.criterion);
    results.push({
      agreement: result.agreement,
      conforms: result.conforms,
      criterion,
      engine: { status: answer.status, criterion: answer.criterion },
      overridden,
    });
  });
  const reason = input.reason.trim();
  if (results.some((result) => result.overridden) && reason === '')
    problems.push({
      path: 'reason',
      code: 'reason_required',
      message: 'Say why your answer differs from the engine’s: the enterprise and later reviewers read it.',
    });
  const latest = addDays(today, MAX_VALIDITY_DAYS);
  const validUntil = input.validUntil ?? addDays(today, DEFAULT_VALIDITY_DAYS);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(validUntil) || validUntil < today || validUntil > latest)
    problems.push({
      path: 'validUntil',
      code: 'invalid_validity',
      message: `Give a last day of validity from ${today} to ${latest} (YYYY-MM-DD).`,
    });
  return problems.length ? { ok: false, problems } : { ok: true, results, reason, validUntil };
}

/** What the automated check needs to know of a referenced pre-review. */
export interface ReferencedPreReview {
  id: string;
  enterpriseId: string;
  status: PreReviewStatus;
  hsCode: string;
  decision: Pick<PreReviewDecision, 'results' | 'validFrom' | 'validUntil'> | null;
}

/** A goods item that names a pre-review. */
export interface ReferencingItem {
  index: number;
  preReviewId: string;
  hsCode: string;
  originCriterion: string;
}

const normalCriterion = (text: string) => text.trim().toUpperCase().replace(/\s+/g, ' ');

/**
 * The `pre_review` check of an application: every goods item that references a pre-review must name one
 * of the enterprise's, decided as conforming for the certificate's agreement, valid on the day, with the
 * same HS code (the item's code a leading part of the product's) and the same criterion.
 */
export function checkPreReviewReferences(
  items: readonly ReferencingItem[],
  found: ReadonlyMap<string, ReferencedPreReview>,
  context: { enterpriseId: string; agreement: string | null; day: string },
): CheckResult {
  if (items.length === 0)
    return { check: 'pre_review', outcome: 'not_applicable', evidence: 'no product pre-review referenced' };
  const failures: string[] = [];
  const passes: string[] = [];
  for (const item of items) {
    const label = `item ${item.index + 1}`;
    const preReview = found.get(item.preReviewId);
    if (!preReview || preReview.enterpriseId !== context.enterpriseId) {
      failures.push(`${label}: pre-review ${item.preReviewId} is not one of the enterprise's`);
      continue;
    }
    const decision = preReview.decision;
    if (preReview.status !== 'decided' || !decision) {
      failures.push(`${label}: pre-review ${item.preReviewId} is ${preReview.status}, not decided`);
      continue;
    }
    const result = decision.results.find((candidate) => candidate.agreement === context.agreement);
    if (!result) {
      failures.push(
        `${label}: pre-review ${item.preReviewId} did not cover ${context.agreement ?? 'this type'}`,
      );
      continue;
    }
    if (!result.conforms) {
      failures.push(
        `${label}: pre-review ${item.preReviewId} found the product not conforming under ${result.agreement}`,
      );
      continue;
    }
    if (context.day < decision.validFrom || context.day > decision.validUntil) {
      failures.push(
        `${label}: pre-review ${item.preReviewId} holds from ${decision.validFrom} to ${decision.validUntil}, not on ${context.day}`,
      );
      continue;
    }
    const hs = item.hsCode.trim();
    if (hs.length < 6 || !preReview.hsCode.startsWith(hs)) {
      failures.push(
        `${label}: HS ${hs || '(none)'} differs from the pre-reviewed product's ${preReview.hsCode}`,
      );
      continue;
    }
    if (normalCriterion(item.originCriterion) !== result.criterion) {
      failures.push(
        `${label}: criterion ${item.originCriterion || '(none)'} differs from the pre-review's ${result.criterion}`,
      );
      continue;
    }
    passes.push(
      `${label}: HS ${hs} and ${result.criterion} as pre-review ${item.preReviewId} (${result.agreement}, to ${decision.validUntil})`,
    );
  }
  return failures.length
    ? { check: 'pre_review', outcome: 'fail', evidence: failures.join('; ') }
    : { check: 'pre_review', outcome: 'pass', evidence: passes.join('; ') };
}

/** The day a reply is due: two days after the submission day. */
export const replyDueOn = (submittedDay: string) => addDays(submittedDay, PRE_REVIEW_REPLY_DAYS);
