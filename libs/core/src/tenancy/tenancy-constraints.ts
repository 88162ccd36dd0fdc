import { registerUniqueConstraint } from '../errors/unique-constraints';

registerUniqueConstraint('app_user_email_uq', 'EMAIL_TAKEN', 'A user with this e-mail already exists.');
registerUniqueConstraint(
  'organization_name_uq',
  'ORGANIZATION_NAME_TAKEN',
  'Your tenant already has an organization with this name.',
);
registerUniqueConstraint('membership_user_uq', 'ALREADY_MEMBER', 'This user is already a member of the organization.');
registerUniqueConstraint('role_name_uq', 'ROLE_NAME_TAKEN', 'A role with this name already exists.');
