import type { QuoteView, ServiceCode, ServiceTypeView } from '@carecircle/shared'
import { expectList, expectRecord } from './guards'
import { api } from './request'

let cache: Promise<ServiceTypeView[]> | null = null

/** 助老服务项目 with duration and price; the catalog changes rarely, so one fetch per app run. */
export function listServiceTypes(): Promise<ServiceTypeView[]> {
  if (!cache) {
    cache = api
      .get('/api/catalog/services')
      .then((data) => expectList<ServiceTypeView>(data))
      .catch((err: unknown) => {
        cache = null
        throw err
      })
  }
  return cache
}

/** What ordering this service for this elder costs: price, subsidy, what the family pays. */
export async function getQuote(elderId: string, serviceCode: ServiceCode): Promise<QuoteView> {
  return expectRecord<QuoteView>(await api.get('/api/catalog/quote', { elderId, serviceCode }), ['priceFen', 'subsidyFen', 'payFen', 'subsidyNote'])
}
