import { registerUniqueConstraint } from '@clientele/core';

registerUniqueConstraint(
  'customer_name_uq',
  'CUSTOMER_NAME_TAKEN',
  'The organization already has a customer with this name.',
);
