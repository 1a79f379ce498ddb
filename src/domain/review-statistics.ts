/**
 * The office heads' figures (review issue): certificates issued per type and ISO week, the median time
 * from submission to customs' first decision, and the most common return reasons. Pure aggregation over
 * rows the store hands in.
 */

export interface IssuedRow {
  typeCode: string;
  approvedAt: string;
}

export interface DecisionRow {
  applicationId: string;
  action: 'approve' | 'return' | 'reject';
  reasons: string[];
  decidedAt: string;
  /** When the application was (last) submitted before this decision. */
  submittedAt: string | null;
}

export interface ReviewStatistics {
  issuedPerWeek: Array<{ week: string; typeCode: string; count: number }>;
  /** Hours from submission to the first decision, median over decided applications; null when none. */
  medianHoursToDecision: number | null;
  decisions: number;
  returnReasons: Array<{ code: string; count: number }>;
}

/** The ISO 8601 week of an instant, in China time: "2026-W10". */
export function isoWeek(instant: string): string {
  const china = new Date(Date.parse(instant) + 8 * 3_600_000);
  const day = new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the Thursday of this week decides its year
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function reviewStatistics(
  issued: readonly IssuedRow[],
  decisions: readonly DecisionRow[],
): ReviewStatistics {
  const perWeek = new Map<string, number>();
  for (const row of issued) {
    const key = `${isoWeek(row.approvedAt)}|${row.typeCode}`;
    perWeek.set(key, (perWeek.get(key) ?? 0) + 1);
  }
  const firstDecision = new Map<string, DecisionRow>();
  for (const decision of [...decisions].sort((a, b) => a.decidedAt.localeCompare(b.decidedAt))) {
    if (!firstDecision.has(decision.applicationId)) firstDecision.set(decision.applicationId, decision);
  }
  const hours = [...firstDecision.values()]
    .filter((decision) => decision.submittedAt)
    .map((decision) => (Date.parse(decision.decidedAt) - Date.parse(decision.submittedAt!)) / 3_600_000);
  const reasons = new Map<string, number>();
  for (const decision of decisions)
    if (decision.action === 'return')
      for (const code of decision.reasons) reasons.set(code, (reasons.get(code) ?? 0) + 1);
  const rounded = median(hours);
  return {
    issuedPerWeek: [...perWeek]
      .map(([key, count]) => {
        const [week, typeCode] = key.split('|') as [string, string];
        return { week, typeCode, count };
      })
      .sort((a, b) => a.week.localeCompare(b.week) || a.typeCode.localeCompare(b.typeCode)),
    medianHoursToDecision: rounded === null ? null : Math.round(rounded * 10) / 10,
    decisions: firstDecision.size,
    returnReasons: [...reasons]
      .map(([code, count]) => ({ code, count }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
  };
}
