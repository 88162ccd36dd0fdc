import { ValidationError } from '../errors/domain-error';

/** A currency code outside the ISO 4217 table: a 400 on the field that carried it. */
export class UnknownCurrencyError extends ValidationError {
  static readonly code = 'UNKNOWN_CURRENCY';

  constructor(
    readonly currencyCode: string,
    field = 'currency',
  ) {
    const message = `${field} must be an ISO 4217 currency code such as EUR or USD, not ${JSON.stringify(currencyCode)}`;
    super([{ field, message }], message, UnknownCurrencyError.code);
  }
}
