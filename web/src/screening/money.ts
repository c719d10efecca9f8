import type { MoneyAmount } from './schema.ts';

// A money identifier in the reader's language: digits grouped as they write them ("20.000.000"),
// the currency as they name it, and the period in words (`screening.money.per.*`).

export const moneyPeriods = ['hour', 'day', 'week', 'month', 'year'] as const;
export type MoneyPeriod = (typeof moneyPeriods)[number];

function isMoneyPeriod(period: string): period is MoneyPeriod {
  return moneyPeriods.some((known) => known === period);
}

/** `perPeriod` puts the formatted amount into the sentence for its period ("{{amount}} a month"). */
export function formatMoney(
  money: MoneyAmount,
  locale: string,
  perPeriod: (period: MoneyPeriod, amount: string) => string,
): string {
  const amount = formatAmount(money, locale);
  return money.period && isMoneyPeriod(money.period) ? perPeriod(money.period, amount) : amount;
}

function formatAmount({ amount, amountMax, currency }: MoneyAmount, locale: string): string {
  // Whole amounts without decimals (IDR's default would add ",00"), cents as two digits.
  const whole = Number.isInteger(amount) && (amountMax === undefined || Number.isInteger(amountMax));
  const fraction = whole ? 0 : 2;
  const digits = { minimumFractionDigits: fraction, maximumFractionDigits: fraction };
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency, ...digits });
  } catch {
    // Not an ISO 4217 code (USDT, a stablecoin): the number, then the code as written.
    const number = new Intl.NumberFormat(locale, digits);
    const shown = amountMax === undefined ? number.format(amount) : number.formatRange(amount, amountMax);
    return `${shown} ${currency}`;
  }
  return amountMax === undefined ? format.format(amount) : format.formatRange(amount, amountMax);
}
