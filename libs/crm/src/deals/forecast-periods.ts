import { ValidationError } from '@clientele/core';

export const FORECAST_INTERVALS = ['month', 'quarter'] as const;
export type ForecastInterval = (typeof FORECAST_INTERVALS)[number];

/** At most this many periods in one forecast (ten years of months). */
export const MAX_FORECAST_PERIODS = 120;

/** One period of a forecast: `2026-12` or `2026-Q4`, its first and last day (`YYYY-MM-DD`). */
export interface ForecastPeriod {
  readonly key: string;
  readonly start: string;
  readonly end: string;
}

const pad = (value: number): string => String(value).padStart(2, '0');
const day = (year: number, month: number, date: number): string => `${year}-${pad(month + 1)}-${pad(date)}`;

/** The key of the period a `YYYY-MM-DD` date falls in. */
export function periodKey(date: string, interval: ForecastInterval): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return interval === 'month' ? `${year}-${pad(month)}` : `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/**
 * Every period from the one holding `from` to the one holding `to`, in order — also those with
 * no deals, so a chart has no gaps. `to` before `from`, or more than `MAX_FORECAST_PERIODS`, is a 400.
 */
export function forecastPeriods(from: string, to: string, interval: ForecastInterval): ForecastPeriod[] {
  if (to < from) throw ValidationError.field('to', 'to must not be before from', 'INVALID_RANGE');
  const [fromYear, fromMonth] = from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = to.split('-').map(Number) as [number, number];
  const step = interval === 'month' ? 1 : 3;
  let year = fromYear;
  let month = interval === 'month' ? fromMonth - 1 : Math.floor((fromMonth - 1) / 3) * 3;
  const last = toYear * 12 + (toMonth - 1);
  const periods: ForecastPeriod[] = [];
  while (year * 12 + month <= last) {
    if (periods.length === MAX_FORECAST_PERIODS) {
      throw ValidationError.field('to', `a forecast spans at most ${MAX_FORECAST_PERIODS} periods`, 'INVALID_RANGE');
    }
    const endMonth = month + step - 1;
    const lastDay = new Date(Date.UTC(year, endMonth + 1, 0)).getUTCDate();
    periods.push({
      key: periodKey(day(year, month, 1), interval),
      start: day(year, month, 1),
      end: day(year, endMonth, lastDay),
    });
    month += step;
    if (month >= 12) {
      month -= 12;
      year += 1;
    }
  }
  return periods;
}
