import { describe, expect, it } from 'vitest';
import type { CaseFacts } from './verification-case.js';
import {
  checkOpenCase,
  isSampled,
  replyDueOf,
  replyWindowOf,
  requestSchedule,
  superviseCases,
} from './verification-case.js';

describe('verification cases', () => {
  it('draws about the rate, the same way every time for a number', () => {
    const numbers = Array.from(
      { length: 10_000 },
      (_, index) => `C26220000${String(index).padStart(4, '0')}`,
    );
    const drawn = numbers.filter((number) => isSampled(number, 5)).length;
    expect(drawn).toBeGreaterThan(400);
    expect(drawn).toBeLessThan(600);
    expect(numbers.filter((number) => isSampled(number, 5)).length).toBe(drawn);
    expect(isSampled('C262200000001', 0)).toBe(false);
    expect(isSampled('C262200000001', 100)).toBe(true);
  });

  it('reminds three days before a deadline and escalates at the start of the day after it (China time)', () => {
    expect(requestSchedule('2026-03-20', '2026-03-01')).toEqual({
      remindAt: '2026-03-16T16:00:00.000Z',
      escalateAt: '2026-03-20T16:00:00.000Z',
    });
    // A deadline closer than three days gets no reminder.
    expect(requestSchedule('2026-03-03', '2026-03-01').remindAt).toBeNull();
  });

  it('needs the foreign authority, a past day received and a reply period within the window', () => {
    const base = {
      source: 'foreign_request' as const,
      certificateNumbers: ['C262200000001'],
      requestingCountry: 'KR',
      requestingAuthority: 'Korea Customs Service',
      foreignReference: 'X-1',
      receivedOn: '2026-03-01',
      questions: 'CONFIRM THE ORIGIN.',
      riskRule: '',
    };
    const rcep = { min: 30, max: 90, default: 90, from: ['RCEP'] };
    expect(checkOpenCase(base, '2026-03-02', rcep)).toEqual([]);
    expect(checkOpenCase({ ...base, replyDue: '2026-03-31' }, '2026-03-02', rcep)).toEqual([]);
    const early = checkOpenCase({ ...base, replyDue: '2026-03-30' }, '2026-03-02', rcep)[0];
    expect(early?.code).toBe('invalid_reply_due');
    expect(early?.message).toBe(
      'Under RCEP a reply is due 30 to 90 days after receipt: from 2026-03-31 to 2026-05-30.',
    );
    expect(checkOpenCase({ ...base, replyDue: '2026-05-31' }, '2026-03-02', rcep)[0]?.code).toBe(
      'invalid_reply_due',
    );
    expect(checkOpenCase({ ...base, receivedOn: '2026-03-03' }, '2026-03-02', rcep)[0]?.path).toBe(
      'receivedOn',
    );
    expect(checkOpenCase({ ...base, source: 'risk' }, '2026-03-02', rcep)[0]?.path).toBe('riskRule');
  });

  it("keeps every agreement's reply period when a case names certificates of several types", () => {
    const type = (code: string, agreement: string | null, min: number, max: number, fallback: number) => ({
      code,
      agreement: agreement ? { code: agreement } : null,
      verificationReplyDays: { min, max, default: fallback },
    });
    expect(replyWindowOf([type('RC', 'RCEP', 30, 90, 90)])).toEqual({
      min: 30,
      max: 90,
      default: 90,
      from: ['RCEP'],
    });
    // The latest shortest period, the earliest longest one, and the shortest default inside them.
    expect(replyWindowOf([type('RC', 'RCEP', 30, 90, 90), type('E', 'ACFTA', 45, 60, 60)])).toEqual({
      min: 45,
      max: 60,
      default: 60,
      from: ['RCEP', 'ACFTA'],
    });
    // Periods that do not overlap: the earliest longest period wins; a type without agreement is named.
    expect(replyWindowOf([type('C', null, 10, 20, 20), type('E', 'ACFTA', 45, 60, 60)])).toEqual({
      min: 20,
      max: 20,
      default: 20,
      from: ['type C', 'ACFTA'],
    });
  });

  it("sets the reply day from the window when the request names none, and none for customs' own cases", () => {
    const input = {
      source: 'foreign_request' as const,
      certificateNumbers: ['C1'],
      requestingCountry: 'KR',
      requestingAuthority: 'KCS',
      foreignReference: '',
      receivedOn: '2026-03-01',
      questions: 'Q',
      riskRule: '',
    };
    const window = { min: 30, max: 60, default: 45, from: ['X'] };
    expect(replyDueOf(input, window)).toBe('2026-04-15');
    expect(replyDueOf({ ...input, replyDue: '2026-04-20' }, window)).toBe('2026-04-20');
    expect(replyDueOf({ ...input, source: 'sampling' }, window)).toBeNull();
  });

  it('counts open cases by age and deadline and concluded ones by type and enterprise', () => {
    const facts = (entry: Partial<CaseFacts>): CaseFacts => ({
      status: 'open',
      outcome: null,
      openedOn: '2026-03-01',
      replyDue: '2026-05-30',
      typeCodes: ['C'],
      enterpriseId: 'ent-1',
      ...entry,
    });
    const dashboard = superviseCases(
      [
        facts({}),
        facts({ openedOn: '2026-01-01', replyDue: '2026-03-05' }),
        facts({ replyDue: null }),
        facts({ status: 'concluded', outcome: 'not_confirmed', typeCodes: ['RC', 'RC'] }),
        facts({ status: 'concluded', outcome: 'confirmed', enterpriseId: 'ent-2' }),
      ],
      '2026-03-10',
    );
    expect(dashboard.openByAge).toEqual([
      { bucket: '0-7', count: 0 },
      { bucket: '8-30', count: 2 },
      { bucket: '31-60', count: 0 },
      { bucket: '61+', count: 1 },
    ]);
    expect(dashboard.openByDeadline).toEqual([
      { bucket: 'overdue', count: 1 },
      { bucket: 'within_7', count: 0 },
      { bucket: 'within_30', count: 0 },
      { bucket: 'later', count: 1 },
      { bucket: 'none', count: 1 },
    ]);
    expect(dashboard.outcomesByType).toEqual([
      { typeCode: 'C', confirmed: 1, not_confirmed: 0, inconclusive: 0 },
      { typeCode: 'RC', confirmed: 0, not_confirmed: 1, inconclusive: 0 },
    ]);
    expect(dashboard.outcomesByEnterprise).toEqual([
      { enterpriseId: 'ent-1', confirmed: 0, not_confirmed: 1, inconclusive: 0 },
      { enterpriseId: 'ent-2', confirmed: 1, not_confirmed: 0, inconclusive: 0 },
    ]);
  });
});
