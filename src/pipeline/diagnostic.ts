/**
 * Diagnostics: bad input is data, not an exception. A step returns diagnostics with positions;
 * the CLI prints them as `file:line:column: severity message [rule]`.
 */
export type Severity = 'error' | 'warning';

export type Diagnostic = {
  severity: Severity;
  /** 1-based line and column (column counts UTF-16 code units, as editors do for BMP text). */
  line: number;
  column: number;
  message: string;
  /** The step and rule that found it, e.g. `parse-article:date`. */
  rule: string;
};

/** Line and column (1-based) of a UTF-16 offset into `text`. `\r\n`, `\n` and a lone `\r` each end a line. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const stop = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: stop - lineStart + 1 };
}

export function diagnosticAt(
  text: string,
  offset: number,
  severity: Severity,
  message: string,
  rule: string,
): Diagnostic {
  return { severity, ...positionAt(text, offset), message, rule };
}

export function formatDiagnostic(file: string, d: Diagnostic): string {
  return `${file}:${d.line}:${d.column}: ${d.severity} ${d.message} [${d.rule}]`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
