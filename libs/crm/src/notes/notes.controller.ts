import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import {
  ApiTag,
  ApiPageResponse,
  ApiProblems,
  CrmRoute,
  IdParam,
  type Page,
  Permission,
  RequirePermissions,
} from '@clientele/core';
import { CreateNoteCommand } from './commands/create-note.command';
import { DeleteNoteCommand } from './commands/delete-note.command';
import { UpdateNoteCommand } from './commands/update-note.command';
import { CreateNoteDto } from './dto/create-note.dto';
import { ListNotesParams } from './dto/list-notes.params';
import { NoteResponse } from './dto/note.response';
import { UpdateNoteDto } from './dto/update-note.dto';
import type { NoteEntity } from './entities/note.entity';
import { GetNoteQuery } from './queries/get-note.query';
import { ListNotesQuery } from './queries/list-notes.query';

/**
 * Notes on contacts, customers and deals, under the activity grants: reading needs
 * `ORG_ACTIVITY_VIEW`; writing `ORG_ACTIVITY_EDIT_OWN` (the author changes and deletes their own
 * notes) or `ORG_ACTIVITY_EDIT` / `ALL_ORG_EDIT` (anyone's).
 */
@ApiTag('notes', 'Markdown notes on a contact, customer or deal; the author edits their own.')
@ApiBearerAuth()
@CrmRoute()
@Controller('notes')
export class NotesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @RequirePermissions(Permission.ORG_ACTIVITY_VIEW)
  @ApiOperation({ summary: 'Notes, newest first, narrowed by contact, customer, deal or author.' })
  @ApiPageResponse(NoteResponse)
  @ApiProblems(400, 401, 403, 404)
  async list(@Query() params: ListNotesParams): Promise<Page<NoteResponse>> {
    const page = await this.queryBus.execute<ListNotesQuery, Page<NoteEntity>>(new ListNotesQuery(params));
    return page.map((note) => NoteResponse.from(note));
  }

  @Get(':id')
  @RequirePermissions(Permission.ORG_ACTIVITY_VIEW)
  @ApiOperation({ summary: 'One note.' })
  @ApiProblems(400, 401, 403, 404)
  async get(@IdParam() id: string): Promise<NoteResponse> {
    return NoteResponse.from(await this.queryBus.execute<GetNoteQuery, NoteEntity>(new GetNoteQuery(id)));
  }

  @Post()
  @RequirePermissions(Permission.ORG_ACTIVITY_EDIT, Permission.ORG_ACTIVITY_EDIT_OWN)
  @ApiOperation({ summary: 'Write a note on one contact, customer or deal (send exactly one of their ids).' })
  @ApiProblems(400, 401, 403, 404)
  async create(@Body() dto: CreateNoteDto): Promise<NoteResponse> {
    return NoteResponse.from(await this.commandBus.execute<CreateNoteCommand, NoteEntity>(new CreateNoteCommand(dto)));
  }

  @Patch(':id')
  @RequirePermissions(Permission.ORG_ACTIVITY_EDIT, Permission.ORG_ACTIVITY_EDIT_OWN)
  @ApiOperation({ summary: 'Change a note’s text: your own, or anyone’s with ORG_ACTIVITY_EDIT.' })
  @ApiProblems(400, 401, 403, 404, 412)
  async update(@IdParam() id: string, @Body() dto: UpdateNoteDto): Promise<NoteResponse> {
    return NoteResponse.from(
      await this.commandBus.execute<UpdateNoteCommand, NoteEntity>(new UpdateNoteCommand(id, dto)),
    );
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions(Permission.ORG_ACTIVITY_EDIT, Permission.ORG_ACTIVITY_EDIT_OWN)
  @ApiOperation({ summary: 'Delete a note (soft): your own, or anyone’s with ORG_ACTIVITY_EDIT.' })
  @ApiProblems(400, 401, 403, 404, 412)
  async remove(@IdParam() id: string): Promise<void> {
    await this.commandBus.execute(new DeleteNoteCommand(id));
  }
}
