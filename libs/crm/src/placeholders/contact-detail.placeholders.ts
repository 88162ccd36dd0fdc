import { ContactDetailSections } from '../organization-contact';

const none = (): Promise<readonly object[]> => Promise.resolve([]);

/** The contact detail's sections of modules not built yet: empty until each module replaces its own (deals did). */
ContactDetailSections.register({
  key: 'tickets',
  order: 40,
  description: 'Ticket history (empty until the tickets module exists).',
  load: none,
});
