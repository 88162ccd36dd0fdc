// What other rooms may use from tags.
export { TagRefDto } from './dto/tag-ref.dto';
export { MAX_TAGS_PER_RECORD, TagIdsField, TagRefsField } from './dto/tag-fields.decorator';
export { TagSummaryResponse } from './dto/tag-summary.response';
export { TagEntity } from './entities/tag.entity';
export { findOrganizationTags } from './organization-tags';
export { requestedTagIds } from './requested-tag-ids';
export { loadTagsByRecord } from './tags-by-record';
export { whereTagged, whereTaggedAny } from './tag-filter';
export { registerTagLink, tagLink, TagLinks } from './tag-links';
export { tagNamesSql, type TagSummary, tagSummariesSql } from './tag-summaries';
export { TagsModule } from './tags.module';
