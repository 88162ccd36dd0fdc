import { registerUniqueConstraint } from '../errors/unique-constraints';

// E-mail addresses are unique across tenants (login is by e-mail alone). The answer does not say
// whose the address is, so neither signup nor adding a member tells another tenant's users apart.
registerUniqueConstraint(
  'app_user_email_uq',
  'EMAIL_UNAVAILABLE',
  'This e-mail address cannot be used for a new account.',
);
registerUniqueConstraint(
  'organization_name_uq',
  'ORGANIZATION_NAME_TAKEN',
  'Your tenant already has an organization with this name.',
);
registerUniqueConstraint('membership_user_uq', 'ALREADY_MEMBER', 'This user is already a member of the organization.');
registerUniqueConstraint('role_name_uq', 'ROLE_NAME_TAKEN', 'A role with this name already exists.');
