import { unscopedRepository } from '@clientele/core';
import { ACTIVITY_CONTACTS, ActivityEntity, type ContactEntity, DealEntity, NoteEntity } from '@clientele/crm';
import type { EntityManager } from 'typeorm';
import type { DemoOrganization } from './demo-crm-seeder';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** What the demo's activities look like: one per shape, cycled over the contacts. */
const ACTIVITY_SHAPES = [
  { type: 'CALL', subject: 'Intro call', dueInDays: -6, done: true },
  { type: 'TASK', subject: 'Send the pricing sheet', dueInDays: -3, done: false },
  { type: 'MEETING', subject: 'Quarterly review', dueInDays: 5, done: false },
  { type: 'EMAIL', subject: 'Follow up on the proposal', dueInDays: -1, done: true },
  { type: 'TASK', subject: 'Renewal check-in', dueInDays: -10, done: false },
  { type: 'CALL', subject: 'Onboarding call', dueInDays: 2, done: false },
] as const;

const CONTACT_NOTES = [
  '**Prefers e-mail** over calls; best reached before noon.',
  'Budget for next year is *being discussed*; ask again in the spring.',
  '## Met at the trade fair\n\n- interested in the support plan\n- wants a demo for their team',
] as const;

/**
 * The demo's feed: activities (some overdue, some completed, some ahead) and notes on every
 * other contact, and a meeting and a note on each deal there is. Written unscoped in the
 * seeder's transaction, with the contact's owner as owner and author.
 */
export async function seedDemoFeed(
  manager: EntityManager,
  demo: DemoOrganization,
  contacts: readonly ContactEntity[],
): Promise<void> {
  const now = Date.now();
  const activities = unscopedRepository(manager, ActivityEntity);
  const notes = unscopedRepository(manager, NoteEntity);
  for (const [index, contact] of contacts.entries()) {
    if (index % 2 !== 0) continue;
    const author = contact.ownerId ?? demo.users.ADMIN;
    const shape = ACTIVITY_SHAPES[(index / 2) % ACTIVITY_SHAPES.length];
    const dueAt = new Date(now + shape.dueInDays * DAY_MS);
    const activity = await activities.save({
      ...stamp(demo, author),
      type: shape.type,
      subject: `${shape.subject} with ${contact.firstName ?? contact.name}`,
      body: null,
      dueAt,
      completedAt: shape.done ? new Date(dueAt.getTime() + 2 * HOUR_MS) : null,
      ownerId: author,
      dealId: null,
      customerId: contact.customerId,
    });
    await ACTIVITY_CONTACTS.addUnscoped(manager, activity, [contact.id]);
    if (index % 3 === 0) {
      await notes.save({
        ...stamp(demo, author),
        body: CONTACT_NOTES[(index / 6) % CONTACT_NOTES.length],
        authorId: author,
        contactId: contact.id,
        customerId: null,
        dealId: null,
      });
    }
  }
  const deals = await unscopedRepository(manager, DealEntity).find({
    where: { tenantId: demo.tenantId, organizationId: demo.organizationId },
  });
  for (const deal of deals) {
    const author = deal.ownerId ?? demo.users.ADMIN;
    const activity = await activities.save({
      ...stamp(demo, author),
      type: 'MEETING',
      subject: `Walk through "${deal.title}"`,
      body: 'Agenda: scope, timeline, price.',
      dueAt: new Date(now + 3 * DAY_MS),
      completedAt: null,
      ownerId: author,
      dealId: deal.id,
      customerId: deal.customerId,
    });
    if (deal.contactId !== null) await ACTIVITY_CONTACTS.addUnscoped(manager, activity, [deal.contactId]);
    await notes.save({
      ...stamp(demo, author),
      body: `Next step for **${deal.title}**: agree the start date.`,
      authorId: author,
      contactId: null,
      customerId: null,
      dealId: deal.id,
    });
  }
}

function stamp(
  demo: DemoOrganization,
  author: string,
): { tenantId: string; organizationId: string; createdBy: string; updatedBy: string } {
  return { tenantId: demo.tenantId, organizationId: demo.organizationId, createdBy: author, updatedBy: author };
}
