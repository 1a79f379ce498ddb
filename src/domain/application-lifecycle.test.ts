import { describe, expect, it } from 'vitest';
import type { Action, ApplicationStatus, Party } from './application-lifecycle.js';
import { ACTIONS, APPLICATION_STATUSES, PARTIES, TRANSITIONS, transition } from './application-lifecycle.js';

/**
 * Every allowed move, written from the review issue and DOMAIN.md section 6 (not from the table's code):
 * status, action, who, where it leads. Every other cell of status x action x party must be refused.
 */
const ALLOWED: ReadonlyArray<[ApplicationStatus, Action, Party, ApplicationStatus]> = [
  ['draft', 'submit', 'applicant', 'submitted'],
  // Withdrawn only before review (and after a return, giving up).
  ['submitted', 'withdraw', 'applicant', 'withdrawn'],
  ['resubmitted', 'withdraw', 'applicant', 'withdrawn'],
  ['returned', 'withdraw', 'applicant', 'withdrawn'],
  // The queue: officers claim; automatic approval is Origo's own, from the queue.
  ['submitted', 'claim', 'officer', 'under_review'],
  ['resubmitted', 'claim', 'officer', 'under_review'],
  ['submitted', 'approve', 'system', 'approved'],
  ['resubmitted', 'approve', 'system', 'approved'],
  // The officer's decisions.
  ['under_review', 'approve', 'officer', 'approved'],
  ['under_review', 'return', 'officer', 'returned'],
  ['under_review', 'reject', 'officer', 'rejected'],
  ['returned', 'resubmit', 'applicant', 'resubmitted'],
  // Printing: self-print by the enterprise, template print at either side; confirmation archives.
  ['approved', 'print', 'applicant', 'printed'],
  ['approved', 'print', 'officer', 'printed'],
  ['printed', 'confirm_print', 'applicant', 'archived'],
  ['printed', 'confirm_print', 'officer', 'archived'],
  // After issue: replacement by an approved amendment or reissue, cancellation by customs.
  ...(['approved', 'printed', 'archived'] as const).flatMap(
    (status): Array<[ApplicationStatus, Action, Party, ApplicationStatus]> => [
      [status, 'replace_by_amendment', 'system', 'amended'],
      [status, 'replace_by_reissue', 'system', 'reissued'],
      [status, 'cancel', 'officer', 'cancelled'],
    ],
  ),
];

/** The audit event of each action: past tense, as the audit trail reads. */
const EVENTS: Record<Action, string> = {
  submit: 'application.submitted',
  withdraw: 'application.withdrawn',
  claim: 'application.claimed',
  return: 'application.returned',
  resubmit: 'application.resubmitted',
  approve: 'application.approved',
  reject: 'application.rejected',
  print: 'application.printed',
  confirm_print: 'application.print_confirmed',
  replace_by_amendment: 'application.replaced_by_amendment',
  replace_by_reissue: 'application.replaced_by_reissue',
  cancel: 'application.cancelled',
};

const key = (status: string, action: string, party: string) => `${status} ${action} ${party}`;
const allowed = new Map(ALLOWED.map(([status, action, party, to]) => [key(status, action, party), to]));
const actionPossible = new Set(ALLOWED.map(([status, action]) => `${status} ${action}`));

describe('the application state table: every status x action x party', () => {
  for (const status of APPLICATION_STATUSES) {
    for (const action of ACTIONS) {
      for (const party of PARTIES) {
        const expected = allowed.get(key(status, action, party));
        it(`${status} --${action}--> by ${party}: ${expected ?? 'refused'}`, () => {
          const result = transition(status, action, party);
          if (expected) {
            expect(result).toStrictEqual({
              ok: true,
              from: status,
              to: expected,
              action,
              event: EVENTS[action],
            });
          } else {
            expect(result).toMatchObject({
              ok: false,
              code: actionPossible.has(`${status} ${action}`)
                ? 'not_allowed_for_party'
                : 'not_allowed_in_status',
            });
            expect((result as { message: string }).message).not.toBe('');
          }
        });
      }
    }
  }

  it('has no final status with a way out, and every void status is final', () => {
    for (const status of ['rejected', 'withdrawn', 'amended', 'reissued', 'cancelled', 'archived'] as const) {
      const exits = Object.keys(TRANSITIONS[status]).filter(
        (action) => !['replace_by_amendment', 'replace_by_reissue', 'cancel'].includes(action),
      );
      expect(exits, status).toEqual([]);
    }
    expect(Object.keys(TRANSITIONS.cancelled)).toEqual([]);
  });

  it('tells the applicant what is possible instead', () => {
    const refused = transition('approved', 'submit', 'applicant');
    expect(refused).toMatchObject({ ok: false, code: 'not_allowed_in_status' });
    expect((refused as { message: string }).message).toContain('possible now: print');
  });
});
