import { CONTRACT_STATUSES, type ContractStatus, registerCustomerColumn } from '../customers';
import { EXPIRING_WITHIN_DAYS, TODAY_SQL } from './contract-state';

/**
 * A customer row's `contractStatus`: its best live contract today (UTC), ACTIVE > EXPIRING >
 * EXPIRED > NONE. A contract not started yet does not cover the customer (NONE if it is the
 * only one). A column of the customer's own statement: one index-only probe of
 * `contract_customer_idx` per row of the page, no N+1.
 */
registerCustomerColumn({
  key: 'contractStatus',
  order: 20,
  sql: (alias) => `(SELECT CASE max(CASE WHEN best_contract.start_date > ${TODAY_SQL} THEN 0
                                         WHEN best_contract.end_date < ${TODAY_SQL} THEN 1
                                         WHEN best_contract.end_date <= ${TODAY_SQL} + ${EXPIRING_WITHIN_DAYS} THEN 2
                                         ELSE 3 END)
                     WHEN 3 THEN 'ACTIVE' WHEN 2 THEN 'EXPIRING' WHEN 1 THEN 'EXPIRED' ELSE 'NONE' END
                     FROM contract best_contract
                    WHERE best_contract.tenant_id = "${alias}".tenant_id
                      AND best_contract.organization_id = "${alias}".organization_id
                      AND best_contract.customer_id = "${alias}".id
                      AND best_contract.deleted_at IS NULL)`,
  read: (selected): ContractStatus =>
    CONTRACT_STATUSES.includes(selected as ContractStatus) ? (selected as ContractStatus) : 'NONE',
});
