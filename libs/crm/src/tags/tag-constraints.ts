import { registerUniqueConstraint } from '@clientele/core';

registerUniqueConstraint('tag_name_uq', 'TAG_NAME_TAKEN', 'The organization already has a tag with this name.');
