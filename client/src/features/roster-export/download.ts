/** Hands a file to the browser's download (Android puts it in Downloads, where Zalo and Excel find it). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the blob after click() returns: free it a little later, not at once.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
