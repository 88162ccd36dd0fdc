import type { ContactDetailSectionItems } from './contact-detail-sections';
import type { ContactEntity } from './entities/contact.entity';

/** A contact with its customer and tags loaded, and the sections other modules contribute. */
export interface ContactDetail {
  readonly contact: ContactEntity;
  readonly sections: ContactDetailSectionItems;
}
