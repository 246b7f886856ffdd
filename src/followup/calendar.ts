/**
 * Time in Brussels for the follow-up scheduler: check-ins go out on Belgian working days within
 * office hours, whatever the server's own time zone, and across daylight-saving changes.
 * Pure functions of their arguments; the clock is always passed in.
 */

export const TIME_ZONE = 'Europe/Brussels';
/** Check-ins are sent from this local hour on a moment's day, and never before OPEN_HOUR. */
export const SEND_HOUR = 10;
export const OPEN_HOUR = 9;
export const CLOSE_HOUR = 17;

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  weekday: 'short',
  hourCycle: 'h23',
});

export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** YYYY-MM-DD in Brussels. */
  date: string;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The wall-clock time in Brussels at an instant. */
export function brusselsTime(at: Date): LocalTime {
  const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, x.value]));
  const year = Number(p.year);
  const month = Number(p.month);
  const day = Number(p.day);
  return {
    year,
    month,
    day,
    hour: Number(p.hour),
    minute: Number(p.minute),
    weekday: WEEKDAYS.indexOf(p.weekday ?? ''),
    date: `${p.year}-${p.month}-${p.day}`,
  };
}

function offsetMs(at: number): number {
  const l = brusselsTime(new Date(at));
  const asUtc = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute);
  return asUtc - Math.floor(at / 60_000) * 60_000;
}

/** The instant a Brussels wall-clock time stands for (CET or CEST, whichever applies that day). */
export function brusselsInstant(date: string, hour: number, minute = 0): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d, hour, minute);
  let at = guess - offsetMs(guess);
  const second = guess - offsetMs(at);
  if (second !== at) at = second;
  return new Date(at);
}

/** Adds days to a YYYY-MM-DD date (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Adds months, keeping the day where the month has it (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/** Months from one date to another, rounded ("about 3 months": 30 Nov → 28 Feb counts as 3). */
export function monthsAround(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / (30.4375 * 86_400_000));
}

/**
 * Easter Sunday (Gregorian, anonymous algorithm): Easter Monday, Ascension and Whit Monday hang on
 * it. Own code because no holiday library is among the dependencies (date-holidays was weighed;
 * adding a package for ten fixed rules and one well-known formula is not worth its data files).
 */
function easter(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const holidayCache = new Map<number, Set<string>>();

/** Belgium's ten legal public holidays of a year. */
export function belgianHolidays(year: number): Set<string> {
  let days = holidayCache.get(year);
  if (!days) {
    const e = easter(year);
    const fixed = ['01-01', '05-01', '07-21', '08-15', '11-01', '11-11', '12-25'];
    days = new Set([
      ...fixed.map((md) => `${year}-${md}`),
      addDays(e, 1),
      addDays(e, 39),
      addDays(e, 50),
    ]);
    holidayCache.set(year, days);
  }
  return days;
}

export function isWorkingDay(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !belgianHolidays(y).has(date);
}

/** The first working day on or after `date`. */
export function workingDayFrom(date: string): string {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/** Whether `at` falls on a Belgian working day between 09:00 and 17:00 Brussels time. */
export function isWorkingHours(at: Date): boolean {
  const l = brusselsTime(at);
  return isWorkingDay(l.date) && l.hour >= OPEN_HOUR && l.hour < CLOSE_HOUR;
}

/**
 * The day a check-in for a moment planned on `date` really goes out: that day, or the next Belgian
 * working day after a weekend or public holiday. The one rule for both what the schedule card and
 * messages announce and when the dispatcher sends (through `sendTimeFor`).
 */
export function checkinDay(date: string): string {
  return workingDayFrom(date);
}

/** When a check-in for a moment on `date` may go out: 10:00 Brussels on its check-in day. */
export function sendTimeFor(date: string): Date {
  return brusselsInstant(checkinDay(date), SEND_HOUR);
}

/** The next instant at or after `at` within working hours (for "sent from … on"). */
export function nextWorkingMoment(at: Date): Date {
  if (isWorkingHours(at)) return at;
  const l = brusselsTime(at);
  const today = isWorkingDay(l.date) && l.hour < OPEN_HOUR ? l.date : addDays(l.date, 1);
  return brusselsInstant(workingDayFrom(today), OPEN_HOUR);
}

/** Today's date in Brussels. */
export function brusselsDate(at: Date): string {
  return brusselsTime(at).date;
}
