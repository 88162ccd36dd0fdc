import { ApiProperty } from '@nestjs/swagger';
import type { ContactDetail } from '../contact-detail';
import { CrmContactResponse } from './crm-contact.response';

const SECTION = (description: string): ReturnType<typeof ApiProperty> =>
  ApiProperty({ type: 'array', items: { type: 'object' }, description });

/** `GET crm/contacts/:id`: the contact, its customer, open deals, recent activity, notes and tickets. */
export class CrmContactDetailResponse extends CrmContactResponse {
  @SECTION('Open deals of the contact (empty until the deals module exists).')
  openDeals: object[];

  @SECTION('Recent calls, e-mails, meetings and tasks (empty until the activities module exists).')
  recentActivities: object[];

  @SECTION('Notes on the contact (empty until the notes module exists).')
  notes: object[];

  @SECTION('Ticket history (empty until the tickets module exists).')
  tickets: object[];

  static fromDetail({ contact, sections }: ContactDetail): CrmContactDetailResponse {
    return {
      ...CrmContactResponse.from(contact),
      openDeals: [...sections.openDeals],
      recentActivities: [...sections.recentActivities],
      notes: [...sections.notes],
      tickets: [...sections.tickets],
    };
  }
}
