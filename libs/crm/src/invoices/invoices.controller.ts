import { Body, Controller, Delete, Get, Headers, HttpCode, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProduces } from '@nestjs/swagger';
import type { Readable } from 'node:stream';
import {
  ApiTag,
  ApiListOrExport,
  ApiProblems,
  CrmRoute,
  IdParam,
  listOrExport,
  type Page,
  Permission,
  RequirePermissions,
} from '@clientele/core';
import { AddInvoiceItemCommand } from './commands/add-invoice-item.command';
import { CreateInvoiceCommand } from './commands/create-invoice.command';
import { DeleteInvoiceCommand } from './commands/delete-invoice.command';
import { DeletePaymentCommand } from './commands/delete-payment.command';
import { IssueCreditNoteCommand } from './commands/issue-credit-note.command';
import { RecordPaymentCommand } from './commands/record-payment.command';
import { RemoveInvoiceItemCommand } from './commands/remove-invoice-item.command';
import { SendInvoiceCommand } from './commands/send-invoice.command';
import { UpdateInvoiceItemCommand } from './commands/update-invoice-item.command';
import { UpdateInvoiceCommand } from './commands/update-invoice.command';
import { VoidInvoiceCommand } from './commands/void-invoice.command';
import { CreateInvoiceDto } from './dto/create-invoice.dto';
import { CreditNoteDto } from './dto/credit-note.dto';
import {
  type InvoiceCurrencySummary,
  InvoiceRenderParams,
  InvoiceSummaryParams,
  InvoiceSummaryResponse,
} from './dto/invoice-summary.params';
import { InvoiceItemDto } from './dto/invoice-item.dto';
import { InvoiceItemResponse, InvoicePaymentResponse, InvoiceResponse } from './dto/invoice.response';
import { ListInvoicesParams } from './dto/list-invoices.params';
import { RecordPaymentDto } from './dto/record-payment.dto';
import { SendInvoiceDto } from './dto/send-invoice.dto';
import { UpdateInvoiceItemDto } from './dto/update-invoice-item.dto';
import { UpdateInvoiceDto } from './dto/update-invoice.dto';
import type { InvoicePaymentEntity } from './entities/invoice-payment.entity';
import type { InvoiceEntity } from './entities/invoice.entity';
import { ROUNDING_RULE } from './invoice-amount';
import { renderInvoiceHtml } from './invoice-html';
import { renderInvoicePdf } from './invoice-pdf';
import type { InvoiceDocument } from './invoice-sheet';
import { ExportInvoicesQuery } from './queries/export-invoices.query';
import { GetInvoiceRenderQuery } from './queries/get-invoice-render.query';
import { GetInvoiceSummaryQuery } from './queries/get-invoice-summary.query';
import { GetInvoiceQuery } from './queries/get-invoice.query';
import { ListInvoicesQuery } from './queries/list-invoices.query';
import { ListPaymentsQuery } from './queries/list-payments.query';
import { INVOICE_EXPORT_COLUMNS } from './invoice-export-columns';
import type { InvoiceView } from './invoice-view';

/**
 * Invoices and credit notes. Reading needs `ORG_INVOICE_VIEW`; ADMIN and MANAGER
 * (`ORG_INVOICE_EDIT`) write any; an AGENT (`ORG_INVOICE_EDIT_OWN`) creates, sends and takes
 * payments on its own; deleting a draft or a payment needs `ORG_INVOICE_EDIT`.
 */
