/**
 * The `.csv` files the IAM console offers once, when a secret is shown: an access key
 * (`Access key ID,Secret access key`) and a console password (`User name,Password,Console sign-in URL`),
 * each a header line and one row, lines ending in CRLF as the AWS console writes them.
 */

/** A CSV field, quoted when it holds a comma, quote or line break. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/** The access key file. */
export function accessKeyCsv(accessKeyId: string, secretAccessKey: string): string {
  return csv([['Access key ID', 'Secret access key'], [accessKeyId, secretAccessKey]]);
}

/** The console password file. */
export function consoleCredentialsCsv(userName: string, password: string, signInUrl: string): string {
  return csv([['User name', 'Password', 'Console sign-in URL'], [userName, password, signInUrl]]);
}

/** This endpoint's sign-in address for `accountId` (AWS's is https://ACCOUNT.signin.aws.amazon.com/console). */
export function signInUrl(accountId: string): string {
  return `${window.location.origin}/console?account=${accountId}`;
}

/** Offers `text` as the download `fileName`. */
export function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
