export { CrmModule } from './crm.module';
// The demo seeder writes these directly (seeding is an allowed use of the unscoped escape hatch).
export { ContactEntity } from './organization-contact';
export { CustomerEntity } from './customers';
export { TagEntity } from './tags';
