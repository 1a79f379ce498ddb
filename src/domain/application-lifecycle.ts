/**
 * The one state table of an application and the certificate it becomes (DOMAIN.md section 6). Every
 * status change in Origo goes through `transition()`: the table says which action leads where and which
 * party may take it; the result is the new status and the audit event type, or a coded refusal.
 */

export const APPLICATION_STATUSES = [
  /** Being written by the applicant; not yet with customs. */
  'draft',
  /** Sent to customs, waiting in the office's queue. */
  'submitted',
  /** An officer has claimed it and is reviewing it. */
  'under_review',
  /** Sent back to the applicant with the boxes at fault and the reasons. */
  'returned',
  /** Corrected and sent again, back in the queue. */
  'resubmitted',
  /** Approved: the certificate is issued under its number, ready to print. */
  'approved',
  /** Printed (self-print or on the pre-printed form), not yet confirmed. */
  'printed',
  /** The applicant confirmed a good print: archived and publicly verifiable. */
  'archived',
  /** Refused by customs; final. */
  'rejected',
  /** Withdrawn by the applicant before review; final. */
  'withdrawn',
  /** Replaced by an amended certificate, which names it; void. */
  'amended',
  /** Replaced by a certified true copy (the original was lost); void. */
  'reissued',
  /** Cancelled by customs, with a reason; void. */
  'cancelled',
] as const;

export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Who takes an action: the applicant (enterprise or its authorised agency), an officer, or the system. */
export const PARTIES = ['applicant', 'officer', 'system'] as const;
export type Party = (typeof PARTIES)[number];

export const ACTIONS = [
  'submit',
  'withdraw',
  'claim',
  'return',
  'resubmit',
  'approve',
  'reject',
  'print',
  'confirm_print',
  'replace_by_amendment',
  'replace_by_reissue',
  'cancel',
] as const;

export type Action = (typeof ACTIONS)[number];

interface Move {
  to: ApplicationStatus;
  by: readonly Party[];
  /** One line: what the move means, for the documentation and the audit trail. */
  means: string;
}

const QUEUED = ['submitted', 'resubmitted'] as const;
const ISSUED = ['approved', 'printed', 'archived'] as const;

/** TRANSITIONS[status][action]: where an action leads and who may take it. Absent: not allowed. */
export const TRANSITIONS: Readonly<Record<ApplicationStatus, Partial<Record<Action, Move>>>> = {
  draft: {
    submit: { to: 'submitted', by: ['applicant'], means: 'the applicant sends the draft to customs' },
  },
  submitted: {
    withdraw: { to: 'withdrawn', by: ['applicant'], means: 'the applicant takes it back before review' },
    claim: { to: 'under_review', by: ['officer'], means: 'an officer takes it from the queue' },
    approve: {
      to: 'approved',
      by: ['system'],
      means: 'automatic approval: every check passed, the office allows it for the type',
    },
  },
  under_review: {
    return: { to: 'returned', by: ['officer'], means: 'the officer sends it back with the boxes at fault' },
    approve: { to: 'approved', by: ['officer'], means: 'the officer approves; the certificate is numbered' },
    reject: { to: 'rejected', by: ['officer'], means: 'the officer refuses it, with a reason' },
  },
  returned: {
    resubmit: { to: 'resubmitted', by: ['applicant'], means: 'the applicant corrects and sends it again' },
    withdraw: { to: 'withdrawn', by: ['applicant'], means: 'the applicant gives up the application' },
  },
  resubmitted: {
    withdraw: { to: 'withdrawn', by: ['applicant'], means: 'the applicant takes it back before review' },
    claim: { to: 'under_review', by: ['officer'], means: 'an officer takes it from the queue again' },
    approve: {
      to: 'approved',
      by: ['system'],
      means: 'automatic approval of the corrected application',
    },
  },
  approved: {
    print: { to: 'printed', by: ['applicant', 'officer'], means: 'the certificate is printed' },
  },
  printed: {
    confirm_print: {
      to: 'archived',
      by: ['applicant', 'officer'],
      means: 'the print is confirmed good: archived and publicly verifiable',
    },
  },
  archived: {},
  rejected: {},
  withdrawn: {},
  amended: {},
  reissued: {},
  cancelled: {},
};

// The moves every issued certificate shares: replacement and cancellation.
for (const status of ISSUED) {
  const moves = TRANSITIONS[status] as Partial<Record<Action, Move>>;
  moves.replace_by_amendment = {
    to: 'amended',
    by: ['system'],
    means: 'the amended certificate is approved; this one becomes void',
  };
  moves.replace_by_reissue = {
    to: 'reissued',
    by: ['system'],
    means: 'the certified true copy is approved; this one becomes void',
  };
  moves.cancel = {
    to: 'cancelled',
    by: ['officer'],
    means: 'customs cancels the certificate, with a reason',
  };
}
Object.freeze(TRANSITIONS);

/** Statuses in which the applicant may edit the boxes. */
export const EDITABLE_STATUSES: readonly ApplicationStatus[] = ['draft', 'returned'];
/** Statuses in an office's review queue. */
export const QUEUED_STATUSES: readonly ApplicationStatus[] = QUEUED;
/** Statuses of a certificate in force (issued and not void). */
export const LIVE_CERTIFICATE_STATUSES: readonly ApplicationStatus[] = ISSUED;
/** Statuses of a void certificate. */
export const VOID_STATUSES: readonly ApplicationStatus[] = ['amended', 'reissued', 'cancelled'];

/** The audit event each action writes. */
export const EVENT_OF = {
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
} as const satisfies Record<Action, string>;

export type Transition =
  | {
      ok: true;
      from: ApplicationStatus;
      to: ApplicationStatus;
      action: Action;
      event: (typeof EVENT_OF)[Action];
    }
  | { ok: false; code: 'not_allowed_in_status' | 'not_allowed_for_party'; message: string };

/** Where `action` by `party` leads from `status`, or why it may not be taken. */
export function transition(status: ApplicationStatus, action: Action, party: Party): Transition {
  const move = TRANSITIONS[status][action];
  if (!move) {
    const possible = Object.keys(TRANSITIONS[status]);
    return {
      ok: false,
      code: 'not_allowed_in_status',
      message: `An application that is ${status.replaceAll('_', ' ')} cannot be ${PAST[action]}${
        possible.length ? ` (possible now: ${possible.join(', ').replaceAll('_', ' ')})` : ''
      }.`,
    };
  }
  if (!move.by.includes(party))
    return {
      ok: false,
      code: 'not_allowed_for_party',
      message: `Only ${move.by.map((by) => BY[by]).join(' or ')} can do this: ${move.means}.`,
    };
  return { ok: true, from: status, to: move.to, action, event: EVENT_OF[action] };
}

const PAST: Record<Action, string> = {
  submit: 'submitted',
  withdraw: 'withdrawn',
  claim: 'claimed',
  return: 'returned',
  resubmit: 'resubmitted',
  approve: 'approved',
  reject: 'rejected',
  print: 'printed',
  confirm_print: 'confirmed as printed',
  replace_by_amendment: 'replaced by an amendment',
  replace_by_reissue: 'replaced by a reissue',
  cancel: 'cancelled',
};

const BY: Record<Party, string> = {
  applicant: 'the applicant',
  officer: 'an officer of the issuing office',
  system: 'Origo itself',
};
