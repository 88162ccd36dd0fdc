import { OmitType } from '@nestjs/swagger';
import { ListDealsParams } from './list-deals.params';

/** The deal list's filters, less the ones the path fixes (customer) or a sub-list lacks (export). */
export class ListCustomerDealsParams extends OmitType(ListDealsParams, ['customerId', 'format']) {}
