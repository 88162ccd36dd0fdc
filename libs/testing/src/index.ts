export * from './auth-helpers';
export * from './factories';
export * from './problem-assertions';
export * from './test-app';
export { createTestDatabase, type TestDatabase } from './test-database';
