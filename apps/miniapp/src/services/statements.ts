import type { ProviderStatementSummary, ProviderStatementView } from '@carecircle/shared'
import { expectList, expectRecord } from './guards'
import { api } from './request'

/** The statements of every provider the user administers (all months, drafts included). */
export async function listProviderStatements(): Promise<ProviderStatementSummary[]> {
  return expectList<ProviderStatementSummary>(await api.get('/api/provider-statements'))
}

/** One of them with every record behind its lines. */
export async function getProviderStatement(id: string): Promise<ProviderStatementView> {
  return expectRecord<ProviderStatementView>(await api.get(`/api/provider-statements/${encodeURIComponent(id)}`), ['id', 'lines', 'records', 'anomalies'])
}
