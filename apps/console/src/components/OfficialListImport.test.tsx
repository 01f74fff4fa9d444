import type { OfficialListPreviewView } from '@carecircle/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubServer } from '../test/fetchStub';
import { OfficialListImport } from './OfficialListImport';

const preview: OfficialListPreviewView = {
  total: 3, matched: 1, unmatched: 1, conflicts: 0, invalid: 1,
  rows: [
    { row: 2, name: '王建国', idNumberMasked: '3205**********0013', category: 'dibao', validUntil: '2027-12-31', status: 'matched', elderId: 'e1', communityName: '朝阳社区', message: null },
    { row: 3, name: '周阿婆', idNumberMasked: '3205**********1768', category: 'tekun', validUntil: '2027-12-31', status: 'unmatched', elderId: null, communityName: null, message: '未在您负责地区的在册老人中找到此身份证号' },
    { row: 4, name: '吴某某', idNumberMasked: '3205*********1123', category: 'dibao', validUntil: '2027-12-31', status: 'invalid', elderId: null, communityName: null, message: '第 4 行：身份证号无效（应为 18 位，校验位正确）' },
  ],
};

const CSV = '\ufeff姓名,身份证号,类别,有效期至\r\n王建国,320583194805120013,低保,2027-12-31\r\n';

afterEach(() => vi.unstubAllGlobals());

describe('OfficialListImport', () => {
  it('uploads the CSV for a preview, shows matched / unmatched / bad rows, and confirms the same file', async () => {
    const calls = stubServer({ 'POST /operator/official-list/preview': preview, 'POST /operator/official-list/confirm': { ...preview, applied: 1 } });
    const imported = vi.fn();
    render(
      <AntApp>
        <OfficialListImport onImported={imported} />
      </AntApp>,
    );
    fireEvent.click(screen.getByText('导入官方名单'));
    const input = await waitFor(() => {
      const el = document.querySelector('input[type="file"]');
      if (!el) throw new Error('no file input');
      return el as HTMLInputElement;
    });
    fireEvent.change(input, { target: { files: [new File([CSV], '名单.csv', { type: 'text/csv' })] } });

    await screen.findByText('第 4 行：身份证号无效（应为 18 位，校验位正确）');
    expect(calls.find((c) => c.path === '/operator/official-list/preview')?.body).toEqual({ csv: CSV.replace(/^\ufeff/, '') });
    expect(screen.getByText('已匹配', { selector: '.ant-tag' })).toBeTruthy();
    expect(screen.getByText('未在您负责地区的在册老人中找到此身份证号')).toBeTruthy();

    // Once the preview has loaded, the confirm button is ready (not loading).
    const confirm = await waitFor(() => {
      const b = screen.getByText(/确认核验/).closest('button')!;
      if (b.disabled || b.classList.contains('ant-btn-loading')) throw new Error('confirm not ready');
      return b;
    });
    fireEvent.click(confirm);
    await waitFor(() => expect(imported).toHaveBeenCalled(), { timeout: 5000 });
    expect(calls.find((c) => c.path === '/operator/official-list/confirm')?.body).toEqual({ csv: CSV.replace(/^\ufeff/, '') });
  });

  it('shows the server’s message when the file cannot be read', async () => {
    stubServer({
      'POST /operator/official-list/preview': () =>
        new Response(JSON.stringify({ statusCode: 400, error: 'VALIDATION_FAILED', message: '第 1 行（表头）缺少列：类别' }), { status: 400 }),
    });
    render(
      <AntApp>
        <OfficialListImport />
      </AntApp>,
    );
    fireEvent.click(screen.getByText('导入官方名单'));
    const input = await waitFor(() => document.querySelector('input[type="file"]') as HTMLInputElement);
    fireEvent.change(input, { target: { files: [new File(['姓名,身份证号\r\n'], 'bad.csv', { type: 'text/csv' })] } });
    await screen.findByText('bad.csv：第 1 行（表头）缺少列：类别');
  });
});
