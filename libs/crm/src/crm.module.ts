import { Module } from '@nestjs/common';

/** The CRM capabilities, one Nest module each (organization contacts, customers, tags, …). */
@Module({ imports: [] })
export class CrmModule {}
