import type { ContactDetailSectionItems } from './contact-detail-sections';
import type { ContactRow } from './contact-relations';

/** A contact with its customer and tags loaded, and the sections other modules contribute. */
export interface ContactDetail {
  readonly contact: ContactRow;
  readonly sections: ContactDetailSectionItems;
}
