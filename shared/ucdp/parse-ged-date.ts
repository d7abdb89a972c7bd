// GED has shipped its dates in more than one spelling over the years; all are
// calendar days (the time of day, when present, is always midnight and unused).

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
// M/D/YYYY h:mm:ss AM, MM/DD/YYYY HH:MM, or M/D/YYYY alone.
const US =
  /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp][Mm]))?)?$/;

/** A calendar date as `YYYY-MM-DD`, or the reason the text is not one. */
export type GedDate = { ok: true; date: string } | { ok: false; reason: string };

/** Parses a GED date in ISO `YYYY-MM-DD`, `M/D/YYYY h:mm:ss AM` or `MM/DD/YYYY HH:MM` form. */
export function parseGedDate(raw: string): GedDate {
  const text = raw.trim();
  if (text === '') return { ok: false, reason: 'is empty' };
  let year: number;
  let month: number;
  let day: number;
  let hour: number;
  let minute: number;
  let second: number;
  const iso = ISO.exec(text);
  const us = iso ? null : US.exec(text);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    hour = Number(iso[4] ?? 0);
    minute = Number(iso[5] ?? 0);
    second = Number(iso[6] ?? 0);
  } else if (us) {
    [month, day, year] = [Number(us[1]), Number(us[2]), Number(us[3])];
    hour = Number(us[4] ?? 0);
    minute = Number(us[5] ?? 0);
    second = Number(us[6] ?? 0);
    const meridiem = us[7]?.toUpperCase();
    if (meridiem) {
      if (hour < 1 || hour > 12)
        return { ok: false, reason: `"${raw}" has hour ${hour} with ${meridiem}` };
      if (meridiem === 'AM' && hour === 12) hour = 0;
      if (meridiem === 'PM' && hour !== 12) hour += 12;
    }
  } else {
    return {
      ok: false,
      reason: `"${raw}" is not a date (expected YYYY-MM-DD, M/D/YYYY h:mm:ss AM or MM/DD/YYYY HH:MM)`,
    };
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return { ok: false, reason: `"${raw}" has an impossible time of day` };
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, reason: `"${raw}" is not a calendar date` };
  }
  const date = `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
  return { ok: true, date };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
