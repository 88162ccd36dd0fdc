import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Board, BoardStage, Deal, MoveDealBody, Page, Pipeline } from '../api/types';
import { noGrant, useSession } from '../session';
import { Dialog, Empty, ErrorNote, formatDate, Loading, money, useLoad } from '../ui';

export function DealsView({ mode }: { mode: 'list' | 'board' }): JSX.Element {
  const pipelines = useLoad(() => api.get<Page<Pipeline>>('/pipelines', { limit: 100 }), []);
  const [pipelineId, setPipelineId] = useState<string | null>(null);
  const chosen = pipelineId ?? pipelines.data?.items[0]?.id ?? null;
  return (
    <section aria-labelledby="deals-title">
      <div class="view-head">
        <h2 id="deals-title">Deals</h2>
        <div class="actions">
          {pipelines.data && pipelines.data.items.length > 1 ? (
            <label class="inline">
              <span>Pipeline</span>
              <select value={chosen ?? ''} onChange={(event) => setPipelineId(event.currentTarget.value)}>
                {pipelines.data.items.map((pipeline) => (
                  <option key={pipeline.id} value={pipeline.id}>
                    {pipeline.name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <nav class="segmented" aria-label="Deals view">
            <a href="#/deals" aria-current={mode === 'list' ? 'page' : undefined} class={mode === 'list' ? 'on' : ''}>
              List
            </a>
            <a
              href="#/deals/board"
              aria-current={mode === 'board' ? 'page' : undefined}
              class={mode === 'board' ? 'on' : ''}
            >
              Board
            </a>
          </nav>
        </div>
      </div>
      <ErrorNote error={pipelines.error} />
      {pipelines.loading ? <Loading what="pipelines" /> : null}
      {chosen === null ? null : mode === 'board' ? (
        <DealBoard key={chosen} pipelineId={chosen} />
      ) : (
        <DealList key={chosen} pipelineId={chosen} />
      )}
    </section>
  );
}

function DealList({ pipelineId }: { pipelineId: string }): JSX.Element {
  const [status, setStatus] = useState<string>('OPEN');
  const list = useLoad(
    () => api.get<Page<Deal>>('/deals', { pipelineId, status: status || undefined, limit: 100 }),
    [status],
  );
  return (
    <>
      <div class="filters" role="group" aria-label="Status">
        <span class="chip-label">Status</span>
        {['OPEN', 'WON', 'LOST'].map((value) => (
          <button
            key={value}
            type="button"
            class={status === value ? 'chip on' : 'chip'}
            aria-pressed={status === value}
            onClick={() => setStatus(status === value ? '' : value)}
          >
            {value}
          </button>
        ))}
      </div>
      <ErrorNote error={list.error} />
      {list.loading ? <Loading what="deals" /> : null}
      {list.data && list.data.items.length === 0 ? <Empty>No deals.</Empty> : null}
      {list.data && list.data.items.length > 0 ? (
        <div class="table-wrap">
          <table class="table">
            <caption class="visually-hidden">Deals</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Value</th>
                <th scope="col">Stage</th>
                <th scope="col" class="wide">
                  Expected close
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((deal) => (
                <tr key={deal.id}>
                  <td>
                    {deal.title} {deal.rotting ? <span class="badge rotting">Rotting</span> : null}
                  </td>
                  <td class="num">{money(deal.value, deal.currency)}</td>
                  <td>
                    <span class="badge">{deal.stage.name}</span>
                  </td>
                  <td class="wide">{deal.expectedCloseDate ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

/** The board: a column per stage with counts and sums per currency; drag a card, or use its Move menu. */
function DealBoard({ pipelineId }: { pipelineId: string }): JSX.Element {
  const session = useSession();
  const role = session.me.memberships.find((m) => m.organizationId === session.organizationId)?.role ?? '';
  const board = useLoad(() => api.get<Board>('/deals/board', { pipelineId, limit: 50 }), []);
  const [error, setError] = useState<unknown>(undefined);
  const [asking, setAsking] = useState<{ deal: Deal; stage: BoardStage } | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  const mayMove = (deal: Deal): boolean =>
    session.can('ORG_DEAL_EDIT') || (session.can('ORG_DEAL_EDIT_OWN') && deal.ownerId === session.me.user.id);

  async function move(deal: Deal, stage: BoardStage, lostReason?: string): Promise<void> {
    if (deal.stageId === stage.id) return;
    if (stage.kind === 'LOST' && lostReason === undefined) {
      setAsking({ deal, stage });
      return;
    }
    setError(undefined);
    try {
      const body: MoveDealBody = { stageId: stage.id, ...(lostReason ? { lostReason } : {}) };
      await api.patch<Deal>(`/deals/${deal.id}/stage`, body);
      setStatus(`Moved ${deal.title} to ${stage.name}.`);
      board.reload();
    } catch (failure) {
      setError(failure);
    }
  }

  async function reopen(deal: Deal): Promise<void> {
    setError(undefined);
    try {
      await api.post<Deal>(`/deals/${deal.id}/reopen`, {});
      setStatus(`Reopened ${deal.title}.`);
      board.reload();
    } catch (failure) {
      setError(failure);
    }
  }

  if (board.error) return <ErrorNote error={board.error} />;
  if (!board.data) return <Loading what="the board" />;
  const stages = board.data.stages;
  const find = (dealId: string): Deal | undefined =>
    stages.flatMap((stage) => stage.deals).find((deal) => deal.id === dealId);

  return (
    <>
      <ErrorNote error={error} />
      <p class="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      <div class="board" role="list" aria-label="Stages">
        {stages.map((stage) => (
          <section
            key={stage.id}
            role="listitem"
            aria-labelledby={`stage-${stage.id}`}
            class={`column${over === stage.id ? ' over' : ''} kind-${stage.kind}`}
            data-stage={stage.name}
            onDragOver={(event) => {
              event.preventDefault();
              setOver(stage.id);
            }}
            onDragLeave={() => setOver(null)}
            onDrop={(event) => {
              event.preventDefault();
              setOver(null);
              const deal = find(event.dataTransfer?.getData('text/plain') ?? '');
              if (deal) void move(deal, stage);
            }}
          >
            <header>
              <h3 id={`stage-${stage.id}`}>
                {stage.name} <span class="count">{stage.dealCount}</span>
              </h3>
              <ul class="totals" aria-label={`${stage.name} totals`}>
                {stage.totals.length === 0 ? <li class="muted">—</li> : null}
                {stage.totals.map((total) => (
                  <li key={total.currency}>{money(total.value, total.currency)}</li>
                ))}
              </ul>
            </header>
            {stage.deals.length === 0 ? <p class="state empty">No deals</p> : null}
            {stage.deals.map((deal) => {
              const allowed = mayMove(deal);
              return (
                <article
                  key={deal.id}
                  class={`card${deal.rotting ? ' rotting' : ''}`}
                  draggable={allowed}
                  aria-label={deal.title}
                  onDragStart={(event) => event.dataTransfer?.setData('text/plain', deal.id)}
                >
                  <h4>{deal.title}</h4>
                  <p class="num">{money(deal.value, deal.currency)}</p>
                  {deal.expectedCloseDate ? <p class="muted">Close {deal.expectedCloseDate}</p> : null}
                  {deal.rotting ? (
                    <p class="badge rotting" title={`In ${stage.name} longer than ${stage.rottenAfterDays} days`}>
                      Rotting since {formatDate(deal.stageChangedAt)}
                    </p>
                  ) : null}
                  {deal.status !== 'OPEN' ? (
                    <button
                      type="button"
                      class="small secondary"
                      disabled={!allowed}
                      title={allowed ? undefined : noGrant(role)}
                      onClick={() => void reopen(deal)}
                      aria-label={`Reopen ${deal.title}`}
                    >
                      Reopen
                    </button>
                  ) : null}
                  <label class="move" hidden={deal.status !== 'OPEN'}>
                    <span class="visually-hidden">Move {deal.title} to stage</span>
                    <select
                      value={deal.stageId}
                      disabled={!allowed}
                      title={allowed ? undefined : noGrant(role)}
                      onChange={(event) => {
                        const target = stages.find((s) => s.id === event.currentTarget.value);
                        if (target) void move(deal, target);
                      }}
                    >
                      {stages.map((s) => (
                        <option key={s.id} value={s.id}>
                          {s.id === deal.stageId ? `In ${s.name}` : `Move to ${s.name}`}
                        </option>
                      ))}
                    </select>
                  </label>
                </article>
              );
            })}
          </section>
        ))}
      </div>
      {stages.length === 0 ? <Empty>This pipeline has no stages.</Empty> : null}
      {asking ? <LostReason asking={asking} onCancel={() => (setAsking(null), board.reload())} onMove={move} /> : null}
    </>
  );
}

function LostReason(props: {
  asking: { deal: Deal; stage: BoardStage };
  onCancel: () => void;
  onMove: (deal: Deal, stage: BoardStage, lostReason: string) => Promise<void>;
}): JSX.Element {
  const [reason, setReason] = useState('');
  return (
    <Dialog title={`Why was ${props.asking.deal.title} lost?`} onClose={props.onCancel}>
      <form
        class="form"
        onSubmit={(event) => {
          event.preventDefault();
          const { deal, stage } = props.asking;
          void props.onMove(deal, stage, reason.trim()).then(props.onCancel);
        }}
      >
        <label for="lost-reason">Reason</label>
        <input id="lost-reason" required value={reason} onInput={(event) => setReason(event.currentTarget.value)} />
        <div class="actions">
          <button type="submit">Mark as lost</button>
          <button type="button" class="secondary" onClick={props.onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