@ApiTag(
  'invoices',
  'Invoices and credit notes with exact server-side totals, gap-free numbers, payments, voiding and a printable page.',
)
@ApiBearerAuth()
@CrmRoute()
@Controller('invoices')
export class InvoicesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @RequirePermissions(Permission.ORG_INVOICE_VIEW)
  @ApiListOrExport(
    InvoiceResponse,
    'Invoices and credit notes, filtered by status (OVERDUE derived), kind, contact, customer, currency, dates, total, q.',
    () => INVOICE_EXPORT_COLUMNS,
  )
  list(@Query() params: ListInvoicesParams): Promise<Page<InvoiceResponse> | StreamableFile> {
    return listOrExport(params.format, {
      file: 'invoices',
      exportRows: (format) =>
        this.queryBus.execute<ExportInvoicesQuery, Readable>(new ExportInvoicesQuery(params, format)),
      page: async () =>
        (await this.queryBus.execute<ListInvoicesQuery, Page<InvoiceView>>(new ListInvoicesQuery(params))).map(
          ({ invoice, tags }) => InvoiceResponse.from(invoice, tags),
        ),
    });
  }

  @Get('summary')
  @RequirePermissions(Permission.ORG_INVOICE_VIEW)
  @ApiOperation({
    summary: 'Per currency: invoiced, paid, credited, outstanding and overdue amounts of sent invoices issued from–to.',
    description: 'Amounts are never summed across currencies.',
  })
  @ApiProblems(400, 401, 403, 404)
  async summary(@Query() params: InvoiceSummaryParams): Promise<InvoiceSummaryResponse> {
    const currencies = await this.queryBus.execute<GetInvoiceSummaryQuery, InvoiceCurrencySummary[]>(
      new GetInvoiceSummaryQuery(params),
    );
    return { from: params.from ?? null, to: params.to ?? null, currencies };
  }

  @Get(':id')
  @RequirePermissions(Permission.ORG_INVOICE_VIEW)
  @ApiOperation({
    summary:
      'One invoice; with `?format=html` (or `Accept: text/html`) a printable page, with `?format=pdf` (or `Accept: application/pdf`) an A4 PDF, of the same figures.',
    description: ROUNDING_RULE,
  })
  @ApiProduces('application/json', 'text/html', 'application/pdf')
  @ApiProblems(400, 401, 403, 404)
  async get(
    @IdParam() id: string,
    @Query() params: InvoiceRenderParams,
    @Headers('accept') accept: string | undefined,
  ): Promise<InvoiceResponse | StreamableFile> {
    const format = params.format ?? preferredFormat(accept);
    if (format === 'json') return this.view(id);
    const document = await this.queryBus.execute<GetInvoiceRenderQuery, InvoiceDocument>(new GetInvoiceRenderQuery(id));
    if (format === 'pdf') {
      const name = `${(document.invoice.number ?? `draft-${document.invoice.id}`).replace(/[^A-Za-z0-9-]/g, '_')}.pdf`;
      return new StreamableFile(await renderInvoicePdf(document), {
        type: 'application/pdf',
        disposition: `inline; filename="${name}"`,
      });
    }
    return new StreamableFile(Buffer.from(renderInvoiceHtml(document), 'utf8'), {
      type: 'text/html; charset=utf-8',
    });
  }

  @Post()
  @RequirePermissions(Permission.ORG_INVOICE_EDIT, Permission.ORG_INVOICE_EDIT_OWN)
  @ApiOperation({
    summary: 'Create a draft invoice (no number yet); its totals are computed here.',
    description: ROUNDING_RULE,
  })
  @ApiProblems(400, 401, 403, 404)
  async create(@Body() dto: CreateInvoiceDto): Promise<InvoiceResponse> {
    const invoice = await this.commandBus.execute<CreateInvoiceCommand, InvoiceEntity>(new CreateInvoiceCommand(dto));
    return this.view(invoice.id);
  }

  @Patch(':id')
  @RequirePermissions(Permission.ORG_INVOICE_EDIT, Permission.ORG_INVOICE_EDIT_OWN)
  @ApiOperation({ summary: 'Change a draft (409 once sent); totals are recomputed.', description: ROUNDING_RULE })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async update(@IdParam() id: string, @Body() dto: UpdateInvoiceDto): Promise<InvoiceResponse> {
    await this.commandBus.execute<UpdateInvoiceCommand, InvoiceEntity>(new UpdateInvoiceCommand(id, dto));
    return this.view(id);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions(Permission.ORG_INVOICE_EDIT)
  @ApiOperation({ summary: 'Delete a draft (it has no number, so none is burnt); a sent invoice is voided (409).' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async remove(@IdParam() id: string): Promise<void> {
    await this.commandBus.execute(new DeleteInvoiceCommand(id));
  }

  @Post(':id/send')
  @HttpCode(200)
  @RequirePermissions(Permission.ORG_INVOICE_EDIT, Permission.ORG_INVOICE_EDIT_OWN)
  @ApiOperation({
    summary: 'Send a draft: it takes the next gap-free number of its organization (INV-2026-00042) and becomes SENT.',
  })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async send(@IdParam() id: string, @Body() dto: SendInvoiceDto): Promise<InvoiceResponse> {
    await this.commandBus.execute<SendInvoiceCommand, InvoiceEntity>(new SendInvoiceCommand(id, dto));
    return this.view(id);
  }

  @Post(':id/void')
  @HttpCode(200)
  @RequirePermissions(Permission.ORG_INVOICE_EDIT, Permission.ORG_INVOICE_EDIT_OWN)
  @ApiOperation({
    summary: 'Void a sent invoice with nothing paid or credited (409 otherwise); its number stays taken.',
  })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async void(@IdParam() id: string): Promise<InvoiceResponse> {
    await this.commandBus.execute<VoidInvoiceCommand, InvoiceEntity>(new VoidInvoiceCommand(id));
    return this.view(id);
  }

  @Post(':id/credit-note')
  @RequirePermissions(Permission.ORG_INVOICE_EDIT, Permission.ORG_INVOICE_EDIT_OWN)
  @ApiOperation({
    summary:
      'Issue a credit note (own sequence, CN-2026-00003) for some or all lines; it reduces the balance, the rest is refunded.',
  })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async creditNote(@IdParam() id: string, @Body() dto: CreditNoteDto): Promise<InvoiceResponse> {
    const note = await this.commandBus.execute<IssueCreditNoteCommand, InvoiceEntity>(
      new IssueCreditNoteCommand(id, dto),
    );
    return this.view(note.id);
  }

  @Get(':id/items')
  @RequirePermissions(Permission.ORG_INVOICE_VIEW)
  @ApiOperation({ summary: 'The lines of an invoice, in order, with the figures the server computed for each.' })
  @ApiProblems(400, 401, 403, 404)
  async items(@IdParam() id: string): Promise<InvoiceItemResponse[]> {
    const { invoice, tags } = await this.queryBus.execute<GetInvoiceQuery, InvoiceView>(new GetInvoiceQuery(id));
    return InvoiceResponse.from(invoice, tags).items;
  }

  @Post(':id/items')
  @RequirePermissions(Permission.ORG_INVOICE_EDIT, Permission.ORG_INVOICE_EDIT_OWN)
  @ApiOperation({
    summary: 'Append a line to a draft (409 once sent); answers the invoice with its totals recomputed.',
    description: `The new line is the last of \`items\`. ${ROUNDING_RULE}`,
  })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async addItem(@IdParam() id: string, @Body() dto: InvoiceItemDto): Promise<InvoiceResponse> {
    await this.commandBus.execute<AddInvoiceItemCommand, InvoiceEntity>(new AddInvoiceItemCommand(id, dto));
    return this.view(id);
  }

  @Patch(':id/items/:itemId')
  @RequirePermissions(Permission.ORG_INVOICE_EDIT, Permission.ORG_INVOICE_EDIT_OWN)
  @ApiOperation({
    summary: 'Change one line of a draft (409 once sent); answers the invoice with its totals recomputed.',
    description: ROUNDING_RULE,
  })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async updateItem(
    @IdParam() id: string,
    @IdParam('itemId') itemId: string,
    @Body() dto: UpdateInvoiceItemDto,
  ): Promise<InvoiceResponse> {
    await this.commandBus.execute<UpdateInvoiceItemCommand, InvoiceEntity>(
      new UpdateInvoiceItemCommand(id, itemId, dto),
    );
    return this.view(id);
  }

  @Delete(':id/items/:itemId')
  @HttpCode(204)
  @RequirePermissions(Permission.ORG_INVOICE_EDIT, Permission.ORG_INVOICE_EDIT_OWN)
  @ApiOperation({ summary: 'Remove one line of a draft (409 once sent); its totals are recomputed.' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async removeItem(@IdParam() id: string, @IdParam('itemId') itemId: string): Promise<void> {
    await this.commandBus.execute(new RemoveInvoiceItemCommand(id, itemId));
  }

  @Get(':id/payments')
  @RequirePermissions(Permission.ORG_INVOICE_VIEW)
  @ApiOperation({ summary: 'The payments of an invoice, oldest first.' })
  @ApiProblems(400, 401, 403, 404)
  async payments(@IdParam() id: string): Promise<InvoicePaymentResponse[]> {
    const { invoice, payments } = await this.queryBus.execute<
      ListPaymentsQuery,
      { invoice: InvoiceEntity; payments: InvoicePaymentEntity[] }
    >(new ListPaymentsQuery(id));
    return payments.map((payment) =>
      InvoicePaymentResponse.from(payment, (amount) => invoice.money(amount).toString()),
    );
  }

  @Post(':id/payments')
  @RequirePermissions(Permission.ORG_INVOICE_EDIT, Permission.ORG_INVOICE_EDIT_OWN)
  @ApiOperation({ summary: 'Record a payment, at most the balance (400 naming it); the status follows the balance.' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async recordPayment(@IdParam() id: string, @Body() dto: RecordPaymentDto): Promise<InvoicePaymentResponse> {
    const payment = await this.commandBus.execute<RecordPaymentCommand, InvoicePaymentEntity>(
      new RecordPaymentCommand(id, dto),
    );
    const { invoice } = await this.queryBus.execute<GetInvoiceQuery, InvoiceView>(new GetInvoiceQuery(id));
    return InvoicePaymentResponse.from(payment, (amount) => invoice.money(amount).toString());
  }

  @Delete(':id/payments/:paymentId')
  @HttpCode(204)
  @RequirePermissions(Permission.ORG_INVOICE_EDIT)
  @ApiOperation({ summary: 'Take a payment back: the balance grows and the invoice reopens.' })
  @ApiProblems(400, 401, 403, 404, 409, 412)
  async deletePayment(@IdParam() id: string, @IdParam('paymentId') paymentId: string): Promise<void> {
    await this.commandBus.execute(new DeletePaymentCommand(id, paymentId));
  }

  /** The invoice as every route answers it: read back with its tags after a command committed. */
  private async view(id: string): Promise<InvoiceResponse> {
    const { invoice, tags } = await this.queryBus.execute<GetInvoiceQuery, InvoiceView>(new GetInvoiceQuery(id));
    return InvoiceResponse.from(invoice, tags);
  }
}

/** The form an `Accept` prefers first (a browser's HTML, a PDF viewer's PDF); JSON for anything else. */
function preferredFormat(accept: string | undefined): 'json' | 'html' | 'pdf' {
  const first = accept?.split(',')[0]?.trim().toLowerCase() ?? '';
  if (first.startsWith('text/html')) return 'html';
  if (first.startsWith('application/pdf')) return 'pdf';
  return 'json';
}
