// Building the values every handler returns: never a stack trace, never a raw exception.
import type { ApiError, ErrorCode, Result } from '#shared/contract.ts'
import type { Rejection } from '#shared/domain.ts'

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail<T = never>(code: ErrorCode, message: string, issues?: Rejection[]): Result<T> {
  const error: ApiError = issues ? { code, message, issues } : { code, message }
  return { ok: false, error }
}
