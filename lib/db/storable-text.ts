/**
 * A string PostgreSQL accepts in text and jsonb columns. Both refuse the NUL character (U+0000),
 * which a Kubernetes Event or condition message can carry; it is stored as the six characters
 * `\u0000`, so the text still says what was there.
 */
export function storableText(text: string): string {
  return text.replaceAll("\u0000", "\\u0000");
}
