import { describe, expect, it } from 'vitest';
import type { EngineAnswer, ReferencedPreReview } from './pre-review.js';
import { checkPreReviewReferences, settleDecision } from './pre-review.js';

const rcepMet: EngineAnswer = {
  agreement: 'RCEP',
  status: 'MET',
  originating: true,
  criterion: 'CTC',
  criterionRequired: true,
};
const acftaUnknown: EngineAnswer = {
  agreement: 'ACFTA',
  status: 'UNKNOWN',
  originating: false,
  criterion: '',
  criterionRequired: true,
};
const nonPreferential: EngineAnswer = {
  agreement: 'NONPREFERENTIAL',
  status: 'MET',
  originating: true,
  criterion: '',
  criterionRequired: false,
};

describe('settling a pre-review decision', () => {
  it('takes the engine’s criterion when the officer agrees, with a year’s validity by default', () => {
    const settled = settleDecision(
      { results: [{ agreement: 'RCEP', conforms: true }], reason: '' },
      [rcepMet],
      '2026-03-02',
    );
    expect(settled).toEqual({
      ok: true,
      reason: '',
      validUntil: '2027-03-02',
      results: [
        {
          agreement: 'RCEP',
          conforms: true,
          criterion: 'CTC',
          engine: { status: 'MET', criterion: 'CTC' },
          overridden: false,
        },
      ],
    });
  });

  it('treats a different criterion or conformity as an override that needs a reason', () => {
    const differs = settleDecision(
      { results: [{ agreement: 'RCEP', conforms: true, criterion: ' rvc ' }], reason: '' },
      [rcepMet],
      '2026-03-02',
    );
    expect(differs).toEqual({
      ok: false,
      problems: [expect.objectContaining({ path: 'reason', code: 'reason_required' })],
    });
    const withReason = settleDecision(
      {
        results: [{ agreement: 'RCEP', conforms: true, criterion: ' rvc ' }],
        reason: 'COST SHEET SHOWS 52%',
      },
      [rcepMet],
      '2026-03-02',
    );
    expect(withReason.ok && withReason.results[0]).toMatchObject({ criterion: 'RVC', overridden: true });
    // The engine could not decide (a process rule): confirming it is an override with its criterion.
    const unknown = settleDecision(
      { results: [{ agreement: 'ACFTA', conforms: true }], reason: 'PROCESS SEEN ON SITE' },
      [acftaUnknown],
      '2026-03-02',
    );
    expect(unknown).toEqual({
      ok: false,
      problems: [expect.objectContaining({ path: 'results.0.criterion', code: 'required' })],
    });
  });

  it('needs no criterion where the certificate has none (non-preferential)', () => {
    const settled = settleDecision(
      { results: [{ agreement: 'NONPREFERENTIAL', conforms: true }], reason: '' },
      [nonPreferential],
      '2026-03-02',
    );
    expect(settled.ok && settled.results[0]).toMatchObject({ criterion: '', overridden: false });
  });

  it('answers every agreement asked about, once, and none other', () => {
    const settled = settleDecision(
      {
        results: [
          { agreement: 'RCEP', conforms: true },
          { agreement: 'RCEP', conforms: false },
          { agreement: 'CKFTA', conforms: true },
        ],
        reason: 'X',
      },
      [rcepMet, acftaUnknown],
      '2026-03-02',
    );
    expect(settled.ok ? [] : settled.problems.map((problem) => [problem.path, problem.code])).toEqual([
      ['results', 'agreement_missing'],
      ['results.1.agreement', 'duplicate'],
      ['results.2.agreement', 'agreement_not_asked'],
    ]);
  });

  it('keeps the validity between today and three years on', () => {
    const at = (validUntil: string) =>
      settleDecision(
        { results: [{ agreement: 'RCEP', conforms: true }], reason: '', validUntil },
        [rcepMet],
        '2026-03-02',
      ).ok;
    expect(at('2026-03-02')).toBe(true);
    expect(at('2029-03-01')).toBe(true);
    expect(at('2029-03-02')).toBe(false);
    expect(at('2026-03-01')).toBe(false);
    expect(at('2026-3-9')).toBe(false);
  });
});

describe('the pre_review check of an application', () => {
  const decided: ReferencedPreReview = {
    id: 'pr-1',
    enterpriseId: 'ent-1',
    status: 'decided',
    hsCode: '8509400000',
    decision: {
      validFrom: '2026-03-02',
      validUntil: '2026-12-31',
      results: [
        {
          agreement: 'RCEP',
          conforms: true,
          criterion: 'CTC',
          engine: { status: 'MET', criterion: 'CTC' },
          overridden: false,
        },
      ],
    },
  };
  const found = new Map([[decided.id, decided]]);
  const item = { index: 0, preReviewId: 'pr-1', hsCode: '850940', originCriterion: 'ctc' };
  const check = (day: string, agreement = 'RCEP', items = [item]) =>
    checkPreReviewReferences(items, found, { enterpriseId: 'ent-1', agreement, day });

  it('does not apply without a reference, passes within the validity, fails outside it', () => {
    expect(check('2026-06-01', 'RCEP', []).outcome).toBe('not_applicable');
    expect(check('2026-03-02').outcome).toBe('pass');
    expect(check('2026-12-31').outcome).toBe('pass');
    expect(check('2027-01-01')).toMatchObject({
      outcome: 'fail',
      evidence: 'item 1: pre-review pr-1 holds from 2026-03-02 to 2026-12-31, not on 2027-01-01',
    });
  });

  it('fails for another agreement and for another enterprise', () => {
    expect(check('2026-06-01', 'ACFTA').evidence).toBe('item 1: pre-review pr-1 did not cover ACFTA');
    expect(
      checkPreReviewReferences([item], found, { enterpriseId: 'ent-2', agreement: 'RCEP', day: '2026-06-01' })
        .outcome,
    ).toBe('fail');
  });

  it('needs at least six digits of the product’s HS code', () => {
    expect(check('2026-06-01', 'RCEP', [{ ...item, hsCode: '8509' }]).outcome).toBe('fail');
    expect(check('2026-06-01', 'RCEP', [{ ...item, hsCode: '8509400000' }]).outcome).toBe('pass');
  });
});
