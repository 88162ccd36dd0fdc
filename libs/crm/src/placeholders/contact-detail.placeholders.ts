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
