import { Module } from '@nestjs/common';
import './customer-columns.placeholders';

/**
 * Registry entries for modules not built yet (contracts), each giving the value the API answers
 * today. A module that lands deletes its placeholder and registers the real entry under the same
 * key from its own files.
 */
@Module({})
export class PlaceholdersModule {}
