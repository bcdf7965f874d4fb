/** The name part of an address: everything before the last @ (a quoted name part may hold one). */
export function localPart(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? address : address.slice(0, at);
}
