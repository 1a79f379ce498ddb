/** The calendar day in China Standard Time (YYYY-MM-DD), `offsetDays` from today: where customs counts days. */
export const chinaDay = (offsetDays = 0): string =>
  new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
