import { Column, Entity } from 'typeorm';
import { OrganizationScopedEntity } from '@clientele/core';
import type { InvoiceKind } from '../invoice-status';

/** The last number given to an organization's documents of one kind in one year: the row a send locks. */
@Entity('document_sequence')
export class DocumentSequenceEntity extends OrganizationScopedEntity {
  @Column('text')
  kind: InvoiceKind;

  @Column('integer')
  year: number;

  @Column('integer', { default: 0 })
  lastNumber: number;
}
