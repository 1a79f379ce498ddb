import { describe, expect, it } from 'vitest';
import { isoWeek, median, reviewStatistics } from './review-statistics.js';

describe('review statistics for office heads', () => {
  it('names ISO weeks in China time (a Sunday evening in UTC is already Monday in China)', () => {
    expect(isoWeek('2026-03-02T01:00:00Z')).toBe('2026-W10');
    expect(isoWeek('2026-03-08T17:00:00Z')).toBe('2026-W11');
    expect(isoWeek('2027-01-01T00:00:00Z')).toBe('2026-W53');
  });

  it('takes the median of an odd and an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('counts issues per week and type, times the first decision, and ranks return reasons', () => {
    const statistics = reviewStatistics(
      [
        { typeCode: 'C', approvedAt: '2026-03-02T02:00:00Z' },
        { typeCode: 'C', approvedAt: '2026-03-03T02:00:00Z' },
        { typeCode: 'RC', approvedAt: '2026-03-10T02:00:00Z' },
      ],
      [
        {
          applicationId: 'a',
          action: 'return',
          reasons: ['hs_code_mismatch', 'other'],
          decidedAt: '2026-03-02T03:00:00Z',
          submittedAt: '2026-03-02T01:00:00Z',
        },
        {
          applicationId: 'a',
          action: 'approve',
          reasons: [],
          decidedAt: '2026-03-03T02:00:00Z',
          submittedAt: '2026-03-03T01:00:00Z',
        },
        {
          applicationId: 'b',
          action: 'return',
          reasons: ['hs_code_mismatch'],
          decidedAt: '2026-03-09T07:00:00Z',
          submittedAt: '2026-03-09T01:00:00Z',
        },
      ],
    );
    expect(statistics.issuedPerWeek).toEqual([
      { week: '2026-W10', typeCode: 'C', count: 2 },
      { week: '2026-W11', typeCode: 'RC', count: 1 },
    ]);
    // First decisions: a after 2 h, b after 6 h.
    expect(statistics.medianHoursToDecision).toBe(4);
    expect(statistics.decisions).toBe(2);
    expect(statistics.returnReasons).toEqual([
      { code: 'hs_code_mismatch', count: 2 },
      { code: 'other', count: 1 },
    ]);
  });
});
