import ExcelJS from 'exceljs';
import type { ActionContext } from './handler';
import { storeFile, temporaryUrl } from './stored-file';

/** A column of a one-sheet export: its header, its width (characters), and its cell for a row (and the row's index). */
export type SheetColumn<T> = readonly [header: string, width: number, cell: (row: T, index: number) => ExcelJS.CellValue];

/**
 * A list as a one-sheet .xlsx (exceljs): a bold header row, then a line a row. Stored at
 * `cloudPath`; answers the file id and a temporary URL for the requester.
 */
export async function storeSheet<T>(ctx: Pick<ActionContext, 'app'>, cloudPath: string, sheetName: string, columns: readonly SheetColumn<T>[], rows: readonly T[]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.columns = columns.map(([header, width]) => ({ header, width }));
  rows.forEach((row, i) => ws.addRow(columns.map(([, , cell]) => cell(row, i))));
  ws.getRow(1).font = { bold: true };
  const fileID = await storeFile(ctx, cloudPath, Buffer.from(await wb.xlsx.writeBuffer()));
  return { fileID, url: await temporaryUrl(ctx, fileID) };
}
