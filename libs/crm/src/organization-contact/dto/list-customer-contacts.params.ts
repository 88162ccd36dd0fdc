import { OmitType } from '@nestjs/swagger';
import { ListCrmContactsParams } from './list-crm-contacts.params';

/** The contact list's filters, less the ones the path fixes (customer) or a sub-list lacks (export). */
export class ListCustomerContactsParams extends OmitType(ListCrmContactsParams, ['customerId', 'format']) {}
