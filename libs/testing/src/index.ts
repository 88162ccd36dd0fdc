export * from './api-key-helpers';
export * from './auth-helpers';
export * from './crm-world';
export * from './factories';
export * from './forged-tokens';
export * from './problem-assertions';
export * from './route-catalog';
export * from './test-app';
export { createTestDatabase, type TestDatabase } from './test-database';
