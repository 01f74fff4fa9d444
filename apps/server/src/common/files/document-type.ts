import { DOCUMENT_MAX_BYTES, ErrorCode } from '@carecircle/shared';
import { DomainError } from '../errors/domain-error.js';

export type DocumentMime = 'application/pdf' | 'image/jpeg' | 'image/png';
export const EXTENSIONS: Record<DocumentMime, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/** The type from the file's first bytes — the client's name and content-type are not trusted. */
export function sniffDocumentType(data: Buffer): DocumentMime | null {
  if (data.length >= 5 && data.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return null;
}

/** A PDF, JPG or PNG of at most 10 MB, or a 4xx naming the field. */
export function requireDocument(file: { buffer: Buffer; size: number } | undefined): DocumentMime {
  if (!file || !file.buffer?.length) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'file: 请选择要上传的文件', { fields: [{ field: 'file', message: '请选择要上传的文件' }] });
  }
  if (file.size > DOCUMENT_MAX_BYTES) throw new DomainError(ErrorCode.PAYLOAD_TOO_LARGE, '文件不能超过 10 MB');
  const mime = sniffDocumentType(file.buffer);
  if (!mime) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'file: 只能上传 PDF、JPG 或 PNG 文件', { fields: [{ field: 'file', message: '只能上传 PDF、JPG 或 PNG 文件' }] });
  return mime;
}

/** A file name safe to show and to put in a Content-Disposition header (the path never uses it). */
export function displayName(original: string | undefined, mime: DocumentMime): string {
  const base = (original ?? '').replace(/[\\/\u0000-\u001f"<>|:*?]/g, '').trim().slice(-120);
  return base || `document.${EXTENSIONS[mime]}`;
}
