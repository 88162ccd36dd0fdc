import { registerUniqueConstraint } from '@clientele/core';
import { CustomerNameTakenError } from './customer-name-taken.error';

registerUniqueConstraint(
  'customer_name_uq',
  CustomerNameTakenError.code,
  'The organization already has a customer with this name.',
);
