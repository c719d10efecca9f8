import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api.ts';
import { fileNameOf, formatOfFile } from './api.ts';
import { firstProblems, problemsOfError } from './problems.ts';

describe('HTCDS import problems', () => {
  it('reads each refused row and column from the 400 answer', () => {
    const error = new ApiError(400, 'bad_request', 'The file has 3 problems; nothing was written.', [
      { path: '3.prs_Birthdate', message: 'is after the registration date 2025-01-01' },
      { path: '2.vic_TypeOfExploitation', message: 'Unknown value "Scam"' },
      { path: '(file)', message: 'is not UTF-8' },
    ]);
    expect(problemsOfError(error)).toEqual([
      { row: 3, column: 'prs_Birthdate', message: 'is after the registration date 2025-01-01' },
      { row: 2, column: 'vic_TypeOfExploitation', message: 'Unknown value "Scam"' },
      { row: 0, column: '', message: 'is not UTF-8' },
    ]);
    expect(problemsOfError(new ApiError(500, 'unknown', 'boom', [{ path: '2.a', message: 'x' }]))).toEqual(
      [],
    );
    expect(problemsOfError(new Error('x'))).toEqual([]);
  });

  it('lists problems in file order and says how many more there are', () => {
    const problems = [
      { row: 9, column: 'b', message: '1' },
      { row: 2, column: 'z', message: '2' },
      { row: 2, column: 'a', message: '3' },
    ];
    expect(firstProblems(problems, 2)).toEqual({
      shown: [
        { row: 2, column: 'a', message: '3' },
        { row: 2, column: 'z', message: '2' },
      ],
      more: 1,
    });
  });

  it('names files as the server does, and tells formats by extension', () => {
    expect(fileNameOf('attachment; filename="htcds-2025-02-14.csv"', 'csv')).toBe('htcds-2025-02-14.csv');
    expect(fileNameOf(null, 'xlsx')).toBe('htcds.xlsx');
    expect(formatOfFile('cases.XLSX')).toBe('xlsx');
    expect(formatOfFile('cases.csv')).toBe('csv');
    expect(formatOfFile('cases.txt')).toBeNull();
  });
});
