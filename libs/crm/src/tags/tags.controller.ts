import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import {
  ApiPageResponse,
  ApiProblems,
  ApiTag,
  EXAMPLE_ID,
  NotFoundError,
  uniqueConstraintConflict,
  CrmRoute,
  IdParam,
  type Page,
  Permission,
  RequirePermissions,
} from '@clientele/core';
import { CreateTagCommand } from './commands/create-tag.command';
import { DeleteTagCommand } from './commands/delete-tag.command';
import { UpdateTagCommand } from './commands/update-tag.command';
import { CreateTagDto } from './dto/create-tag.dto';
import { ListTagsParams } from './dto/list-tags.params';
import { TagResponse } from './dto/tag.response';
import { UpdateTagDto } from './dto/update-tag.dto';
import type { TagEntity } from './entities/tag.entity';
import { GetTagQuery } from './queries/get-tag.query';
import { ListTagsQuery } from './queries/list-tags.query';
import './tag-constraints';

/** What these routes answer for a tag that is not there, and for a taken name. */
const TAG_NOT_FOUND = new NotFoundError('TAG', EXAMPLE_ID);
const NAME_TAKEN = uniqueConstraintConflict('tag_name_uq');

@ApiTag('tags', 'Tags of an organization, put on contacts (and other records) to group and filter them.')
@ApiBearerAuth()
@CrmRoute()
@Controller('tags')
export class TagsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @RequirePermissions(Permission.ORG_TAG_VIEW)
  @ApiOperation({ summary: 'Tags of the organizations you may view, by name.' })
  @ApiPageResponse(TagResponse)
  @ApiProblems(400, 401, 403, 404)
  async list(@Query() params: ListTagsParams): Promise<Page<TagResponse>> {
    const page = await this.queryBus.execute<ListTagsQuery, Page<TagEntity>>(new ListTagsQuery(params));
    return page.map((tag) => TagResponse.from(tag));
  }

  @Get(':id')
  @RequirePermissions(Permission.ORG_TAG_VIEW)
  @ApiOperation({ summary: 'One tag.' })
  @ApiProblems(400, 401, 403, TAG_NOT_FOUND)
  async get(@IdParam() id: string): Promise<TagResponse> {
    return TagResponse.from(await this.queryBus.execute<GetTagQuery, TagEntity>(new GetTagQuery(id)));
  }

  @Post()
  @RequirePermissions(Permission.ORG_TAG_EDIT)
  @ApiOperation({ summary: 'Create a tag; its name is unique in the organization (case-insensitive).' })
  @ApiProblems(400, 401, 403, 404, NAME_TAKEN)
  async create(@Body() dto: CreateTagDto): Promise<TagResponse> {
    return TagResponse.from(await this.commandBus.execute<CreateTagCommand, TagEntity>(new CreateTagCommand(dto)));
  }

  @Patch(':id')
  @RequirePermissions(Permission.ORG_TAG_EDIT)
  @ApiOperation({ summary: 'Rename, recolor or describe a tag; fields left out keep their value.' })
  @ApiProblems(400, 401, 403, TAG_NOT_FOUND, NAME_TAKEN, 412)
  async update(@IdParam() id: string, @Body() dto: UpdateTagDto): Promise<TagResponse> {
    return TagResponse.from(await this.commandBus.execute<UpdateTagCommand, TagEntity>(new UpdateTagCommand(id, dto)));
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions(Permission.ORG_TAG_EDIT)
  @ApiOperation({ summary: 'Delete a tag (soft); it disappears from the records it was on.' })
  @ApiProblems(400, 401, 403, TAG_NOT_FOUND, 412)
  async remove(@IdParam() id: string): Promise<void> {
    await this.commandBus.execute(new DeleteTagCommand(id));
  }
}
