import { ContactDetailSections } from '../organization-contact';

const none = (): Promise<readonly object[]> => Promise.resolve([]);

/** The contact detail's sections of modules not built yet: empty until each module replaces its own. */
ContactDetailSections.register({
  key: 'openDeals',
  order: 10,
  description: 'Open deals of the contact (empty until the deals module exists).',
  load: none,
});
ContactDetailSections.register({
  key: 'tickets',
  order: 40,
  description: 'Ticket history (empty until the tickets module exists).',
  load: none,
});
