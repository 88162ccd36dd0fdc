import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query, type StreamableFile } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import type { Readable } from 'node:stream';
import {
  ApiTag,
  ApiListOrExport,
  ApiPageResponse,
  ApiProblems,
  AuthorOnly,
  CrmRoute,
  IdParam,
  listOrExport,
  type Page,
  PageParams,
  Permission,
  RequirePermissions,
} from '@clientele/core';
import { CreateTicketCommentCommand } from './commands/create-ticket-comment.command';
import { CreateTicketCommand } from './commands/create-ticket.command';
import { DeleteTicketCommentCommand } from './commands/delete-ticket-comment.command';
import { DeleteTicketCommand } from './commands/delete-ticket.command';
import type { TicketCommentOutcome } from './commands/create-ticket-comment.handler';
import { LinkTicketContactsCommand } from './commands/link-ticket-contacts.command';
import { MoveTicketCommand } from './commands/move-ticket.command';
import type { TicketMoveOutcome } from './commands/move-ticket.handler';
import { UpdateTicketCommentCommand } from './commands/update-ticket-comment.command';
import { UpdateTicketCommand } from './commands/update-ticket.command';
import { CreateTicketDto } from './dto/create-ticket.dto';
import { LinkTicketContactsDto } from './dto/link-ticket-contacts.dto';
import { ListTicketsParams } from './dto/list-tickets.params';
import { MoveTicketDto } from './dto/move-ticket.dto';
import { TicketCommentBodyDto } from './dto/ticket-comment-body.dto';
import { TicketCommentCreatedResponse } from './dto/ticket-comment-created.response';
import { TicketCommentResponse } from './dto/ticket-comment.response';
import {
  TicketContactSuggestionResponse,
  TicketContactSuggestionsResponse,
} from './dto/ticket-contact-suggestion.response';
import { TicketContactSuggestionsParams } from './dto/ticket-contact-suggestions.params';
import { TicketContactsChangeResponse } from './dto/ticket-contacts-change.response';
import { TicketMoveResponse } from './dto/ticket-move.response';
import { TicketResponse } from './dto/ticket.response';
import { UpdateTicketDto } from './dto/update-ticket.dto';
import type { TicketCommentEntity } from './entities/ticket-comment.entity';
import type { TicketEntity } from './entities/ticket.entity';
import { ExportTicketsQuery } from './queries/export-tickets.query';
import { GetTicketQuery } from './queries/get-ticket.query';
import { ListTicketCommentsQuery } from './queries/list-ticket-comments.query';
import { ListTicketsQuery } from './queries/list-tickets.query';
import type { TicketContactSuggestion } from './queries/suggest-ticket-contacts.handler';
import { SuggestTicketContactsQuery } from './queries/suggest-ticket-contacts.query';
import type { TicketContactsOutcome } from './ticket-contacts-outcome';
import type { TicketView } from './ticket-view';
import { TICKET_EXPORT_COLUMNS } from './ticket-export-columns';

/**
 * Service-desk tickets. Reading needs `ORG_TICKET_VIEW`; ADMIN and MANAGER (`ORG_TICKET_EDIT`)
 * write any ticket; an AGENT (`ORG_TICKET_EDIT_OWN`) creates tickets assigned to it and changes
 * those, comments on any, and links contacts on any (`ORG_TICKET_LINK_CONTACTS`); deleting
 * needs `ORG_TICKET_EDIT`. A comment is changed or deleted by its author only.
 */
