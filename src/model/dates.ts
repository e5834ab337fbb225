const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Days in `month` (1-12) of `year`. */
export const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/**
 * Why an ISO period that has the right shape (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYY-Qn`) is not
 * a date of the calendar, or undefined when it is one: year 0 does not exist (the proleptic
 * Gregorian calendar of ISO 8601 as publishers use it starts at 0001), months run 01-12, days to
 * the month's length (leap years included), quarters 1-4.
 *
 * @example calendarProblem("2013-02-31") // "February 2013 has 28 days"
 * @example calendarProblem("2012-02-29") // undefined
 */
export function calendarProblem(period: string): string | undefined {
  const year = Number(period.slice(0, 4));
  if (year === 0) return "there is no year 0";
  if (period.length === 4) return undefined;
  if (period[5] === "Q") {
    const q = Number(period.slice(6));
    return q >= 1 && q <= 4 ? undefined : `there is no quarter ${period.slice(6)}`;
  }
  const month = Number(period.slice(5, 7));
  if (!(month >= 1 && month <= 12)) return `there is no month ${period.slice(5, 7)}`;
  if (period.length === 7) return undefined;
  const day = Number(period.slice(8, 10));
  const days = daysInMonth(year, month);
  if (day === 0) return "there is no day 00";
  return day <= days ? undefined : `${MONTHS[month - 1]} ${period.slice(0, 4)} has ${days} days`;
}
