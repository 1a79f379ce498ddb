/**
 * Calendar days as certificates and rules write them (YYYY-MM-DD), and the instants that bound a day in
 * China Standard Time, where customs counts days.
 */

/** Whether a text is a real calendar day (2026-02-30 is not). */
export function isCalendarDay(value: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(Date.parse(value)) &&
    new Date(value).toISOString().startsWith(value)
  );
}

/** The day `days` after `day` (before, when negative). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(day) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The first instant of a day in China time, as an ISO string. */
export function chinaDayStart(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00+08:00`)).toISOString();
}

/** The first instant after a day in China time: the exclusive end of a range that includes `day`. */
export function chinaDayEnd(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00+08:00`) + 86_400_000).toISOString();
}
