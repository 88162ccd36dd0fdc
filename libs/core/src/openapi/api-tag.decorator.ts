import { ApiTags } from '@nestjs/swagger';

const descriptions = new Map<string, string>();

/**
 * `@ApiTags(name)` that also describes the tag for the document's top-level `tags` (what Swagger
 * UI shows above the tag's operations). Describe a tag once; other controllers sharing it may
 * leave the description out.
 */
export function ApiTag(name: string, description?: string): ClassDecorator & MethodDecorator {
  if (description !== undefined) {
    const known = descriptions.get(name);
    if (known !== undefined && known !== description) {
      throw new Error(`ApiTag('${name}') is described twice, differently`);
    }
    descriptions.set(name, description);
  }
  return ApiTags(name);
}

/** The described tags, for the document's `tags`. */
export function apiTagDescription(name: string): string | undefined {
  return descriptions.get(name);
}
