/**
 * Provider supervision (备案, 等级评定, evaluations, 双随机 inspections, credit): the endpoints,
 * called through the one API client, and the bits of logic the pages show before the server answers.
 */
import {
  DOCUMENT_MAX_BYTES,
  DOCUMENT_MIME_TYPES,
  drawInspection,
  type CheckInOverrideView,
  type CreateInspectorInput,
  type CreditRecordView,
  type DrawPoolView,
  type DrawVerificationView,
  type EvaluationView,
  type FilingView,
  type GradeProviderInput,
  type GradingCriteria,
  type GradingView,
  type InspectionDrawInputView,
  type InspectionDrawView,
  type InspectionStatus,
  type InspectionView,
  type InspectorView,
  type ProviderDocumentKind,
  type ProviderDocumentView,
  type ProviderKind,
  type ProviderRecordView,
  type RecordEvaluationInput,
  type RecordInspectionInput,
  type ReviewCheckInOverrideInput,
  type UpdateFilingInput,
} from '@carecircle/shared';
import { api, type ApiClient } from '../api';

export function supervisionApi(client: ApiClient = api) {
  const id = (v: string) => encodeURIComponent(v);
  const base = (providerId: string) => `/supervision/providers/${id(providerId)}`;
  return {
    record: (providerId: string) => client.request<ProviderRecordView>('GET', base(providerId)),
    updateFiling: (providerId: string, input: UpdateFilingInput) => client.request<FilingView>('PUT', `${base(providerId)}/filing`, { body: input }),
    uploadDocument(providerId: string, kind: ProviderDocumentKind, title: string, file: File) {
      const form = new FormData();
      form.set('kind', kind);
      form.set('title', title);
      form.set('file', file, file.name);
      return client.request<ProviderDocumentView>('POST', `${base(providerId)}/documents`, { body: form });
    },
    downloadDocument: (providerId: string, doc: ProviderDocumentView) => client.download(`${base(providerId)}/documents/${id(doc.id)}/download`, doc.fileName),
    gradingCriteria: (providerId: string) => client.request<{ policyVersion: number | null; criteria: GradingCriteria | null }>('GET', `${base(providerId)}/grading-criteria`),
    grade: (providerId: string, input: GradeProviderInput) => client.request<GradingView>('POST', `${base(providerId)}/gradings`, { body: input }),
    recordEvaluation: (providerId: string, input: RecordEvaluationInput) => client.request<EvaluationView>('POST', `${base(providerId)}/evaluations`, { body: input }),
    staffCredit: (staffId: string) => client.request<CreditRecordView>('GET', `/supervision/staff/${id(staffId)}/credit`),

    inspectors: (regionId: string) => client.request<InspectorView[]>('GET', '/supervision/inspectors', { query: { regionId } }),
    addInspector: (input: CreateInspectorInput) => client.request<InspectorView>('POST', '/supervision/inspectors', { body: input }),
    setInspectorActive: (inspectorId: string, active: boolean) => client.request<InspectorView>('PATCH', `/supervision/inspectors/${id(inspectorId)}`, { body: { active } }),
    /** Step 1: the server makes the seed and publishes its hash with the pools. */
    draw: (input: InspectionDrawInputView) => client.request<InspectionDrawView>('POST', '/supervision/draws', { body: input }),
    /** Step 2: the draw is made from the committed seed, which is revealed. */
    executeDraw: (drawId: string) => client.request<InspectionDrawView>('POST', `/supervision/draws/${id(drawId)}/execute`, { body: {} }),
    drawPool: (regionId: string, providerKind: ProviderKind) => client.request<DrawPoolView>('GET', '/supervision/draw-pool', { query: { regionId, providerKind } }),
    draws: (regionId: string) => client.request<InspectionDrawView[]>('GET', '/supervision/draws', { query: { regionId } }),
    verifyDraw: (drawId: string) => client.request<DrawVerificationView>('POST', `/supervision/draws/${id(drawId)}/verify`, { body: {} }),
    inspections: (regionId?: string, status?: InspectionStatus) => client.request<InspectionView[]>('GET', '/supervision/inspections', { query: { regionId, status } }),
    recordInspection: (inspectionId: string, input: RecordInspectionInput) => client.request<InspectionView>('PUT', `/supervision/inspections/${id(inspectionId)}/result`, { body: input }),
    publishInspection: (inspectionId: string) => client.request<InspectionView>('POST', `/supervision/inspections/${id(inspectionId)}/publish`, { body: {} }),
    checkInOverrides: (status: 'unreviewed' | 'reviewed' | 'all' = 'unreviewed', providerId?: string) =>
      client.request<CheckInOverrideView[]>('GET', '/supervision/check-in-overrides', { query: { status, providerId } }),
    reviewOverride: (orderId: string, input: ReviewCheckInOverrideInput) => client.request<CheckInOverrideView>('POST', `/supervision/check-in-overrides/${id(orderId)}/review`, { body: input }),
  };
}

export const supervision = supervisionApi();

/** What the operator sees next to a credit score: fine, close to the line, or suspended. */
export function creditTone(score: number, suspendBelow: number): { color: 'green' | 'orange' | 'red'; label: string } {
  if (score < suspendBelow) return { color: 'red', label: `低于 ${suspendBelow} 分，已暂停派单` };
  if (score < suspendBelow + 10) return { color: 'orange', label: `接近暂停线（${suspendBelow} 分）` };
  return { color: 'green', label: '正常' };
}

/** The same check the server does, so a wrong file is refused before it is sent. */
export function documentProblem(file: { type: string; size: number; name: string }): string | null {
  const byName = /\.(pdf|jpe?g|png)$/i.test(file.name);
  if (!byName && !(DOCUMENT_MIME_TYPES as readonly string[]).includes(file.type)) return '只能上传 PDF、JPG 或 PNG 文件';
  if (file.size > DOCUMENT_MAX_BYTES) return '文件不能超过 10 MB';
  if (file.size === 0) return '文件是空的';
  return null;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} B`;
}

/**
 * "Reproduce this draw" in the browser: the same shared function the server ran, on the logged seed
 * and pools. True when it gives the logged providers and inspectors in the same order.
 */
export function reproduceDraw(draw: Pick<InspectionDrawView, 'seed' | 'providerPool' | 'inspectorPool' | 'providerCount' | 'inspectorCount' | 'providers' | 'inspectors'>): boolean {
  if (draw.seed === null) return false;
  const again = drawInspection({ seed: draw.seed, providerPool: draw.providerPool, inspectorPool: draw.inspectorPool, providerCount: draw.providerCount, inspectorCount: draw.inspectorCount });
  return (
    JSON.stringify(again.providerIds) === JSON.stringify(draw.providers.map((p) => p.id)) &&
    JSON.stringify(again.inspectorIds) === JSON.stringify(draw.inspectors.map((i) => i.id))
  );
}

/** SHA-256 (hex) of a revealed seed, computed in the browser: it must equal the hash published before the draw. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
