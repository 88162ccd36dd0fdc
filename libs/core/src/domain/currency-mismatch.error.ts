import { UnprocessableEntityError } from '../errors/domain-error';
import type { CurrencyCode } from './currency';

/**
 * Two amounts in different currencies met in one sum or comparison (an EUR line on a USD
 * invoice): a 422, since each value is valid on its own. Money never converts silently.
 */
export class CurrencyMismatchError extends UnprocessableEntityError {
  static readonly code = 'CURRENCY_MISMATCH';

  constructor(
    readonly expected: CurrencyCode,
    readonly actual: CurrencyCode,
  ) {
    super(CurrencyMismatchError.code, `Amounts in ${expected} and ${actual} cannot be combined.`, {
      expectedCurrency: expected,
      actualCurrency: actual,
    });
  }
}
