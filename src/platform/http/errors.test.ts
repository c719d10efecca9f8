import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { type FieldIssue, invalid } from './errors.ts';

// A field problem a service raises carries a code a client can translate. Every refusal takes only
// coded problems (FieldIssue), so the compiler enforces it; `npm test` does not type-check, so this
// test also reads every problem written out where `invalid`, `conflict` or `HttpError` is called.

const SRC = join(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) return [];
    return /\b(invalid|conflict|HttpError)\(/.test(readFileSync(path, 'utf8')) ? [path] : [];
  });
}

const isRefusal = (node: ts.Node) =>
  (ts.isCallExpression(node) && ['invalid', 'conflict'].includes(node.expression.getText())) ||
  (ts.isNewExpression(node) && node.expression.getText() === 'HttpError');

const names = (o: ts.ObjectLiteralExpression) =>
  o.properties.map((p) => (ts.isSpreadAssignment(p) ? '...' : (p.name?.getText() ?? '')));

/** Where a file writes out a problem (an object with a `path`) without a `code` in a refusal. */
function uncodedProblems(path: string): string[] {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node, inRefusal: boolean) => {
    const within = inRefusal || isRefusal(node);
    if (within && ts.isObjectLiteralExpression(node)) {
      const keys = names(node);
      if (keys.includes('path') && !keys.includes('code') && !keys.includes('...')) {
        found.push(`${relative(SRC, path)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
      }
    }
    ts.forEachChild(node, (child) => visit(child, within));
  };
  visit(file, false);
  return found;
}

describe('field problems raised by services', () => {
  it('each carry a code', () => {
    expect(sourceFiles(SRC).flatMap(uncodedProblems)).toEqual([]);
  });

  it('cannot be written without a code', () => {
    // @ts-expect-error a problem without a code does not type-check
    const uncoded: FieldIssue = { path: 'userId', message: 'is not a user of your agency' };
    expect(invalid('x', [{ ...uncoded, code: 'not_agency_user' }]).fields).toEqual([
      { path: 'userId', message: 'is not a user of your agency', code: 'not_agency_user' },
    ]);
  });
});
