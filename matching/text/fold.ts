/** Case- and form-insensitive key for comparing words in any script (NFC, then Unicode lower case). */
export function fold(text: string): string {
  return text.normalize('NFC').toLowerCase();
}
