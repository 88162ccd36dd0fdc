// What other rooms may use from organization-contact.
export {
  type ContactDetailSection,
  type ContactDetailSectionItems,
  ContactDetailSections,
} from './contact-detail-sections';
export { CONTACT_MEMBERS } from './contact-members';
export type { ContactRow } from './contact-relations';
export { CONTACT_TAGS } from './contact-tags';
export { ContactEntity } from './entities/contact.entity';
export { OrganizationContactModule } from './organization-contact.module';
export { GetContactQuery } from './queries/get-contact.query';
