import { ApiProperty } from '@nestjs/swagger';
import type { TagEntity } from '../entities/tag.entity';

export class TagResponse {
  id: string;
  organizationId: string;
  name: string;
  @ApiProperty({ example: '#1F6FEB' })
  color: string;
  description: string | null;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;
  version: number;

  static from(tag: TagEntity): TagResponse {
    return {
      id: tag.id,
      organizationId: tag.organizationId,
      name: tag.name,
      color: tag.color,
      description: tag.description,
      createdAt: tag.createdAt.toISOString(),
      updatedAt: tag.updatedAt.toISOString(),
      version: tag.version,
    };
  }
}
