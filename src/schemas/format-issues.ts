import type { z } from 'astro/zod';

/**
 * Turns zod issues into lines a person can act on: each names the field by its dotted path
 * (for example `icloud.smtp.port.value`) and says what is wrong with it.
 */
export function formatIssues(issues: readonly z.core.$ZodIssue[], file: string): string {
  const lines = issues.map((issue) => {
    const path = issue.path.length ? issue.path.map(String).join('.') : '(root)';
    return `  - ${path}: ${issue.message}`;
  });
  return `${file} is not valid (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${lines.join('\n')}`;
}
