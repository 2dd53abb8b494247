/**
 * Files the officer takes away (the request letter, the JSON export): made in the page as a Blob and saved
 * through a temporary link, so nothing is written anywhere the officer did not choose.
 */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

export const pdfBlob = (base64: string): Blob => new Blob([base64ToBytes(base64)], { type: 'application/pdf' });

/** A file the core made, as text or as base64 bytes. */
export const documentBlob = (file: { content: string; encoding: 'utf8' | 'base64'; mimeType: string }): Blob =>
  new Blob([file.encoding === 'base64' ? base64ToBytes(file.content) : file.content], { type: file.mimeType });

export const jsonBlob = (document: unknown): Blob => new Blob([`${JSON.stringify(document, null, 2)}\n`], { type: 'application/json' });

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the file to the browser; the URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
