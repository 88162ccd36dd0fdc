import { ContactDetailSections } from '../organization-contact';

const none = (): Promise<readonly object[]> => Promise.resolve([]);

/** The contact detail's sections of modules not built yet: empty until each module replaces its own (deals did). */
ContactDetailSections.register({
  key: 'recentActivities',
  order: 20,
  description: 'Recent calls, e-mails, meetings and tasks (empty until the activities module exists).',
  load: none,
});
ContactDetailSections.register({
  key: 'notes',
  order: 30,
  description: 'Notes on the contact (empty until the notes module exists).',
  load: none,
});
ContactDetailSections.register({
  key: 'tickets',
  order: 40,
  description: 'Ticket history (empty until the tickets module exists).',
  load: none,
});
