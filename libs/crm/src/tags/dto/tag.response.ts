import { ApiProperty } from '@nestjs/swagger';
import type { TagEntity } from '../entities/tag.entity';

export class TagResponse {
  id: string;
  organizationId: string;
  name: string;
  @ApiProperty({ example: '#1F6FEB' })
  color: string;
  description: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;

  static from(tag: TagEntity): TagResponse {
    return Object.assign(new TagResponse(), {
      id: tag.id,
      organizationId: tag.organizationId,
      name: tag.name,
      color: tag.color,
      description: tag.description,
      createdAt: tag.createdAt,
      updatedAt: tag.updatedAt,
      version: tag.version,
    });
  }
}