@ApiTag(
  'tickets',
  'Service-desk tickets: status, priority, assignee, customer, tags, linked contacts (GitLab-style), comments with quick actions, moves between organizations; inbound e-mail.',
)
@ApiBearerAuth()
@CrmRoute()
@Controller('tickets')
export class TicketsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @RequirePermissions(Permission.ORG_TICKET_VIEW)
  @ApiListOrExport(
    TicketResponse,
    'Tickets, filtered by status, priority, customer, contact, assignee, tag, q.',
    () => TICKET_EXPORT_COLUMNS,
  )
  list(@Query() params: ListTicketsParams): Promise<Page<TicketResponse> | StreamableFile> {
    return listOrExport(params.format, {
      file: 'tickets',
      exportRows: (format) =>
        this.queryBus.execute<ExportTicketsQuery, Readable>(new ExportTicketsQuery(params, format)),
      page: async () =>
        (await this.queryBus.execute<ListTicketsQuery, Page<TicketView>>(new ListTicketsQuery(params))).map((view) =>
          TicketResponse.from(view),
        ),
    });
  }

  @Get(':id')
  @RequirePermissions(Permission.ORG_TICKET_VIEW)
  @ApiOperation({ summary: 'One ticket, with its linked contacts (id, name, e-mail) and tags.' })
  @ApiProblems(400, 401, 403, 404)
  get(@IdParam() id: string): Promise<TicketResponse> {
    return this.view(id);
  }

  @Post()
  @RequirePermissions(Permission.ORG_TICKET_EDIT, Permission.ORG_TICKET_EDIT_OWN)
  @ApiOperation({ summary: 'Open a ticket; an AGENT opens only tickets assigned to it.' })
  @ApiProblems(400, 401, 403, 404)
  async create(@Body() dto: CreateTicketDto): Promise<TicketResponse> {
    const ticket = await this.commandBus.execute<CreateTicketCommand, TicketEntity>(new CreateTicketCommand(dto));
    return this.view(ticket.id);
  }

  @Patch(':id')
  @RequirePermissions(Permission.ORG_TICKET_EDIT, Permission.ORG_TICKET_EDIT_OWN)
  @ApiOperation({
    summary: 'Change the fields sent; `status` moves along OPEN ⇄ PENDING → RESOLVED → CLOSED → OPEN (else 409).',
  })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async update(@IdParam() id: string, @Body() dto: UpdateTicketDto): Promise<TicketResponse> {
    await this.commandBus.execute(new UpdateTicketCommand(id, dto));
    return this.view(id);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions(Permission.ORG_TICKET_EDIT)
  @ApiOperation({ summary: 'Delete a ticket (soft).' })
  @ApiProblems(400, 401, 403, 404, 412)
  async remove(@IdParam() id: string): Promise<void> {
    await this.commandBus.execute(new DeleteTicketCommand(id));
  }

  @Post(':id/contacts')
  @HttpCode(200)
  @RequirePermissions(Permission.ORG_TICKET_EDIT, Permission.ORG_TICKET_LINK_CONTACTS)
  @ApiOperation({
    summary: 'Link or unlink contacts by id or e-mail: `{add, remove}` or `{replace}` (`[]` clears), ≤ 6 per list.',
    description:
      'E-mails match case-insensitively for add and remove. Inactive contacts are not linked, unknown e-mails ' +
      'are reported (`inactive`, `unknownEmails`); an id that is no contact of the ticket’s organization is a 404.',
  })
  @ApiProblems(400, 401, 403, 404, 412)
  async linkContacts(@IdParam() id: string, @Body() dto: LinkTicketContactsDto): Promise<TicketContactsChangeResponse> {
    const outcome = await this.commandBus.execute<LinkTicketContactsCommand, TicketContactsOutcome>(
      new LinkTicketContactsCommand(id, dto),
    );
    return TicketContactsChangeResponse.from(await this.view(id), outcome);
  }

  @Get(':id/comments')
  @RequirePermissions(Permission.ORG_TICKET_VIEW)
  @ApiOperation({ summary: 'The ticket’s comments, oldest first.' })
  @ApiPageResponse(TicketCommentResponse)
  @ApiProblems(400, 401, 403, 404)
  async comments(@IdParam() id: string, @Query() params: PageParams): Promise<Page<TicketCommentResponse>> {
    const page = await this.queryBus.execute<ListTicketCommentsQuery, Page<TicketCommentEntity>>(
      new ListTicketCommentsQuery(id, params),
    );
    return page.map((comment) => TicketCommentResponse.from(comment));
  }

  @Post(':id/comments')
  @RequirePermissions(Permission.ORG_TICKET_EDIT, Permission.ORG_TICKET_EDIT_OWN)
  @ApiOperation({
    summary: 'Comment on a ticket (any ticket of the organization, for an AGENT too), with quick actions.',
    description:
      'Lines `/add_contacts [contact:a@b.com] [contact:c@d.com]` and `/remove_contacts [contact:…]` (any case, ' +
      'outside code blocks) link and unlink contacts in the same transaction, as `POST tickets/:id/contacts` does: ' +
      '≤ 6 per kind, inactive contacts not linked, unknown e-mails reported per reference in `quickActions`. They ' +
      'need `ORG_TICKET_EDIT` or `ORG_TICKET_LINK_CONTACTS` (else 403, nothing written) and are not stored; a body ' +
      'of commands only stores no comment (`comment: null`). Unknown slash commands stay text. Editing a comment ' +
      '(`PATCH`) runs no quick actions: its text is stored as sent.',
  })
  @ApiProblems(400, 401, 403, 404)
  async comment(@IdParam() id: string, @Body() dto: TicketCommentBodyDto): Promise<TicketCommentCreatedResponse> {
    const outcome = await this.commandBus.execute<CreateTicketCommentCommand, TicketCommentOutcome>(
      new CreateTicketCommentCommand(id, dto.body),
    );
    return TicketCommentCreatedResponse.from(outcome);
  }

  @Get(':id/contacts/autocomplete')
  @RequirePermissions(Permission.ORG_TICKET_EDIT, Permission.ORG_TICKET_LINK_CONTACTS)
  @ApiOperation({
    summary: 'The `[contact:` autocomplete: active contacts of the ticket’s organization matching `q`.',
    description:
      'Name or e-mail contains `q` (case-insensitive), those starting with it first; at most `limit` (10). Each ' +
      'carries the `reference` to insert and whether it is `linked` already. Needs the linking grant.',
  })
  @ApiProblems(400, 401, 403, 404)
  async autocompleteContacts(
    @IdParam() id: string,
    @Query() params: TicketContactSuggestionsParams,
  ): Promise<TicketContactSuggestionsResponse> {
    const suggestions = await this.queryBus.execute<SuggestTicketContactsQuery, TicketContactSuggestion[]>(
      new SuggestTicketContactsQuery(id, params),
    );
    return { items: suggestions.map((suggestion) => TicketContactSuggestionResponse.from(suggestion)) };
  }

  @Post(':id/move')
  @HttpCode(200)
  @RequirePermissions(Permission.ORG_TICKET_EDIT)
  @ApiOperation({
    summary: 'Move a ticket to another organization of the tenant (`ORG_TICKET_EDIT` in both).',
    description:
      'Each linked contact is re-pointed to the target’s active contact with the same e-mail (case-insensitive), ' +
      'the others dropped; tags and the customer follow by name (case-insensitive, none created), else dropped; ' +
      'the assignee stays only if a member of the target whose role works tickets. Comments move along; ' +
      '`ticket.moved` is published in both organizations. The same organization is a 400; one you are not a ' +
      'member of (or another tenant’s) a 404.',
  })
  @ApiProblems(400, 401, 403, 404, 412)
  async move(@IdParam() id: string, @Body() dto: MoveTicketDto): Promise<TicketMoveResponse> {
    const outcome = await this.commandBus.execute<MoveTicketCommand, TicketMoveOutcome>(
      new MoveTicketCommand(id, dto.organizationId),
    );
    return TicketMoveResponse.from(TicketResponse.from(outcome.view), outcome);
  }

  @Patch(':id/comments/:commentId')
  @RequirePermissions(Permission.ORG_TICKET_EDIT, Permission.ORG_TICKET_EDIT_OWN)
  @AuthorOnly()
  @ApiOperation({ summary: 'Replace a comment’s text: its author only (403 for anyone else).' })
  @ApiProblems(400, 401, 403, 404, 412)
  async updateComment(
    @IdParam() id: string,
    @IdParam('commentId') commentId: string,
    @Body() dto: TicketCommentBodyDto,
  ): Promise<TicketCommentResponse> {
    const comment = await this.commandBus.execute<UpdateTicketCommentCommand, TicketCommentEntity>(
      new UpdateTicketCommentCommand(id, commentId, dto.body),
    );
    return TicketCommentResponse.from(comment);
  }

  @Delete(':id/comments/:commentId')
  @HttpCode(204)
  @RequirePermissions(Permission.ORG_TICKET_EDIT, Permission.ORG_TICKET_EDIT_OWN)
  @AuthorOnly()
  @ApiOperation({ summary: 'Delete a comment (soft): its author only.' })
  @ApiProblems(400, 401, 403, 404, 412)
  async removeComment(@IdParam() id: string, @IdParam('commentId') commentId: string): Promise<void> {
    await this.commandBus.execute(new DeleteTicketCommentCommand(id, commentId));
  }

  private async view(id: string): Promise<TicketResponse> {
    return TicketResponse.from(await this.queryBus.execute<GetTicketQuery, TicketView>(new GetTicketQuery(id)));
  }
}
