import { Module } from '@nestjs/common';
import './contact-detail.placeholders';
import './customer-columns.placeholders';
import './deal-search.placeholder';

/**
 * Registry entries for modules not built yet (deals, activities, notes, contracts, billing), each
 * giving the value the API answers today. A module that lands deletes its placeholder and registers the real entry under the same key from its own files.
 */
@Module({})
export class PlaceholdersModule {}
